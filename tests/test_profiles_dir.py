"""Users' profile folders: NEWSCLEAN_PROFILES for every process, `--profiles` on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import cli, sites

PROFILE = """name = "warta-uji.example"
domains = ["warta-uji.example"]

[chrome]
prefix = ["Dukung jurnalisme warga"]
"""

DUMP = "\n\n".join(
    [
        "Pompa Air Disiagakan di Dua Puluh Titik Rawan Banjir",
        "Senin, 13 Januari 2025 10:15 WIB",
        "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras, "
        "terutama di kawasan permukiman padat di bantaran sungai.",
        "Petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang rawan banjir "
        "selama puncak musim hujan, kata kepala dinas kepada wartawan.",
        "Dukung jurnalisme warga dengan berlangganan buletin pekanan kami setiap Jumat pagi, gratis untuk semua.",
    ]
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "warta.toml").write_text(PROFILE, encoding="utf-8")
    return folder


def test_environment_variable_loads_profiles_in_a_fresh_process(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    code = (
        "import sys, newsclean; "
        "a = newsclean.parse(sys.stdin.read(), url='https://warta-uji.example/a'); "
        "print(a.site, len(a.body))"
    )
    env = {**os.environ, sites.PROFILES_ENV: str(folder)}
    done = subprocess.run([sys.executable, "-c", code], input=DUMP, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["warta-uji.example", "2"]


@pytest.mark.usefixtures("scratch_registry")
def test_cli_profiles_option_applies_and_is_passed_on(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(sites.PROFILES_ENV, raising=False)
    folder = _folder(tmp_path)
    dump = tmp_path / "page.txt"
    dump.write_text(DUMP, encoding="utf-8")
    code = cli.main(["--profiles", str(folder), "show", str(dump), "--json", "--url", "https://warta-uji.example/a"])
    assert code == 0
    article = json.loads(capsys.readouterr().out)
    assert article["site"] == "warta-uji.example"
    assert not any(p.startswith("Dukung jurnalisme") for p in article["body"])
    assert os.environ[sites.PROFILES_ENV] == str(folder.resolve())


def test_cli_rejects_a_missing_profiles_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    dump = tmp_path / "page.txt"
    dump.write_text(DUMP, encoding="utf-8")
    assert cli.main(["--profiles", str(tmp_path / "nope"), "show", str(dump)]) == 2
    assert "not a directory of profiles" in capsys.readouterr().err
