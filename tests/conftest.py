"""Test set-up: offscreen Qt, and never the developer's keychain; fixtures in support/."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Subprocesses started by tests must never reach the developer's keychain either.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

pytest_plugins = ["support.fixtures", "support.big_history", "support.floor_fixtures"]
