"""``python -m presslens run ...``."""

import sys

from presslens.pipeline.cli import main

sys.exit(main())
