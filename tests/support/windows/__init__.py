"""Stand-ins for Windows-only modules (pywintypes, msvcrt) and a Windows keychain that fails
as Credential Manager does, so that flxdesk's Windows code paths run on any system.

In a test: put the stand-in in ``sys.modules`` with monkeypatch. In a child process: put
this folder on PYTHONPATH, so that ``import pywintypes`` finds the stand-in.
"""
