"""Time periods a person asks about: today, this shift, or dates they type.

Shared by the history filters, the shift summary and ``flxdesk report --since``.
A period is a half-open range of epoch seconds, ``since <= t < until``, in the
computer's local time zone; ``until`` None means "up to now, and whatever comes".
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import NamedTuple

from flxdesk.host.i18n import translate

SHIFT_HOURS = 8  # "this shift": the last 8 hours, whatever time it is


class InvalidPeriod(ValueError):
    """The text is not a period flxdesk understands; ``str(error)`` says what is."""


class Period(NamedTuple):
    since: float
    until: float | None  # exclusive; None: open-ended
    label: str  # names the period for a person, e.g. in the PDF's title

    def contains(self, moment: float) -> bool:
        return moment >= self.since and (self.until is None or moment < self.until)


def _local(moment: float) -> datetime:
    return datetime.fromtimestamp(moment).astimezone()


def _stamp(moment: float) -> str:
    return _local(moment).strftime("%Y-%m-%d %H:%M")


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day).astimezone().timestamp()


def describe(since: float, until: float | None, now: float) -> str:
    """'2025-06-03 06:00 to 14:00' (the date once when both ends share it)."""
    end = now if until is None else until
    start_text, end_text = _stamp(since), _stamp(end)
    if start_text[:10] == end_text[:10]:
        end_text = end_text[11:]
    return translate("Periods", "{start_text} to {end_text}").format(
        start_text=start_text, end_text=end_text
    ) + (translate("Periods", " (now)") if until is None else "")


def today(now: float | None = None) -> Period:
    now = time.time() if now is None else now
    since = _midnight(_local(now).date())
    return Period(
        since,
        None,
        translate("Periods", "today, {describe}").format(describe=describe(since, None, now)),
    )


def this_shift(now: float | None = None, hours: float = SHIFT_HOURS) -> Period:
    now = time.time() if now is None else now
    since = now - hours * 3600
    return Period(
        since,
        None,
        translate("Periods", "last {hours} hours, {describe}").format(
            hours=f"{hours:g}", describe=describe(since, None, now)
        ),
    )


def between(since: float, until: float | None, now: float | None = None) -> Period:
    """A period given by its epoch bounds (a date range chosen in the window)."""
    now = time.time() if now is None else now
    if until is not None and until <= since:
        raise InvalidPeriod(
            translate("Periods", "The end of the period must come after its start.")
        )
    return Period(since, until, describe(since, until, now))


HELP = (
    "today, shift (the last 8 hours), a date (2025-06-03) or a date and time "
    "(2025-06-03 06:00 or 2025-06-03T06:00)"
)


def parse_moment(text: str, *, end_of_day: bool = False) -> float:
    """An ISO date or date-and-time in local time (or with its own offset), as epoch seconds.

    With ``end_of_day``, a date alone means the end of that day: ``--until 2025-06-03``
    includes the 3rd, the way people read a date range.
    """
    cleaned = text.strip()
    try:
        if len(cleaned) == 10:  # a date alone
            day = date.fromisoformat(cleaned)
            return _midnight(day + timedelta(days=1) if end_of_day else day)
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise InvalidPeriod(
            f"{text!r} is not a date or time flxdesk understands; use {HELP}."
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time, as the person means it
    return moment.timestamp()


def parse_period(since: str, until: str | None = None, now: float | None = None) -> Period:
    """The period of ``--since`` / ``--until`` text; raises InvalidPeriod in plain words."""
    now = time.time() if now is None else now
    word = since.strip().lower()
    if word == "today":
        period = today(now)
    elif word == "shift":
        period = this_shift(now)
    else:
        try:
            start = parse_moment(since)
        except InvalidPeriod:
            raise InvalidPeriod(f"--since {since!r} is not understood; use {HELP}.") from None
        period = Period(start, None, describe(start, None, now))
    if until is None:
        if period.since > now:
            raise InvalidPeriod(f"--since {since} is in the future; nothing has happened yet.")
        return period
    try:
        end = parse_moment(until, end_of_day=True)
    except InvalidPeriod:
        raise InvalidPeriod(
            f"--until {until!r} is not understood; use a date (2025-06-03) or a date and "
            "time (2025-06-03 14:00)."
        ) from None
    if end <= period.since:
        raise InvalidPeriod(f"--until {until} is not after --since {since}.")
    return between(period.since, end, now)
