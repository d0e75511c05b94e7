"""`python -m scenes` is the command line behind ./render.sh (scenes.pipeline.cli)."""
import sys

from scenes.pipeline.cli import main

sys.exit(main())
