"""pyproject.toml: current metadata (SPDX license, classifiers, URLs) and package data that exists."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.fixture(scope="module")
def project() -> dict[str, Any]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def test_license_is_an_spdx_expression_with_its_file(project: dict[str, Any]) -> None:
    meta = project["project"]
    assert meta["license"] == "MIT"  # the PEP 639 string, not the deprecated {text = ...} table
    assert all((ROOT / name).is_file() for name in meta["license-files"])
    # PEP 639: a license expression replaces the License :: classifiers (build backends refuse both).
    assert not [c for c in meta["classifiers"] if c.startswith("License ::")]


def test_classifiers_name_each_supported_python(project: dict[str, Any]) -> None:
    meta = project["project"]
    assert meta["requires-python"] == ">=3.10"
    versions = [c.rsplit(":: ", 1)[1] for c in meta["classifiers"] if c.startswith("Programming Language :: Python :: 3.")]
    assert versions[0] == "3.10" and "3.12" in versions
    assert "Natural Language :: Indonesian" in meta["classifiers"]


def test_project_urls_point_to_source_issues_and_changelog(project: dict[str, Any]) -> None:
    urls = project["project"]["urls"]
    assert {"Source", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_every_package_data_pattern_matches_a_file(project: dict[str, Any]) -> None:
    package = ROOT / "src" / "newsclean"
    patterns = project["tool"]["setuptools"]["package-data"]["newsclean"]
    assert [p for p in patterns if not list(package.glob(p))] == []


def test_build_backend_understands_license_expressions(project: dict[str, Any]) -> None:
    # setuptools reads `license = "MIT"` from 77 on; an older pin would fail `pip install .` on a fresh machine.
    (pin,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert pin == "setuptools>=77"
