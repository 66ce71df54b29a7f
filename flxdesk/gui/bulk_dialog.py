"""Bulk mode: paste or scan many order IDs, or import a CSV/TSV file, and check every row.

The preview lists every row with its check: ready, or the reason it cannot be sent
(empty ID, unknown status, duplicate). Nothing is dropped silently: rows with a
problem are recorded in the history as failed, with that reason, when the rest is
queued.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flxdesk.bulk_import import (
    ImportFileError,
    ImportResult,
    parse_import_text,
    read_import_file,
)
from flxdesk.gui.roles import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE
from flxdesk.statuses import ORDER_STATUSES

PREVIEW_COLUMNS = ("Line", "Order ID", "Status", "Note", "Check")
PROBLEM_COLOUR = QColor("#b3261e")
EMPTY_RESULT = ImportResult([], False, ",", 0)


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = EMPTY_RESULT

    def show(self, result: ImportResult) -> None:
        self.beginResetModel()
        self.result = result
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.result.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_COLUMNS)

    def headerData(self, section: int, orientation, role: int = DISPLAY_ROLE):
        if role == DISPLAY_ROLE and orientation.name == "Horizontal":
            return PREVIEW_COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        row = self.result.rows[index.row()]
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            check = row.problem or "Ready"
            return (str(row.line), row.order_id, row.status, row.note, check)[index.column()]
        if role == FOREGROUND_ROLE and row.problem:
            return QBrush(PROBLEM_COLOUR)
        return None


class BulkDialog(QDialog):
    """Collects rows; ``accepted`` means ``result`` holds the rows to queue."""

    def __init__(self, parent: QWidget | None, status: str, note: str) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle("Bulk update")
        self.resize(760, 560)
        self.source = "pasted"
        self._file_result: ImportResult | None = None

        intro = QLabel(
            "Paste or scan order IDs, one per line, or import a CSV/TSV file (order ID, then "
            "optional status and note; a header row such as order_id,status,note is fine)."
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("bulkTextEdit")
        self.text_edit.setAccessibleName("Order IDs, one per line")
        self.text_edit.setPlaceholderText("1001\n1002\n1003")
        import_button = QPushButton("&Import file…")
        import_button.setObjectName("importFileButton")
        import_button.clicked.connect(self._choose_file)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("bulkStatusCombo")
        self.status_combo.setAccessibleName("Status for rows without one")
        self.status_combo.addItems(ORDER_STATUSES)
        self.status_combo.setCurrentText(status)
        self.note_edit = QLineEdit(note)
        self.note_edit.setObjectName("bulkNoteEdit")
        self.note_edit.setAccessibleName("Note for rows without one")

        defaults = QGridLayout()
        defaults.addWidget(QLabel("Status for rows without one:"), 0, 0)
        defaults.addWidget(self.status_combo, 0, 1)
        defaults.addWidget(QLabel("Note for rows without one:"), 1, 0)
        defaults.addWidget(self.note_edit, 1, 1)
        defaults.addWidget(import_button, 0, 2)

        self.preview_model = ImportPreviewModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("bulkPreview")
        self.preview.setAccessibleName("Preview: every row and its check")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("bulkSummary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.queue_button = self.buttons.addButton(
            "Queue updates", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.queue_button.setObjectName("queueBulkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_edit, stretch=1)
        layout.addLayout(defaults)
        layout.addWidget(self.preview, stretch=2)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        # Re-check the rows shortly after typing stops, not on every key of a scan.
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(250)
        self._recheck.timeout.connect(self.refresh_preview)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.status_combo.currentTextChanged.connect(self._recheck.start)
        self.note_edit.textChanged.connect(self._recheck.start)
        self.refresh_preview()

    @property
    def result(self) -> ImportResult:
        return self.preview_model.result

    @Slot()
    def _on_text_changed(self) -> None:
        self._file_result = None  # typing replaces an imported file
        self.source = "pasted"
        self._recheck.start()

    @Slot()
    def refresh_preview(self) -> None:
        status, note = self.status_combo.currentText(), self.note_edit.text().strip()
        if self._file_result is not None:
            result = read_import_file(Path(self.source), status, note)
        else:
            result = parse_import_text(self.text_edit.toPlainText(), status, note)
        self.preview_model.show(result)
        ready, problems = len(result.valid_rows), len(result.invalid_rows)
        text = f"{len(result.rows)} rows: {ready} ready"
        if problems:
            text += f", {problems} with a problem (not sent; kept in the history with why)"
        if result.blank_lines:
            text += f"; {result.blank_lines} blank lines skipped"
        self.summary.setText(text + ".")
        self.queue_button.setText(f"Queue {ready} update{'s' if ready != 1 else ''}")
        self.queue_button.setEnabled(bool(result.rows))

    def import_file(self, path: Path) -> bool:
        """Load ``path`` into the preview; shows the reason and returns False if unreadable."""
        try:
            self._file_result = read_import_file(path)
        except ImportFileError as problem:
            self.summary.setText(f"<span style='color:#b3261e'>{problem}</span>")
            return False
        self.source = str(path)
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(f"(imported from {path.name})")
        self.text_edit.blockSignals(False)
        self.refresh_preview()
        return True

    @Slot()
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import orders", "", "CSV or TSV files (*.csv *.tsv *.txt);;All files (*)"
        )
        if path:
            self.import_file(Path(path))

    def accept(self) -> None:
        self._recheck.stop()
        self.refresh_preview()  # what is queued is exactly what the preview shows
        super().accept()
