"""What the window prints or saves for people: shift summary dialog and PDF, the command
barcode sheet, one PDF page.

The numbers come from ``flxdesk.reports``.
"""
