"""What a supervisor reads: the shift summary and CSV exports (cells safe for spreadsheets).

Not here: drawing them as a PDF or a dialog (``gui.reports``).
"""
