"""The history pane: its lazy table model, filters, details and actions.

Queries run in ``flxdesk.history.query``; this package only shows them.
"""
