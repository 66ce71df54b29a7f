"""The queue engine on its Qt thread, and what the window shows about sending.

Not here: the engine itself (``flxdesk.sending``).
"""
