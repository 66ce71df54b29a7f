"""The command line (``flxdesk bulk|resume|update|report …``), on the same core as the window.

Only argument parsing, printing and exit codes; the work is done by the core packages.
"""
