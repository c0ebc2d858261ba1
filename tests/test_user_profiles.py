"""Users' own site profiles (issue #13): refused when malformed, matched under a time limit, safe to
register while other threads parse, and a broken NEWSCLEAN_PROFILES fails every parse the same way."""

from __future__ import annotations

import pickle
import sys
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest

import newsclean
from newsclean import InputError, PatternTimeout, ProfileError, sites
from newsclean.sites import registry

pytestmark = pytest.mark.usefixtures("scratch_registry")

URL = "https://warta-uji.example/berita/1"
PARAGRAPHS = [
    "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, "
    "terutama di kawasan permukiman padat di bantaran sungai.",
    "Petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan banjir "
    "selama puncak musim hujan, kata kepala dinas kepada wartawan.",
    "Warga diminta melapor ke posko terdekat bila air mulai naik, dan tidak menyeberangi arus deras "
    "dengan kendaraan apa pun selama hujan belum reda.",
]


def page(*header: str, tail: tuple[str, ...] = ()) -> str:
    lines = ["Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir", *header, "Senin, 13 Januari 2025 10:15 WIB",
             *PARAGRAPHS, *tail]
    return "\n\n".join(lines) + "\n"


def register(**tables: Any) -> sites.SiteProfile:
    return newsclean.register_site({"name": "warta-uji.example", "domains": ["warta-uji.example"], **tables})


# ------------------------------------------------------------------------------ validated when registered


@pytest.mark.parametrize(
    "tables,key",
    [
        ({"section": {"patterns": ["Rubrik (?P<rubrik>\\w+)"]}}, "[section]"),
        ({"section": {"patterns": ["Rubrik \\w+"]}}, "[section]"),
        ({"byline": {"patterns": ["Oleh (?P<author>.+)"]}}, "[byline]"),
        ({"credit": {"patterns": ["Foto: (?P<who>.+)"]}}, "[credit]"),
        ({"related": {"prefixes": [""]}}, "[related] prefixes"),
        ({"related": {"prefixes": [" : "]}}, "[related] prefixes"),
        ({"chrome": {"prefix": ["Ikuti kami", "  "]}}, "[chrome] prefix"),
        ({"chrome": {"pattern": ["(unclosed"]}}, "[chrome] pattern"),
        ({"byline": {"pattern": ["Oleh (?P<authors>.+)"]}}, "[byline] has unknown keys"),
        ({"fingerprints": [""]}, "fingerprints"),
    ],
)
def test_a_profile_no_parse_could_use_is_refused_naming_its_key(tables: dict[str, Any], key: str) -> None:
    with pytest.raises(ProfileError, match=key.replace("[", r"\[").replace("]", r"\]")):
        register(**tables)
    assert sites.get_profile("warta-uji.example") is None  # nothing half-registered
    assert newsclean.parse(page()).body == PARAGRAPHS


def test_inline_flags_and_shared_group_names_work_in_users_patterns() -> None:
    # Each user pattern is compiled alone: its (?x) or (?-i) and its group names touch no other.
    register(
        chrome={"pattern": [r"(?x) Ikuti \s+ kami \s+ di \s+ (?P<where>\w+)", r"Dukung (?P<where>\w+) kami"]},
        byline={"patterns": [r"(?-i)Oleh (?P<authors>[A-Z]\w+ [A-Z]\w+)", r"Penulis: (?P<authors>.+)"]},
    )
    article = newsclean.parse(
        page("Oleh Rara Kusumastuti", tail=("Ikuti kami di Instagram", "Dukung jurnalisme kami")), url=URL
    )
    assert article.body == PARAGRAPHS
    assert article.authors == ["Rara Kusumastuti"]


def test_a_section_group_that_matches_nothing_is_no_section() -> None:
    register(section={"patterns": [r"Kanal berita(?: / (?P<section>\w+))?"]})
    article = newsclean.parse(page("Kanal berita"), url=URL)
    assert article.section is None and article.body == PARAGRAPHS
    assert newsclean.parse(page("Kanal berita / Banjir"), url=URL).section == "Banjir"


# ------------------------------------------------------------------------------ catastrophic patterns


