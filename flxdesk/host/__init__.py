"""The computer flxdesk runs on: folders, settings, the keychain, the lock, logs, crash
records, shipped resources, translation hook and the self-test.

Not here: anything about orders or Flxpoint.
"""
