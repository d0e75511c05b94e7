"""`python -m scenes` is the command line behind ./render.sh (scenes.film.cli)."""
import sys

from scenes.film.cli import main

sys.exit(main())
