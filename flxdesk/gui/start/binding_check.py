"""Detects a Qt binding that loses references to ``None``, ``True`` or ``False``.

PySide6-Essentials 6.12.0 on CPython 3.11 takes one reference away from the object it
returns on calls such as ``QLabel.setText()`` (``None``) or ``Signal.emit()`` (a bool).
Once such a count reaches zero, CPython aborts with "Fatal Python error: none_dealloc"
(or ``bool_dealloc``): the window vanishes after a few hundred scans. From Python 3.12
these objects are immortal (PEP 683) and the same defect is harmless and invisible.

The probe calls a handful of bindings in small rounds and stops at the first round in
which a count falls. While it runs it holds a cushion of extra references (``False``
may have only a few dozen), and it gives back whatever a defect cost, so running the
check never brings the process closer to the abort it looks for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NamedTuple

SINGLETONS_ARE_IMMORTAL = sys.version_info >= (3, 12)
ROUND_CALLS = 100
CUSHION = 10_000
# A healthy binding leaves the counts where they were; noise from other threads is a
# handful of references, a defect is one per call.
LOSS_PER_CALL_THRESHOLD = 0.5

# What a defect cost is given back with a margin, as references no object holds: the
# binding goes on losing them (even while the interpreter shuts down), and the
# singletons are never freed anyway, so a surplus is harmless.
RETURN_MARGIN = 100_000


class BindingProbe(NamedTuple):
    name: str
    returns: object  # None, True or False: whose count the call may disturb
    call: Callable[[], object]


class BindingReport(NamedTuple):
    calls_per_binding: int
    defects: list[str]  # "QLabel.setText() loses a reference to None on every call"
    behaviour_problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.defects and not self.behaviour_problems


def _probes() -> tuple[list[BindingProbe], Callable[[], list[str]]]:
    """Bindings of each kind the window calls all day, and a check of what they did."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    class Emitter(QObject):
        fired = Signal(int)

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("the binding check needs a QApplication")
    label = QLabel()
    line = QLineEdit()
    emitter = Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    counter = {"n": 0}

    def set_text() -> None:
        counter["n"] += 1
        label.setText(str(counter["n"]))

    def emit() -> object:
        # PySide6's stubs say emit() returns None; it returns True, which the probe checks.
        # Looked up here, so that the closure keeps the emitter alive.
        fire: Callable[[int], object] = emitter.fired.emit
        return fire(counter["n"])

    probes = [
        BindingProbe("QCoreApplication.processEvents()", None, app.processEvents),
        BindingProbe("QLabel.setText()", None, set_text),
        BindingProbe("QLineEdit.clear()", None, line.clear),
        BindingProbe("QWidget.isVisible()", False, label.isVisible),
        BindingProbe("QWidget.isEnabled()", True, label.isEnabled),
        BindingProbe("Signal.emit()", True, emit),
    ]

    def behaviour_problems() -> list[str]:
        problems = []
        if label.text() != str(counter["n"]):
            problems.append(f"QLabel.setText(): text is {label.text()!r}, not {counter['n']}")
        if not received:
            problems.append("Signal.emit(): the connected slot was never called")
        if line.text():
            problems.append("QLineEdit.clear(): the text is still there")
        return problems

    return probes, behaviour_problems


SINGLETONS = (None, True, False)


def _losses(probe: BindingProbe, calls: int) -> dict[object, int]:
    """References to each singleton lost by ``probe``, stopping at the first bad round.

    A defective call may take references from a singleton other than the one it
    returns, so all three are counted (and cushioned by the caller).
    """
    done = 0
    while done < calls:
        before = [sys.getrefcount(singleton) for singleton in SINGLETONS]
        for _ in range(ROUND_CALLS):
            probe.call()
        after = [sys.getrefcount(singleton) for singleton in SINGLETONS]
        done += ROUND_CALLS
        lost: dict[object, int] = {
            singleton: b - a
            for singleton, b, a in zip(SINGLETONS, before, after, strict=True)
            if b - a >= ROUND_CALLS * LOSS_PER_CALL_THRESHOLD
        }
        if lost:
            return lost
    return {}


def _give_back(singleton: object, references: int) -> None:
    import ctypes

    target = ctypes.py_object(singleton)
    for _ in range(references):
        ctypes.pythonapi.Py_IncRef(target)


def check_binding_refcounts(
    calls: int = 3000, probes: list[BindingProbe] | None = None
) -> BindingReport:
    """Call each probe up to ``calls`` times (a QApplication must exist).

    ``probes`` replaces the Qt bindings (tests). Where the singletons are immortal the
    counts say nothing, so only the behaviour is checked; ``defects`` is then empty.
    """
    behaviour_problems: Callable[[], list[str]] = list
    if probes is None:
        probes, behaviour_problems = _probes()
    defects = []
    cushion = [singleton for singleton in SINGLETONS for _ in range(CUSHION)]
    for probe in probes:
        if SINGLETONS_ARE_IMMORTAL:
            for _ in range(ROUND_CALLS):
                probe.call()
            continue
        for singleton, lost in _losses(probe, calls).items():
            _give_back(singleton, lost + RETURN_MARGIN)
            defects.append(f"{probe.name} loses a reference to {singleton} on every call")
    del cushion
    return BindingReport(calls, defects, behaviour_problems())


def describe(report: BindingReport) -> str:
    """One line for the self-test and the log."""
    import PySide6

    binding = f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}"
    if report.defects:
        return (
            f"Qt binding reference-count defect: {binding}: {'; '.join(report.defects)}. "
            "This build would abort after a few hundred updates: install the version "
            "flxdesk ships with"
        )
    if report.behaviour_problems:
        return f"{binding}: {'; '.join(report.behaviour_problems)}"
    if SINGLETONS_ARE_IMMORTAL:
        return f"{binding}: bindings behave (None/True/False are immortal here)"
    return f"{binding}: no reference lost in {report.calls_per_binding} calls per binding"
