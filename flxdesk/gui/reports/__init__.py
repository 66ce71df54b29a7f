"""What the window prints or saves for people: shift summary dialog and PDF, the command
barcodes (sheet or labels) and where each goes, PDF pages.

The numbers come from ``flxdesk.reports``.
"""
