"""The frozen app's entry point: the same `main()` as the `misma-luna` command."""

import sys

from misma_luna.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
