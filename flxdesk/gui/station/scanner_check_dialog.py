"""The scanner check's window: scan the test code, see what arrived and what flxdesk reads.

Opened from File → Settings → Scanner check… (then it waits for a scan) or by scanning
the check code anywhere in the window (then it shows that scan at once). The scan
capture listens in it as slowly as a Bluetooth scanner types; each burst is examined by
``flxdesk.station.scanner_check`` and shown as plain text, and what it learned is given
to ``learned`` (the station's preferences save it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from flxdesk.station.scan_reading import Burst
from flxdesk.station.scanner_check import CHECK_CODE, Finding, examine


class ScannerCheckDialog(QDialog):
    learned = Signal(dict)  # station settings the check learned, to save

    def __init__(
        self, parent: QWidget, current_gap_ms: int, locked: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerCheckDialog")
        self.setWindowTitle(self.tr("Scanner check"))
        self._gap_ms = current_gap_ms
        self._locked = locked
        self.finding: Finding | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Wide enough for the code and a sentence of advice on a line or two.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        intro = QLabel(
            self.tr(
                "Scan the code “Scanner check” on the command sheet (File → Print command "
                "barcodes…). It reads: {code}"
            ).format(code=CHECK_CODE)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(intro)
        self.fields: dict[str, QLabel] = {}
        for name, label in (
            ("arrived", self.tr("What arrived")),
            ("keys", self.tr("Keys")),
            ("gaps", self.tr("Between keys")),
            ("suffix", self.tr("Ended by")),
            ("reads", self.tr("flxdesk reads")),
            ("advice", self.tr("What it means")),
        ):
            field = QLabel(self.tr("waiting for a scan…") if name == "arrived" else "")
            field.setObjectName(f"check_{name}")
            field.setTextFormat(Qt.TextFormat.PlainText)  # a scan is data, never markup
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAccessibleName(label)
            self.fields[name] = field
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def show_burst(self, burst: Burst) -> Finding:
        """One scan examined and shown; what it learned is emitted as ``learned``."""
        finding = examine(burst, self._gap_ms, self._locked)
        self.finding = finding
        values: dict[str, Any] = finding._asdict()
        values["keys"] = str(finding.keys)
        values["advice"] = "\n".join(finding.advice)
        for name, field in self.fields.items():
            field.setText(str(values[name]))
        self.setAccessibleDescription(values["advice"])
        self.adjustSize()  # the wrapped lines' new height
        if finding.learn:
            self._gap_ms = int(finding.learn.get("scan_max_gap_ms", self._gap_ms))
            self.learned.emit(dict(finding.learn))
        return finding
