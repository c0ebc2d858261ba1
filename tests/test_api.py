"""The public surface: what `newsclean` exports, what importing it costs, what its schema documents."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import newsclean
from newsclean.batch import Result


def test_result_is_exported_from_the_package() -> None:
    assert "Result" in newsclean.__all__
    assert newsclean.Result is Result
    from newsclean import Result as imported

    assert imported is Result


def test_every_name_in_all_resolves() -> None:
    for name in newsclean.__all__:
        assert getattr(newsclean, name) is not None, name


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = [("Article", name, prop) for name, prop in schema["properties"].items()]
    for model, definition in schema.get("$defs", {}).items():
        found += [(model, name, prop) for name, prop in definition.get("properties", {}).items()]
    return found


def test_every_schema_field_has_a_description() -> None:
    props = _properties(newsclean.Article.model_json_schema())
    assert len(props) > 20  # Article and the models it holds
    undocumented = [f"{model}.{name}" for model, name, prop in props if not prop.get("description", "").strip()]
    assert undocumented == []


def test_closing_code_is_explained_with_an_example() -> None:
    text = newsclean.Article.model_json_schema()["properties"]["closing_code"]["description"]
    assert "desk code" in text and "AFP/OL-11" in text


def test_import_does_not_load_pydantic_or_build_models() -> None:
    # Building the pydantic models was most of `import newsclean`; it is paid on first use instead.
    code = (
        "import sys, newsclean; loaded = 'pydantic' in sys.modules; "
        "article = newsclean.Article(body=['x']); "
        "print(loaded, 'pydantic' in sys.modules, article.body)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "True", "['x']"]


def test_validation_is_kept_when_the_models_load_lazily() -> None:
    code = "import datetime, newsclean; newsclean.Article(body=['x'], published_at=datetime.datetime(2020, 1, 1))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1
    assert "ValidationError" in run.stderr and "must be timezone-aware" in run.stderr
