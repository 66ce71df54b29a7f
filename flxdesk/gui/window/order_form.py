"""The order form at the top of the window: order ID, status, note and Update, labelled.

objectNames of the input widgets are a public contract for automation and
accessibility tools: orderIdEdit, statusCombo, noteEdit, submitButton. The words keep
the "MainWindow" context of the translations.
"""

from typing import NamedTuple

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton

from flxdesk.gui.common.status_combo import fill_statuses
from flxdesk.host.i18n import translate
from flxdesk.orders.statuses import ORDER_STATUSES


class OrderForm(NamedTuple):
    order_id_edit: QLineEdit
    status_combo: QComboBox
    note_edit: QLineEdit
    submit_button: QPushButton
    layout: QGridLayout


def order_form() -> OrderForm:
    """The four fields, each under its label (Alt+O, Alt+S, Alt+N), in one grid row."""
    order_id_edit = QLineEdit()
    order_id_edit.setObjectName("orderIdEdit")
    order_id_edit.setAccessibleName(translate("MainWindow", "Order ID"))
    order_id_edit.setPlaceholderText(
        translate("MainWindow", "Scan or type an order ID, then Enter")
    )
    status_combo = QComboBox()
    status_combo.setObjectName("statusCombo")
    status_combo.setAccessibleName(translate("MainWindow", "New status"))
    fill_statuses(status_combo, ORDER_STATUSES, "Closed")
    note_edit = QLineEdit()
    note_edit.setObjectName("noteEdit")
    note_edit.setAccessibleName(translate("MainWindow", "Note"))
    note_edit.setPlaceholderText(translate("MainWindow", "Optional note sent with each update"))
    submit_button = QPushButton(translate("MainWindow", "Update"))
    submit_button.setObjectName("submitButton")
    submit_button.setAccessibleName(translate("MainWindow", "Send status update"))
    submit_button.setDefault(True)

    grid = QGridLayout()
    labels = (
        translate("MainWindow", "&Order ID"),
        translate("MainWindow", "&Status"),
        translate("MainWindow", "&Note"),
    )
    fields = (order_id_edit, status_combo, note_edit)
    for column, (text, field) in enumerate(zip(labels, fields, strict=True)):
        label = QLabel(text)
        label.setBuddy(field)
        grid.addWidget(label, 0, column)
        grid.addWidget(field, 1, column)
    grid.addWidget(submit_button, 1, 3)
    for column, stretch in enumerate((3, 2, 4)):
        grid.setColumnStretch(column, stretch)
    return OrderForm(order_id_edit, status_combo, note_edit, submit_button, grid)
