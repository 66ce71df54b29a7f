"""Operators: who is at a shared station. The roster IT sets up (badges, names,
supervisors, optional PINs kept only as scrypt hashes), the badge barcodes, signing in
and out on a given clock, a supervisor's approval, and the note's signature. No Qt, no
I/O: the settings, the floor and the window hand in what they read."""
