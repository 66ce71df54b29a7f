"""One table per outcome: its finality, the worker's words and the supervisor's words."""

from __future__ import annotations

import string
import time
from pathlib import Path

import pytest

from flxdesk.flxpoint.results import (
    certificate_result,
    connection_result,
    offline_result,
    result_for_response,
    timeout_result,
)
from flxdesk.history.periods import Period
from flxdesk.history.store import HistoryStore
from flxdesk.orders.destination import Destination
from flxdesk.orders.outcomes import (
    OUTCOMES,
    THEIR_OWN_WORDS,
    Finality,
    Outcome,
    supervisor_words,
    worker_words,
)
from flxdesk.reports.shift_report import summarize, summary_lines

# What flxdesk.flxpoint.results fills in; a template asking for more would raise.
FILLED_IN = {"order_id", "status", "status_code", "said", "value", "reason"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_has_its_finality_and_both_words(outcome: Outcome) -> None:
    meaning = OUTCOMES[outcome]
    assert isinstance(meaning.finality, Finality)
    assert meaning.worker.strip() and meaning.supervisor.strip()
    assert fields(meaning.worker) <= FILLED_IN
    assert supervisor_words(outcome) not in ("", outcome.value)  # never the raw code
    assert outcome.finality is meaning.finality


def test_the_table_has_nothing_but_outcomes() -> None:
    assert list(OUTCOMES) == list(Outcome)


def test_the_supervisor_is_never_told_an_update_that_waits_was_given_up() -> None:
    for outcome, meaning in OUTCOMES.items():
        if not meaning.finality.final:
            assert "gave up" not in meaning.supervisor, outcome


def test_final_and_waiting_outcomes_are_what_the_engine_acts_on() -> None:
    final = {outcome for outcome in Outcome if outcome.finality.final}
    assert final == {
        Outcome.SUCCESS,
        Outcome.BAD_REQUEST,
        Outcome.FORBIDDEN,
        Outcome.NOT_FOUND,
        Outcome.CERTIFICATE_UNTRUSTED,
        Outcome.UNEXPECTED,
        Outcome.INVALID,
        Outcome.DISCARDED,
    }
    assert Outcome.SERVER_ERROR.finality is Finality.WAITS_FOR_FLXPOINT
    assert Outcome.OFFLINE.finality is Finality.WAITS_FOR_CONNECTION
    assert Outcome.RATE_LIMITED.finality is Finality.WAITS_FOR_PACE
    assert Outcome.UNAUTHORIZED.finality is Finality.WAITS_FOR_TOKEN


@pytest.mark.parametrize(
    ("result", "outcome"),
    [
        (result_for_response(201, "", "1001", "Closed"), Outcome.SUCCESS),
        (result_for_response(400, "bad status", "1001", "Closed"), Outcome.BAD_REQUEST),
        (result_for_response(401, "", "1001", "Closed"), Outcome.UNAUTHORIZED),
        (result_for_response(403, "", "1001", "Closed"), Outcome.FORBIDDEN),
        (result_for_response(404, "", "1001", "Closed"), Outcome.NOT_FOUND),
        (result_for_response(429, "", "1001", "Closed", 2.0), Outcome.RATE_LIMITED),
        (result_for_response(503, "down", "1001", "Closed"), Outcome.SERVER_ERROR),
        (result_for_response(418, "", "1001", "Closed"), Outcome.UNEXPECTED),
        (timeout_result("1001", "read timed out"), Outcome.TIMEOUT),
        (offline_result("1001", "refused"), Outcome.OFFLINE),
        (connection_result("1001", "reset"), Outcome.CONNECTION_FAILED),
        (certificate_result("1001", "self-signed"), Outcome.CERTIFICATE_UNTRUSTED),
    ],
)
def test_each_result_speaks_its_outcomes_words(result, outcome: Outcome) -> None:
    assert result.outcome is outcome
    assert OUTCOMES[outcome].worker != THEIR_OWN_WORDS
    first_words = OUTCOMES[outcome].worker.split("{")[0]
    assert result.message.startswith(first_words)
    assert "{" not in result.message  # every value filled in


def test_worker_words_fill_in_their_values() -> None:
    words = worker_words(Outcome.SERVER_ERROR, order_id="1001", status_code=502, said="")
    assert words.startswith("Flxpoint had a problem on its side (502); order 1001 was not")
    assert worker_words(Outcome.INVALID, reason="No status.") == "No status."


def test_unknown_and_empty_outcomes_keep_their_value_for_the_supervisor() -> None:
    assert supervisor_words("lost_in_transit") == "lost_in_transit"
    assert supervisor_words("") == "Unknown"
    assert supervisor_words("timeout", english=True) == "No answer in time"


def test_the_shift_summary_names_an_untrusted_certificate_in_words(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    here = Destination("https://api.example.test", "f" * 32)
    update_id = store.add_queued("1001", "Closed", "", destination=here)
    result = certificate_result("1001", "self-signed certificate")
    store.complete(
        update_id,
        ok=False,
        attempts=1,
        http_code=None,
        outcome=result.outcome,
        message=result.message,
        detail=result.detail,
    )
    summary = summarize(store, Period(time.time() - 60, None, "today"))
    store.close()
    lines = summary_lines(summary)
    reasons = lines[lines.index("failure reasons") + 1]
    assert reasons.split(None, 1) == [
        "1",
        "Server's certificate not trusted by this computer (for IT)",
    ]
    assert "certificate_untrusted" not in "\n".join(lines)
