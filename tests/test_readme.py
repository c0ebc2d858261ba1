"""The README's examples (and those of the docs/ pages it links) run as written from a clone: the Python
blocks against the bundled fixtures, and the command-line examples."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# The pages the README sends readers on to; their examples continue the README's.
DOCS = [(ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("batch.md", "sites.md")]


def _blocks(language: str) -> list[str]:
    return [
        block
        for page in (README, *DOCS)
        for block in re.findall(rf"^```{language}\n(.*?)^```", page, flags=re.MULTILINE | re.DOTALL)
    ]


def test_the_python_blocks_run_in_order(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    pytest.importorskip("dask.dataframe")
    blocks = _blocks("python")
    assert len(blocks) >= 4
    # One interpreter, the blocks in reading order (later ones use names earlier ones define); no
    # site profile a block registers leaks into this test process.
    program = "\n".join(f"# --- block {n}\n{block}" for n, block in enumerate(blocks, start=1))
    env = dict(os.environ, MPLBACKEND="Agg")
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")  # a clone's files; what the blocks write stays out of it
    run = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]


def test_the_python_blocks_say_what_they_claim() -> None:
    # The comments beside the first block's lines are the values a reader is promised.
    import newsclean

    article = newsclean.parse((ROOT / "fixtures/mediaindonesia.com/mediaindonesia.com-seed.txt").read_text(encoding="utf-8"))
    assert article.title == "Armenia dan Azerbaijan Berunding, Rusia Jadi Penengah"
    assert (article.authors, article.section) == (["Faustinus Nua"], "Internasional")
    assert article.lead_image is not None and article.lead_image.credit == "AFP"
    page = newsclean.parse(ROOT / "fixtures/detik.com/detik.com-html-news.html")
    assert page.language == "id" and page.tags[0] == "banjir jakarta"


def _commands() -> list[str]:
    # The "Command line" section's examples (the first block's are CI's own commands; others need data
    # a clone does not have, such as a Common Crawl file).
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    lines = []
    for block in re.findall(r"^```bash\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command.startswith("newsclean ") and "../shared" not in command:
                lines.append(command)
    return lines


@pytest.mark.parametrize("command", _commands())
def test_the_command_line_examples_run(command: str, tmp_path: Path) -> None:
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    argv = [sys.executable, "-m", "newsclean", *shlex.split(command)[1:]]
    run = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]


def test_the_results_repr_in_the_readme_is_what_the_fixtures_give() -> None:
    import warnings

    import newsclean

    shown = re.search(r"^results +# (<Results: [^;]*;)", README, flags=re.MULTILINE)
    assert shown is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = newsclean.parse_many([str(ROOT / "fixtures")], workers=1, progress=False)
    assert repr(results).startswith(shown.group(1))
