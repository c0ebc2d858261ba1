"""`python -m newsclean` runs the command line (see `newsclean.cli.app`)."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
