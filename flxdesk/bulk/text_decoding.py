"""Turning an imported file's bytes into text exactly as it was written, or refusing it.

UTF-8 (with or without a byte-order mark) when the whole file is UTF-8. Windows-1252,
the "ANSI" code page Excel uses for CSV, only when the file is not UTF-8 and holds no
UTF-8 multi-byte sequence at all: a file with both (one program appended to another's
file) is refused with the line of its first bad byte, because guessing would garble
one part or the other (``café`` sent as ``cafÃ©``).
"""

from __future__ import annotations

import re

from flxdesk.host.i18n import translate

UTF8_BOM = b"\xef\xbb\xbf"

# A well-formed UTF-8 sequence of two to four bytes (RFC 3629, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


class UndecodableText(ValueError):
    """The bytes are not one text encoding; ``str(error)`` names the line and the byte."""


def line_of(data: bytes, position: int) -> int:
    """The 1-based line holding byte ``position``."""
    return data.count(b"\n", 0, position) + 1


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``, or UndecodableText; a UTF-8 BOM is dropped."""
    body = data.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    offset = len(data) - len(body)
    bad = utf8_error.start + offset
    if len(body) != len(data) or _UTF8_MULTIBYTE.search(body):
        raise UndecodableText(
            translate(
                "TextDecoding",
                "line {line_of} has a byte (0x{value}) that is not UTF-8, while other "
                "parts of the file are UTF-8: the file mixes two text encodings. Save it "
                'again from the spreadsheet as "CSV UTF-8" and import that.',
            ).format(line_of=line_of(data, bad), value=f"{data[bad]:02x}")
        )
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise UndecodableText(
            translate(
                "TextDecoding",
                "line {line_of} has a byte (0x{value}) that is neither UTF-8 nor Windows "
                'text. Save it again from the spreadsheet as "CSV UTF-8" and import that.',
            ).format(line_of=line_of(data, error.start), value=f"{data[error.start]:02x}")
        ) from None
