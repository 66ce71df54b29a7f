"""The history of every update, in SQLite: the store, its schema, faults, queries, periods.

Not here: what is shown of it (``gui.history``), summaries and exports (``reports``).
"""
