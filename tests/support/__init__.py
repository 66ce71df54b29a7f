"""What the tests share: fixtures (loaded by conftest.py as a pytest plugin), fakes and helpers.

- ``fixtures``: a private data folder and keychain per test, the demo API, the window.
- ``keychain``: an in-memory keyring backend.
- ``fault_api``: the demo API with injected faults.
- ``window``: driving the real window like a person with a scanner.
- ``network``: loopback ports nobody listens on.
- ``timing``: checks on request timing.
- ``strict_server``: the strict loopback server with arrival jitter; a run's pace and 429s.
- ``stations``: several command-line stations sharing one token.
"""
