"""The note's signature: who and where, kept by Flxpoint with the note (optional).

``note_signature`` is a template such as ``"{note} ({operator}, {station})"``; "" (the
default) sends the note as typed. It must hold ``{note}`` and may hold ``{operator}``
and ``{station}``, nothing else. With nobody signed in the note goes as typed: a
signature without a name says nothing the history does not. The signed note must fit
Flxpoint's 500 characters (``flxdesk.orders.notes``): the note box leaves room for it.
"""

from __future__ import annotations

import string

from flxdesk.host.i18n import translate
from flxdesk.orders.notes import MAX_NOTE_LENGTH

FIELDS = frozenset({"note", "operator", "station"})


def signature_problem(template: object) -> str:
    """Why ``template`` cannot be the note's signature ("" when it can)."""
    if not isinstance(template, str):
        return translate("Signature", '"note_signature" must be text in quotes')
    if not template:
        return ""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return translate("Signature", '"note_signature" has an unmatched { or }')
    unknown = sorted(fields - FIELDS)
    if unknown:
        words = translate(
            "Signature",
            '"note_signature" may use {{note}}, {{operator}} and {{station}}, not {names}',
        )
        return words.format(names=", ".join("{" + name + "}" for name in unknown))
    if "note" not in fields:
        return translate("Signature", '"note_signature" must hold {note}')
    if len(sign("", template, "x" * 80, "x" * 64)) > MAX_NOTE_LENGTH // 2:
        return translate("Signature", '"note_signature" leaves too little room for the note')
    return ""


def sign(note: str, template: str, operator: str, station: str) -> str:
    """The note as Flxpoint keeps it: signed when there is a template and an operator."""
    if not template or not operator:
        return note
    return template.format(note=note, operator=operator, station=station).strip()


def room_for_note(template: str, operator: str, station: str) -> int:
    """How many characters the note may have so that the signed note fits."""
    if not template or not operator:
        return MAX_NOTE_LENGTH
    return MAX_NOTE_LENGTH - len(template.format(note="", operator=operator, station=station))
