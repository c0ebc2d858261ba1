"""The `newsclean` command line: `main(argv)` runs it (see `newsclean.cli.app` for the commands)."""

from __future__ import annotations

from .app import main

__all__ = ["main"]
