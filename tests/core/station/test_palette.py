"""Every colour pair the station shows keeps 4.5:1 contrast in light and dark themes."""

from __future__ import annotations

import pytest

from flxdesk.orders.statuses import ORDER_STATUSES
from flxdesk.station.palette import (
    ALTERNATE_BACKGROUND,
    BAND,
    MIN_CONTRAST,
    MIN_NON_TEXT_CONTRAST,
    NOTICE,
    STATE_TEXT,
    STATUS_CHIP,
    WINDOW_BACKGROUND,
    Scheme,
    contrast_ratio,
    relative_luminance,
)


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", list(Scheme))
def test_band_and_chip_text_is_readable(scheme: Scheme) -> None:
    for table in (BAND, STATUS_CHIP):
        for name, pairs in table.items():
            pair = pairs[scheme]
            assert contrast_ratio(pair.background, pair.foreground) >= MIN_CONTRAST, (name, pair)


@pytest.mark.parametrize("scheme", list(Scheme))
def test_history_result_colours_are_readable_on_plain_and_alternate_rows(scheme: Scheme) -> None:
    for state, colours in STATE_TEXT.items():
        for background in (WINDOW_BACKGROUND[scheme], ALTERNATE_BACKGROUND[scheme]):
            assert contrast_ratio(colours[scheme], background) >= MIN_CONTRAST, (state, scheme)


def test_every_status_has_a_chip_and_destructive_ones_are_not_green() -> None:
    assert set(STATUS_CHIP) == set(ORDER_STATUSES)
    assert STATUS_CHIP["Canceled"][Scheme.LIGHT] != STATUS_CHIP["Closed"][Scheme.LIGHT]


@pytest.mark.parametrize("scheme", list(Scheme))
def test_notices_are_readable_and_their_borders_stand_out(scheme: Scheme) -> None:
    assert {"held", "demo", "crash"} <= set(NOTICE)
    for name, notices in NOTICE.items():
        notice = notices[scheme]
        assert contrast_ratio(notice.background, notice.foreground) >= MIN_CONTRAST, name
        if notice.border != notice.background:  # a border that is drawn must be seen
            border = contrast_ratio(notice.border, WINDOW_BACKGROUND[scheme])
            assert border >= MIN_NON_TEXT_CONTRAST, (name, scheme)


def test_dark_notices_are_dark() -> None:
    """A notice that kept its light colours would glare in a dark window."""
    for name, notices in NOTICE.items():
        light, dark = notices[Scheme.LIGHT], notices[Scheme.DARK]
        assert relative_luminance(dark.background) < relative_luminance(light.background), name
