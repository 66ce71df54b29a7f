"""What a worker at the station sees, hears and scans: scan capture, the armed status,
the result band, the failure panel, sounds, station settings.

The rules of a scan are Qt-free in ``flxdesk.station``; this package shows them.
"""
