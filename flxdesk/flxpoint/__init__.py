"""Talking to Flxpoint: the HTTP client, its typed results, pacing, TLS, and the demo API.

Everything that knows the Flxpoint API's URLs, headers, answers and rate limit. Not here:
the queue that decides what to send next (``sending``).
"""
