"""File logging for the app, with a filter that masks secrets as a second line of defence.

Code never passes the token to a logger; the filter makes sure that a mistake in a
library's message cannot write it to disk either.
"""

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

MASK = "[token]"
MIN_PIECE_LENGTH = 6  # shorter pieces of a broken secret are too common to mask

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None


def secret_forms(secret: str) -> set[str]:
    """Every way ``secret`` may show up in text: as is, escaped as in a repr or a
    traceback, and, when it holds line breaks or blanks, each longer piece of it.
    """
    forms = {secret, secret.strip(), repr(secret)[1:-1], secret.encode("unicode_escape").decode()}
    forms |= {
        piece for piece in re.split(r"[\s\x00-\x1f\x7f]+", secret) if len(piece) >= MIN_PIECE_LENGTH
    }
    return {form for form in forms if form}


def _pattern_for(secrets: Iterable[str]) -> re.Pattern[str] | None:
    forms = set().union(*(secret_forms(secret) for secret in secrets if secret))
    if not forms:
        return None
    longest_first = sorted(forms, key=len, reverse=True)
    # Case-insensitive: a server or library may echo the token upper- or lower-cased.
    return re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE)


def register_secret(secret: str) -> None:
    """Mask ``secret`` in every log record from now on."""
    global _pattern
    if secret:
        with _secrets_lock:
            _secrets.add(secret)
            _pattern = _pattern_for(_secrets)


def mask_text(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every form of the given secrets replaced by the mask."""
    pattern = _pattern_for(secrets)
    return pattern.sub(MASK, text) if pattern else text


def mask_secrets(text: str) -> str:
    """``text`` with every registered secret masked."""
    with _secrets_lock:
        pattern = _pattern
    return pattern.sub(MASK, text) if pattern else text


class SecretMaskingFilter(logging.Filter):
    """Masks secrets in the message, the exception text and traceback, and stack info."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatted once here, masked, and cached where every formatter looks first.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def rotate_if_large(log_file: Path) -> str:
    """Keep the log small: at start-up, shift flxdesk.log to .1 (.1 to .2, ...) when large.

    Rotating once per start instead of with ``RotatingFileHandler`` keeps
    ``logging.handlers`` (and the socket/pickle modules it imports) off the start-up path.
    A rename that fails (on Windows, while another flxdesk holds the file open: the window
    while a command-line run starts) leaves the files where they are, and the log goes on
    in flxdesk.log: a log that grows past its size beats no log. Returns what failed, or "".
    """
    try:
        if log_file.stat().st_size < LOG_MAX_BYTES:
            return ""
    except OSError:
        return ""
    for number in range(LOG_BACKUPS, 0, -1):
        newer = log_file.with_name(f"{log_file.name}.{number - 1}") if number > 1 else log_file
        try:
            if newer.exists():
                newer.replace(log_file.with_name(f"{log_file.name}.{number}"))
        except OSError as error:
            return f"{newer.name}: {type(error).__name__}: {error.strerror or error}"
    return ""


class QuietFileHandler(logging.FileHandler):
    """A log line that cannot be written (a full disk) is dropped, not sprayed on stderr
    as a traceback: the fault itself is reported in words where it matters."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_file_logging(log_file: Path, level: int = logging.INFO) -> logging.Handler:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    rotation_problem = rotate_if_large(log_file)
    handler = QuietFileHandler(log_file, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(SecretMaskingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    if rotation_problem:
        logging.getLogger(__name__).warning(
            "Log rotation skipped (%s); logging goes on in %s", rotation_problem, log_file.name
        )
    return handler
