"""``python -m presslens run ...``."""

import sys

from presslens.cli import main

sys.exit(main())
