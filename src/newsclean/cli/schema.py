"""`newsclean schema`: the Article JSON Schema on stdout."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, SUBPARSER_STYLE


def add_parser(sub: Any) -> None:
    """Declare the `schema` subcommand on the subparsers `sub`."""
    sub.add_parser(
        "schema", help="print the Article JSON Schema",
        description="Print the JSON Schema of newsclean's Article (every field with its description).",
        **SUBPARSER_STYLE,
    ).set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of `newsclean.Article`."""
    from ..models import Article

    print(json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
