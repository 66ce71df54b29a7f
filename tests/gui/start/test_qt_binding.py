"""The installed Qt binding keeps None/True/False reference counts: a long shift depends on it.

PySide6-Essentials 6.12.0 on Python 3.11 lost one reference per call, and the window
aborted ("Fatal Python error: none_dealloc") after a few hundred updates.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from flxdesk.gui.start.binding_check import (
    SINGLETONS_ARE_IMMORTAL,
    BindingProbe,
    check_binding_refcounts,
    describe,
)


@pytest.mark.skipif(
    SINGLETONS_ARE_IMMORTAL,
    reason="None, True and False are immortal from Python 3.12 (PEP 683): counts say nothing",
)
def test_bindings_do_not_lose_references_to_none_true_or_false(qapp) -> None:
    # Windows of earlier tests waiting for deletion would otherwise be freed during the
    # check, taking their references to None/True/False with them.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    gc.collect()
    counts_before = [sys.getrefcount(singleton) for singleton in (None, True, False)]
    report = check_binding_refcounts(calls=5000)
    assert report.defects == [], describe(report)
    counts_after = [sys.getrefcount(singleton) for singleton in (None, True, False)]
    # Some thousands of calls later the counts are where they were, give or take the
    # few references that creating the probe widgets holds.
    for before, after in zip(counts_before, counts_after, strict=True):
        assert after >= before - 50


def test_probed_bindings_do_what_they_should(qapp) -> None:
    report = check_binding_refcounts(calls=500)
    assert report.behaviour_problems == []
    assert "PySide6" in describe(report)


@pytest.mark.skipif(SINGLETONS_ARE_IMMORTAL, reason="None is immortal from Python 3.12")
def test_a_binding_that_drops_references_is_named_and_the_process_survives(qapp) -> None:
    """A stand-in for the 6.12.0 defect: a call that releases a reference it never took."""
    import ctypes

    none = ctypes.py_object(None)
    leaky = BindingProbe("Leaky.call()", None, lambda: ctypes.pythonapi.Py_DecRef(none))
    report = check_binding_refcounts(calls=5000, probes=[leaky])
    assert report.defects == ["Leaky.call() loses a reference to None on every call"]
    assert describe(report).startswith("Qt binding reference-count defect: PySide6 ")
    # The check gave back what it cost: None can take thousands more such calls.
    for _ in range(20_000):
        ctypes.pythonapi.Py_DecRef(none)
    assert sys.getrefcount(None) > 0