@pytest.mark.parametrize(
    "tables",
    [
        {"chrome": {"pattern": ["(a|aa)+b"]}},
        {"byline": {"patterns": ["(?P<authors>(a|aa)+b)"]}},
        {"dateline": {"patterns": ["(a|aa)+b"]}},
    ],
)
def test_a_catastrophic_pattern_fails_only_the_page_it_hangs_on(tables: dict[str, Any]) -> None:
    register(**tables)
    assert newsclean.parse(page(), url=URL).body == PARAGRAPHS
    with pytest.raises(PatternTimeout) as info:
        newsclean.parse(page("a" * 60), url=URL)
    exc = info.value
    assert isinstance(exc, ProfileError) and exc.pattern in str(exc) and "warta-uji.example" not in exc.pattern
    assert "(a|aa)+b" in str(exc) and "[" in exc.where
    copy = pickle.loads(pickle.dumps(exc))  # batch workers send it back to the parent
    assert (type(copy), str(copy)) == (PatternTimeout, str(exc))


def test_a_users_profile_survives_pickling_for_worker_processes() -> None:
    profile = register(chrome={"pattern": [r"Dukung \w+ kami"]}, byline={"patterns": [r"Oleh (?P<authors>.+)"]})
    copy = pickle.loads(pickle.dumps(profile))
    article = newsclean.parse(page("Oleh Rara Kusumastuti", tail=("Dukung jurnalisme kami",)), site=copy)
    assert article.body == PARAGRAPHS and article.authors == ["Rara Kusumastuti"]


# ------------------------------------------------------------------------------ registering while parsing


def test_register_site_while_other_threads_parse() -> None:
    fingerprinted = page(tail=("Redaksi Warta Uji Nusantara",))  # found by fingerprint: every parse walks them
    expected = newsclean.parse(fingerprinted).model_dump()
    failures: list[BaseException] = []
    stop = threading.Event()

    def keep_registering() -> None:
        k = 0
        while not stop.is_set():
            k += 1
            newsclean.register_site(
                {"name": f"uji-{k}.example", "fingerprints": [f"Redaksi Uji {k}"], "chrome": {"exact": [f"x{k}"]}}
            )

    def keep_parsing() -> None:
        try:
            for _ in range(15):
                assert newsclean.parse(fingerprinted).model_dump() == expected
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so reads and writes interleave
    try:
        writer = threading.Thread(target=keep_registering)
        readers = [threading.Thread(target=keep_parsing) for _ in range(2)]
        writer.start()
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
    finally:
        stop.set()
        writer.join()
        sys.setswitchinterval(interval)
    assert not failures, failures[0]


# ------------------------------------------------------------------------------ NEWSCLEAN_PROFILES


@pytest.fixture()
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """As in a new process: the registry is loaded again, from the environment set by the test."""
    monkeypatch.setattr(registry, "_state", None)
    yield monkeypatch


def test_a_bad_toml_in_newsclean_profiles_fails_every_parse_until_fixed(
    tmp_path: Path, fresh_process: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "rusak.toml"
    bad.write_text('name = "warta-uji.example"\n[chrome\nexact = [', encoding="utf-8")
    fresh_process.setenv(sites.PROFILES_ENV, str(tmp_path))
    messages = []
    for _ in range(3):
        with pytest.raises(ProfileError) as info:
            newsclean.parse(page(), url=URL)
        messages.append(str(info.value))
    assert len(set(messages)) == 1 and sites.PROFILES_ENV in messages[0] and "rusak.toml" in messages[0]
    with pytest.raises(ProfileError):
        newsclean.register_site({"name": "lain.example"})
    bad.write_text('name = "warta-uji.example"\n[chrome]\nexact = ["Dukung jurnalisme kami"]\n', encoding="utf-8")
    article = newsclean.parse(page(tail=("Dukung jurnalisme kami",)), url=URL)
    assert article.site == "warta-uji.example" and article.body == PARAGRAPHS


def test_a_missing_folder_in_newsclean_profiles_fails_every_parse(
    tmp_path: Path, fresh_process: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "tidak-ada"
    fresh_process.setenv(sites.PROFILES_ENV, str(missing))
    for _ in range(2):
        with pytest.raises(ProfileError, match="not a directory"):
            newsclean.parse(page())
    with pytest.raises(ProfileError, match="tidak-ada"):
        sites.profiles()


def test_a_profile_error_is_not_an_input_error() -> None:
    # Callers tell "fix your profile" from "this page is bad".
    assert not issubclass(ProfileError, InputError) and issubclass(PatternTimeout, ProfileError)
