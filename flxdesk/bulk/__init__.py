"""Reading many updates at once: pasted IDs or a CSV/TSV file, decoded, checked, freed.

Not here: queueing the rows that pass (``sending.queueing``), the bulk dialog (``gui.bulk``).
"""
