"""Entry script that PyInstaller freezes: the same main() as the ``flxdesk`` console script."""

from flxdesk.app import main

raise SystemExit(main())
