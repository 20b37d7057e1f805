"""`python -m misma_luna` runs the same entry point as the `misma-luna` command."""

import sys

from misma_luna.cli.main import main

sys.exit(main())
