"""Shared test helpers: where the bundled fixtures and the optional ../shared material live."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
#: Annotated material that sits beside a developer's checkout; a user's clone has none.
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (only developer checkouts have ../shared)")
    return path


@pytest.fixture()
def scratch_registry() -> Iterator[None]:
    """Profiles registered by a test are dropped afterwards so they cannot steer other tests."""
    from newsclean.sites import registry

    saved = registry._current()
    yield
    registry._state = saved
