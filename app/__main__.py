"""`python -m app` opens the window; `python -m app <command>` runs a command."""

import sys

from app.cli import main

sys.exit(main())
