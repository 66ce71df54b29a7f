"""The translation hook of the Qt-free modules: words they make for people, translatable.

Core modules (the engine, the store, imports) make messages that the window shows, so
they must be translatable, yet they may not import Qt. They call ``translate`` here,
which returns the English text until the window's start-up points the hook at
``QCoreApplication.translate`` (gui/translation.py), and only when a translator is
installed. The command line never does: its output stays English.

Marking, for ``pyside6-lupdate`` (which reads these calls in Python sources):

- ``translate("Context", "text")`` translates at once; with ``n`` it picks a plural form
  of a "%n ..." text ("%Ln": with thousands separators). English needs no translator
  for plurals: write the English source as "%n update(s)", and without a translator
  "(s)" becomes "s" unless n is 1.
  (Plurals go through this hook, never straight to Qt, so that English reads right.)
- ``QT_TRANSLATE_NOOP("Context", "text")`` only marks a constant (a table of labels);
  it is translated later with ``translate`` and the same context.

Never pass an f-string: the text is the key looked up. Fill values in after, with
``.format()``.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str, str | None, int], str]

SOURCE_LANGUAGE = "en"  # the sources' text: nothing to load
# The languages flxdesk speaks, each in its own words (for Settings). Adding one: README,
# "Languages" (a resources/i18n/flxdesk_<code>.ts and its .qm, and a line here).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_NAMES)


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """No translation: the text itself, with "%n" filled in and "(s)" made right for n."""
    if n < 0:
        return text
    text = text.replace("%Ln", f"{n:,}").replace("%n", str(n))
    return text.replace("(s)", "" if n == 1 else "s")


_hook: Translate = _english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the language of the window (English until a translator is installed)."""
    return _hook(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name, which lupdate knows
    """Marks ``text`` for extraction under ``context``; returns it unchanged."""
    return text


def set_translate(hook: Translate | None) -> None:
    """Point the hook at a translator (``QCoreApplication.translate``); None: English."""
    global _hook
    _hook = hook or _english
