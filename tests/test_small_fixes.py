"""Smaller findings of issue #13: errors typed and named for what went wrong, no value lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXTURES
from newsclean import InputError, cli, parse, to_dataframe

SEED = (FIXTURES / "mediaindonesia.com" / "mediaindonesia.com-seed.txt").read_text(encoding="utf-8")


class BrokenZone(dt.tzinfo):
    """A user's tzinfo that fails when asked for its offset."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        raise ValueError("zone database missing")

    def dst(self, when: dt.datetime | None) -> None:
        return None


def test_a_fetched_at_whose_offset_raises_is_an_input_error() -> None:
    with pytest.raises(InputError, match="fetched_at.*zone database missing"):
        parse(SEED, fetched_at=dt.datetime(2024, 1, 1, tzinfo=BrokenZone()))


@pytest.mark.parametrize("year", [1, 1500, 2300, 9999])
def test_to_dataframe_keeps_times_outside_the_nanosecond_range(year: int) -> None:
    fetched = dt.datetime(year, 6, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    df = to_dataframe([parse(SEED, fetched_at=fetched)])
    assert df["fetched_at"].iloc[0].to_pydatetime() == fetched  # same instant, shown in UTC
    assert str(df["fetched_at"].dtype) == "datetime64[us, UTC]"
    assert df["published_at"].iloc[0].to_pydatetime() == parse(SEED).published_at


@pytest.mark.parametrize("which", ["--errors", "-o"])
def test_cli_clean_with_an_unwritable_path_is_a_usage_error(
    which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SEED, encoding="utf-8")
    blocked = tmp_path / "page.txt" / "out.jsonl"  # under a file: no directory can be made there
    paths = {"-o": tmp_path / "articles.jsonl", "--errors": tmp_path / "errors.jsonl", which: blocked}
    code = cli.main(["clean", str(page), "-o", str(paths["-o"]), "--errors", str(paths["--errors"]), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write" in err and "Traceback" not in err
    assert not any(p.exists() for p in paths.values())  # nothing half-made that a rerun would refuse
