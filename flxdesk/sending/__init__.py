"""Sending queued updates: the use case that queues them, the engine, retries, its events.

Shared by the window and the command line. Not here: the HTTP call itself (``flxpoint``),
the SQLite file (``history``), anything that shows or sounds (``gui``).
"""
