"""``python -m peerjournal_relay``."""

import sys

from .cli import main

sys.exit(main())
