"""``python -m facilitator`` runs the same command line as ``facilitator``."""

import sys

from facilitator.cli import main

sys.exit(main())
