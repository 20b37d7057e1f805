"""`python -m benchmarks`: run the harness (see benchmarks/run.py)."""

import sys

from benchmarks.run import main

sys.exit(main())
