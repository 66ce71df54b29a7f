"""Bulk mode: paste or scan many order IDs, or import a CSV/TSV file, and check every row.

The preview lists every row with its check: ready, or the reason it cannot be sent
(empty ID, unknown status, duplicate, note too long). Nothing is dropped silently: rows
with a problem are recorded in the history as failed, with that reason, when the rest
is queued.

What is queued is exactly what the preview shows. A file is read and parsed once, off
the GUI thread with a progress bar; changing the defaults checks the kept rows again
(also off the GUI thread) without reading the file again. Queue is enabled only while
the preview is up to date, and if the file has changed on disk since it was read, the
dialog says so before queueing the rows shown.
"""

from __future__ import annotations

import time
from html import escape
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from flxdesk.bulk.file_snapshot import FileSnapshot
from flxdesk.bulk.reading import (
    ImportCells,
    ImportFileError,
    ImportResult,
    Progress,
    check_cells,
    decode_import_bytes,
    read_cells,
    read_import_bytes,
)
from flxdesk.gui.common.background_job import BackgroundJob
from flxdesk.gui.common.colour_scheme import follow_scheme
from flxdesk.gui.common.file_choice import ask_open_path
from flxdesk.gui.common.roles import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE
from flxdesk.gui.common.status_combo import chosen_status, fill_statuses
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.statuses import ORDER_STATUSES, status_label
from flxdesk.station.palette import STATE_TEXT, Scheme

PREVIEW_COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Line"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Order ID"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Status"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Note"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Check"),
)
EMPTY_RESULT = ImportResult([], False, ",", 0)
READ_SHARE = 0.6  # of the progress bar, for reading and parsing a file; the rest is checking


class Checked(NamedTuple):
    """A preview made off the GUI thread, with what it was made from."""

    cells: ImportCells
    result: ImportResult
    ready: int
    snapshot: FileSnapshot | None = None  # the file read, when the rows came from one


def check(cells: ImportCells, status: str, note: str, progress: Progress) -> Checked:
    result = check_cells(cells, status, note, progress)
    return Checked(cells, result, result.ready_count)


def check_text(text: str, status: str, note: str, progress: Progress) -> Checked:
    return check(read_cells(text), status, note, progress)


