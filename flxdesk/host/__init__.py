"""The computer flxdesk runs on: folders, the keychain, the lock, logs, crash records,
shipped resources, the station's name, the translation hook, and the self-test's check
type (``install_check``; the checks are each package's, collected by
``flxdesk.self_test``).

Not here: anything about orders or Flxpoint, or the settings model (``flxdesk.config``).
host imports nothing of flxdesk but host.
"""
