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


#: Three paragraphs of an invented Indonesian story, for tests that build a dump around them.
PARAGRAPHS = [
    "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, "
    "terutama di kawasan permukiman padat di bantaran sungai.",
    '"Kami minta warga tidak membuang sampah ke saluran karena itu membuat air meluap," kata Kepala Dinas '
    "Sumber Daya Air, Rudi Hartono, di Balai Kota, Senin.",
    "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan "
    "banjir selama puncak musim hujan.",
]


def dump(*header: str, tail: tuple[str, ...] = ()) -> str:
    """A text dump: the header lines, the three paragraphs, the tail lines, blank lines between."""
    return "\n\n".join([*header, *PARAGRAPHS, *tail])


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
