"""flxdesk's translations: extract with pyside6-lupdate, merge into the .ts, compile the .qm.

    python build_scripts/translations.py           # update every resources/i18n/*.ts, then .qm
    python build_scripts/translations.py --check   # exit 1 listing what is missing/unfinished

Why not ``pyside6-lupdate -ts flxdesk_es.ts`` alone: its Python reader marks a message
as plural only when the count is a number literal, and on merging it drops the plural
forms of a message it now reads as singular. So lupdate only extracts (into a
temporary file); this script merges: every text with "%n" is a plural message (two
forms in Spanish), translations are kept by (context, source), texts no longer in the
sources are dropped. The .qm files are compiled by pyside6-lrelease and committed;
tests/packaging/test_translations.py checks they are current.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "flxdesk"
I18N = ROOT / "resources" / "i18n"
PLURAL_FORMS = {"es": 2}  # numerus forms per language (Qt's rules; English has no .ts)


class Message(NamedTuple):
    context: str
    source: str
    comment: str
    plural: bool
    forms: tuple[str, ...]  # the translation (one form, or one per plural form)
    finished: bool


def _tool(name: str) -> str:
    """pyside6-<name> beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: pip install PySide6-Essentials")
    return found


def is_plural(source: str) -> bool:
    return "%n" in source or "%Ln" in source


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: tuple[str, ...] = ()
            finished = False
            if translation is not None:
                plural_forms = translation.findall("numerusform")
                if plural_forms:
                    forms = tuple(form.text or "" for form in plural_forms)
                else:
                    forms = (translation.text or "",)
                finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    message.get("numerus") == "yes",
                    forms,
                    finished and all(forms),
                )
            )
    return messages


def extract() -> list[Message]:
    """Every translatable text in flxdesk/, as pyside6-lupdate reads it."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "extracted.ts"
        subprocess.run(
            [
                *(_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none"),
                *(str(SOURCES), "-ts", str(out)),
            ],
            check=True,
        )
        return read_ts(out)


def merge(extracted: list[Message], existing: list[Message], language: str) -> list[Message]:
    """The extracted texts with the translations ``existing`` has for them."""
    known = {(m.context, m.source, m.comment): m for m in existing}
    forms_wanted = PLURAL_FORMS.get(language, 2)
    merged = []
    for message in extracted:
        plural = is_plural(message.source)
        old = known.get((message.context, message.source, message.comment))
        forms = old.forms if old is not None else ()
        count = forms_wanted if plural else 1
        forms = (tuple(forms) + ("",) * count)[:count]
        finished = old is not None and old.finished and all(forms)
        merged.append(message._replace(plural=plural, forms=forms, finished=finished))
    return sorted(set(merged), key=lambda m: (m.context, m.source, m.comment))


def write_ts(path: Path, language: str, messages: list[Message]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for message in messages:
        context = contexts.get(message.context)
        if context is None:
            context = contexts[message.context] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = message.context
        element = ET.SubElement(context, "message", numerus="yes") if message.plural else None
        element = element if element is not None else ET.SubElement(context, "message")
        ET.SubElement(element, "source").text = message.source
        if message.comment:
            ET.SubElement(element, "comment").text = message.comment
        translation = ET.SubElement(element, "translation")
        if not message.finished:
            translation.set("type", "unfinished")
        if message.plural:
            for form in message.forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = message.forms[0]
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', "utf-8")


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def language_of(ts: Path) -> str:
    return ts.stem.split("_", 1)[1]


def problems(ts: Path, extracted: list[Message]) -> list[str]:
    """What ``ts`` lacks for the sources: missing or unfinished texts, plural forms."""
    have = {(m.context, m.source, m.comment): m for m in read_ts(ts)}
    found = []
    for message in extracted:
        old = have.get((message.context, message.source, message.comment))
        where = f"{ts.name}: [{message.context}] {message.source!r}"
        if old is None:
            found.append(f"{where}: missing (run build_scripts/translations.py)")
        elif not old.finished:
            found.append(f"{where}: unfinished")
        elif is_plural(message.source) and not old.plural:
            found.append(f"{where}: needs its plural forms")
    return found


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only list what is missing")
    args = parser.parse_args(arguments)
    extracted = extract()
    found = []
    for ts in sorted(I18N.glob("flxdesk_*.ts")):
        if args.check:
            found += problems(ts, extracted)
            continue
        write_ts(ts, language_of(ts), merge(extracted, read_ts(ts), language_of(ts)))
        compile_qm(ts, ts.with_suffix(".qm"))
        left = problems(ts, extracted)
        print(f"{ts.relative_to(ROOT)}: {len(extracted)} texts, {len(left)} to translate")
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
