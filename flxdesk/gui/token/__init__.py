"""The API token in the window: where it comes from, the masked dialog, the questions.

The keychain itself is ``flxdesk.host.credentials``.
"""
