"""The floor: stations that share a token agreeing through IT's PostgreSQL (no Qt).

What belongs here: the floor's address and password, its schema and ``floor init``,
the token's key on the floor (never the token), request slots granted by the floor,
publishing this station's history to it (the outbox), the floor-wide duplicate lookup
and the floor's reports. Everything here is optional and never stops a station: with
no floor, or a floor that does not answer, the station sends alone as it always did.
What does not: the local queue (flxdesk.history, flxdesk.sending), the command line's
words and exit codes (flxdesk.cli), anything drawn (flxdesk.gui).
"""