def check_file(path: Path, status: str, note: str, progress: Progress) -> Checked:
    """Read, parse and check ``path`` once; the bytes read are what the snapshot keeps."""
    data = read_import_bytes(path)
    snapshot = FileSnapshot.of(path, data)
    text, encoding = decode_import_bytes(data, path.name)
    del data

    def reading(share: float) -> None:
        progress(share * READ_SHARE)

    def checking(share: float) -> None:
        progress(READ_SHARE + share * (1 - READ_SHARE))

    cells = read_cells(text, reading, source=path.name)._replace(encoding=encoding)
    return check(cells, status, note, checking)._replace(snapshot=snapshot)


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = EMPTY_RESULT
        self._problem_colour = QBrush(QColor(STATE_TEXT["failed"][Scheme.LIGHT]))

    def set_scheme(self, scheme: Scheme) -> None:
        """Rows with a problem in the failed colour of ``scheme``."""
        self._problem_colour = QBrush(QColor(STATE_TEXT["failed"][scheme]))
        if self.result.rows:
            last = self.index(len(self.result.rows) - 1, len(PREVIEW_COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [FOREGROUND_ROLE])

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
            return self.tr(PREVIEW_COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid():
            return None
        row = self.result.rows[index.row()]
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            check = row.problem or self.tr("Ready")
            status = status_label(row.status)
            return (str(row.line), row.order_id, status, row.note, check)[index.column()]
        if role == FOREGROUND_ROLE and row.problem:
            return self._problem_colour
        return None


class BulkDialog(QDialog):
    """Collects rows; ``accepted`` means ``result`` holds the rows to queue."""

    def __init__(self, parent: QWidget | None, status: str, note: str) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(self.tr("Bulk update"))
        self.resize(760, 560)
        self.source = "pasted"
        self._cells: ImportCells | None = None  # the imported file's rows, parsed once
        self._snapshot: FileSnapshot | None = None  # what that file held when read
        self._importing: Path | None = None  # a file being read, not yet shown
        self._job: BackgroundJob | None = None  # the check whose preview is awaited
        self._version = 0  # bumped by every change the preview must follow
        self._shown_version = -1  # the version the preview shows
        self._confirmed_changed_file = False

        intro = QLabel(
            self.tr(
                "Paste or scan order IDs, one per line, or import a CSV/TSV file (order ID, then "
                "optional status and note; a header row such as order_id,status,note is fine)."
            )
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("bulkTextEdit")
        self.text_edit.setAccessibleName(self.tr("Order IDs, one per line"))
        self.text_edit.setPlaceholderText("1001\n1002\n1003")
        import_button = QPushButton(self.tr("&Import file…"))
        import_button.setObjectName("importFileButton")
        import_button.clicked.connect(self._choose_file)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("bulkStatusCombo")
        self.status_combo.setAccessibleName(self.tr("Status for rows without one"))
        fill_statuses(self.status_combo, ORDER_STATUSES, status)
        self.note_edit = QLineEdit(note)
        self.note_edit.setObjectName("bulkNoteEdit")
        self.note_edit.setAccessibleName(self.tr("Note for rows without one"))

        defaults = QGridLayout()
        defaults.addWidget(QLabel(self.tr("Status for rows without one:")), 0, 0)
        defaults.addWidget(self.status_combo, 0, 1)
        defaults.addWidget(QLabel(self.tr("Note for rows without one:")), 1, 0)
        defaults.addWidget(self.note_edit, 1, 1)
        defaults.addWidget(import_button, 0, 2)

        self.preview_model = ImportPreviewModel(self)
        self.preview = QTableView()
        self.preview.setObjectName("bulkPreview")
        self.preview.setAccessibleName(self.tr("Preview: every row and its check"))
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("bulkProgress")
        self.progress.setAccessibleName(self.tr("Reading and checking the rows"))
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setObjectName("bulkSummary")
        self.summary.setWordWrap(True)
        self._problem = ""  # what the summary says is wrong, if anything (HTML)
        self._scheme = Scheme.LIGHT

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.queue_button = self.buttons.addButton(
            self.tr("Queue updates"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.queue_button.setObjectName("queueBulkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text_edit, stretch=1)
        layout.addLayout(defaults)
        layout.addWidget(self.preview, stretch=2)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        # Re-check the rows shortly after typing stops, not on every key of a scan.
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(250)
        self._recheck.timeout.connect(self.refresh_preview)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.status_combo.currentIndexChanged.connect(self._on_defaults_changed)
        self.note_edit.textChanged.connect(self._on_defaults_changed)
        follow_scheme(self, self._apply_scheme)
        self.refresh_preview()

    @property
    def import_result(self) -> ImportResult:
        """The rows the preview shows: what Queue queues (not ``result``: QDialog's code)."""
        return self.preview_model.result

    @property
    def preview_is_current(self) -> bool:
        """True when the preview shows the current rows with the current defaults."""
        return (
            self._job is None
            and not self._recheck.isActive()
            and self._shown_version == self._version
        )

    @Slot()
    def _on_text_changed(self) -> None:
        self._cells = self._snapshot = self._importing = None  # typing replaces a file
        self._job = None
        self.source = "pasted"
        self._stale()

    @Slot()
    def _on_defaults_changed(self) -> None:
        self._stale()

    def _stale(self) -> None:
        self._version += 1
        self.queue_button.setEnabled(False)
        self._recheck.start()

    @Slot()
    def refresh_preview(self) -> None:
        """Check the rows again with the current defaults, off the GUI thread."""
        self._recheck.stop()
        if self._importing is not None:
            self.import_file(self._importing)  # nothing of it shown yet: read it anew
            return
        status, note = chosen_status(self.status_combo), self.note_edit.text().strip()
        cells, snapshot = self._cells, self._snapshot
        if cells is not None:
            self._start(
                lambda progress: check(cells, status, note, progress)._replace(snapshot=snapshot)
            )
        else:
            text = self.text_edit.toPlainText()
            self._start(lambda progress: check_text(text, status, note, progress))

    def import_file(self, path: Path) -> None:
        """Read ``path`` into the preview, off the GUI thread; a problem shows in the summary."""
        self._recheck.stop()
        self._importing = path
        status, note = chosen_status(self.status_combo), self.note_edit.text().strip()
        self._say(self.tr("Reading {file}…").format(file=escape(path.name)))
        self._start(lambda progress: check_file(path, status, note, progress))

    def _start(self, work) -> None:
        job = BackgroundJob(work, expected=(ImportFileError,))
        job.setProperty("version", self._version)
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(self._on_checked)
        job.failed.connect(self._on_failed)
        self._job = job
        self.queue_button.setEnabled(False)
        self.progress.setValue(0)
        job.start()

    @Slot(object, int)
    def _on_progress(self, job: BackgroundJob, percent: int) -> None:
        if job is self._job:
            self.progress.show()  # only work long enough to report progress shows the bar
            self.progress.setValue(percent)

    @Slot(object, str)
    def _on_failed(self, job: BackgroundJob, problem: str) -> None:
        if job is not self._job:
            return
        self._job = self._importing = None  # the preview keeps what it showed before
        self.progress.hide()
        self._say_problem(escape(problem))
        self._enable_queue()

    @Slot(object, object)
    def _on_checked(self, job: BackgroundJob, checked: Checked) -> None:
        if job is not self._job:
            return  # replaced by a newer check meanwhile
        self._job = None
        self.progress.hide()
        if self._importing is not None:
            self._importing = None
            # the job of a file being imported is check_file's, which keeps its snapshot
            assert checked.snapshot is not None
            self._show_imported(checked.snapshot.path)
        self._cells, self._snapshot = (
            (checked.cells, checked.snapshot) if checked.snapshot is not None else (None, None)
        )
        self._shown_version = job.property("version")
        self._confirmed_changed_file = False
        self.preview_model.show(checked.result)
        result = checked.result
        problems = len(result.rows) - checked.ready
        text = self.tr("{rows} rows: {ready} ready").format(
            rows=len(result.rows), ready=checked.ready
        )
        if problems:
            text += self.tr(
                ", {problems} with a problem (not sent; kept in the history with why)"
            ).format(problems=problems)
        if result.blank_lines:
            text += self.tr("; {blank} blank lines skipped").format(blank=result.blank_lines)
        self._say(text + ".")
        self._set_queue_text(checked.ready)
        self._enable_queue()

    def _say(self, text: str) -> None:
        self._problem = ""
        self.summary.setText(text)

    def _say_problem(self, html: str) -> None:
        """``html`` in the summary, in the failed colour (of the scheme, as it changes)."""
        self._problem = html
        colour = STATE_TEXT["failed"][self._scheme]
        self.summary.setText(f"<span style='color:{colour}'>{html}</span>")

    def _apply_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
        self.preview_model.set_scheme(scheme)
        if self._problem:
            self._say_problem(self._problem)

    def _enable_queue(self) -> None:
        self.queue_button.setEnabled(self.preview_is_current and bool(self.import_result.rows))

    def _show_imported(self, path: Path) -> None:
        self.source = str(path)
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(self.tr("(imported from {file})").format(file=path.name))
        self.text_edit.blockSignals(False)

    def _set_queue_text(self, ready: int, anyway: bool = False) -> None:
        if anyway:
            text = translate("BulkDialog", "Queue the %n update(s) shown anyway", None, ready)
        else:
            text = translate("BulkDialog", "Queue %n update(s)", None, ready)
        self.queue_button.setText(text)

    @Slot()
    def _choose_file(self) -> None:
        ask_open_path(
            self,
            "importFileDialog",
            self.tr("Import orders"),
            self.tr("CSV or TSV files (*.csv *.tsv *.txt);;All files (*)"),
            self.import_file,
        )

    def accept(self) -> None:
        """Queue what the preview shows; first say so if the file changed since it was read."""
        if not self.preview_is_current:
            return  # the Queue button is disabled then; Enter must not bypass it
        snapshot = self._snapshot
        if snapshot is not None and not self._confirmed_changed_file and snapshot.changed():
            self._confirmed_changed_file = True
            read_at = time.strftime("%H:%M:%S", time.localtime(snapshot.read_at))
            text = self.tr(
                "{file} has changed since it was read at {time}. The preview shows the file as "
                "it was then, and only those rows are queued: press the button again to queue "
                "them, or import the file again to see what it holds now."
            ).format(file=escape(snapshot.path.name), time=read_at)
            self._say_problem(text)
            ready = len(self.import_result.rows) - len(self.import_result.invalid_rows)
            self._set_queue_text(ready, anyway=True)
            return
        super().accept()
