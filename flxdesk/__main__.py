"""``python -m flxdesk`` starts the window."""

import sys

from flxdesk.app import main

sys.exit(main())
