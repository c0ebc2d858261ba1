"""The batch pool (issue #13): a per-document time budget, Ctrl-C that does not wait for a stuck
document, workers started safely (never forked from a threaded parent) that still get the profiles."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

import newsclean
from newsclean import Article, Timeout
from newsclean.batch import iter_parse_many, runner
from test_batch import doc, fake_parse
from test_profiles_dir import DUMP, PROFILE

TESTS = Path(__file__).resolve().parent
_LOCK = threading.Lock()


def parse_with_signals_blocked(raw: str, **kwargs: Any) -> Article:
    """Like fake_parse, but "STUCK" sleeps with SIGALRM blocked: a stand-in for C code that ignores signals."""
    if raw.startswith("STUCK"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    return fake_parse(raw, **kwargs)


def parse_needing_lock(raw: str, **kwargs: Any) -> Article:
    with _LOCK:  # held by a thread of the parent during the run: a forked worker would inherit it held
        return fake_parse(raw, **kwargs)


def docs(count: int, slow_at: int = -1, slow: str = "SLEEP 600") -> list[tuple[str, str]]:
    return [(f"d{i:02d}", doc(slow if i == slow_at else f"Judul berita nomor {i}")) for i in range(count)]


def check(results: list[Any], count: int, slow_at: int) -> None:
    assert [r.id for r in results] == [f"d{i:02d}" for i in range(count)]
    for i, result in enumerate(results):
        if i == slow_at:
            assert result.error is not None and result.error.error_type == "Timeout", result
            assert "time budget" in result.error.message
        else:
            assert result.ok, result


# ------------------------------------------------------------------------------------ the time budget


# The budgets below are thousands of times what a healthy test document takes (well under a
# millisecond), so a loaded machine cannot turn one into a Timeout: what is tested is what happens to
# the document that never ends, not how fast the others are.


def test_a_document_over_the_budget_is_a_timeout_record_inline() -> None:
    results = list(iter_parse_many(docs(6, slow_at=2), workers=1, progress=False, parse_fn=fake_parse, timeout=1.0))
    check(results, 6, slow_at=2)


def test_a_document_over_the_budget_is_a_timeout_record_in_the_pool() -> None:
    results = list(iter_parse_many(docs(20, slow_at=9), workers=2, progress=False, parse_fn=fake_parse, timeout=1.0))
    check(results, 20, slow_at=9)


def test_a_worker_stuck_where_signals_cannot_reach_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parent's margin past the budget before it kills the pool. It is counted from the start of the
    # document in its worker, so the time the replacement pool takes to start (seconds on a loaded
    # machine) cannot make the documents replayed in it Timeouts, however small the margin.
    monkeypatch.setattr(runner, "_GRACE", 0.5)
    stream = iter_parse_many(
        docs(10, slow_at=4, slow="STUCK"), workers=2, chunksize=2, progress=False,
        parse_fn=parse_with_signals_blocked, timeout=1.0,
    )
    check(list(stream), 10, slow_at=4)


def test_documents_queued_when_a_stuck_pool_is_killed_are_cleaned_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both workers stuck, and more tasks waiting than the pool has taken: killing the pool cancels
    # those, and they must be redone in the new pool, not reported as errors.
    monkeypatch.setattr(runner, "_GRACE", 0.5)
    inputs = [(f"d{i:02d}", doc("STUCK" if i < 2 else f"Judul berita nomor {i}")) for i in range(10)]
    stream = iter_parse_many(
        inputs, workers=2, chunksize=1, max_pending=8, progress=False, parse_fn=parse_with_signals_blocked, timeout=1.0
    )
    results = list(stream)
    assert [r.id for r in results] == [f"d{i:02d}" for i in range(10)]
    assert [r.error.error_type for r in results[:2] if r.error] == ["Timeout", "Timeout"]
    assert all(r.ok for r in results[2:]), [r.error for r in results[2:] if r.error]


def test_timeout_is_typed_and_survives_pickling() -> None:
    import pickle

    exc = Timeout(2.5)
    assert isinstance(exc, newsclean.NewscleanError) and "2.5 s" in str(exc)
    assert str(pickle.loads(pickle.dumps(exc))) == str(exc)


@pytest.mark.parametrize("bad", [0, -1, "60", float("nan")])
def test_a_bad_timeout_is_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="timeout"):
        iter_parse_many([], timeout=bad)


# ------------------------------------------------------------------------------------ start method, profiles


def test_workers_are_not_forked_from_a_threaded_parent() -> None:
    # Forked, a worker would inherit _LOCK held by the thread below and wait for ever (here: time out).
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with _LOCK:
            held.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        results = list(iter_parse_many(docs(20), workers=2, progress=False, parse_fn=parse_needing_lock, timeout=20))
    finally:
        release.set()
        holder.join()
    check(results, 20, slow_at=-1)


@pytest.fixture()
def warta_dumps(tmp_path: Path) -> Iterator[list[Path]]:
    paths = []
    for i in range(20):
        path = tmp_path / f"warta-{i:02d}.txt"
        path.write_text(DUMP, encoding="utf-8")  # its last line is the promo the profile calls chrome
        paths.append(path)
    yield paths


@pytest.mark.usefixtures("scratch_registry")
def test_profiles_registered_in_the_parent_reach_the_workers(warta_dumps: list[Path]) -> None:
    newsclean.register_site({"name": "warta-uji.example", "chrome": {"prefix": ["Dukung jurnalisme warga"]}})
    results = list(iter_parse_many(warta_dumps, workers=2, progress=False, site="warta-uji.example"))
    assert len(results) == 20 and all(r.ok for r in results), results[0]
    assert all(len(r.article.body) == 2 for r in results if r.article)  # the promo line is chrome in every worker


@pytest.mark.usefixtures("scratch_registry")
def test_newsclean_profiles_reaches_the_workers(
    warta_dumps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "warta.toml").write_text(PROFILE, encoding="utf-8")
    monkeypatch.setenv(newsclean.sites.PROFILES_ENV, str(folder))
    monkeypatch.setattr(newsclean.sites.registry, "_state", None)  # as if the process had just started
    results = list(iter_parse_many(warta_dumps, workers=2, progress=False, url="https://warta-uji.example/a"))
    assert all(r.ok and r.article is not None and len(r.article.body) == 2 for r in results), results[0]


# ------------------------------------------------------------------------------------ Ctrl-C

# How the scripts of run_until_stuck start: as a user's program at a terminal, where Ctrl-C raises
# KeyboardInterrupt. Said explicitly because a process started with SIGINT ignored (a background job,
# nohup: how CI or a benchmark script may start these tests) passes that on, and the script would never
# see the Ctrl-C.
_AT_A_TERMINAL = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {tests!r})
from newsclean.batch import iter_parse_many, runner
from test_batch_pool import docs, parse_with_signals_blocked
"""
# Then the batch: 40 documents, d03 stuck for 600 s; each id printed as its result comes.
_STUCK_BATCH = """
if __name__ == "__main__":
    stream = iter_parse_many(docs(40, slow_at=3, slow="STUCK"), workers=2, chunksize=1, progress=False,
                             parse_fn=parse_with_signals_blocked, timeout=600)
    try:
        for result in stream:
            print(result.id, flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(130)
"""


@contextlib.contextmanager
def run_until_stuck(tmp_path: Path, setup: str = "") -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """Run the stuck batch (after `setup`, code run first), and yield the process (and its output file)
    once d00..d02 are out.

    Its output goes to a file, not a pipe, and it runs in a session of its own that is killed at the
    end: a worker left alive cannot hold the test (as it would hold a pipe open), and a failure leaves
    no process behind.
    """
    script, out, err = tmp_path / "run.py", tmp_path / "out.txt", tmp_path / "err.txt"
    program = _AT_A_TERMINAL.format(tests=str(TESTS)) + textwrap.dedent(setup) + _STUCK_BATCH
    script.write_text(program, encoding="utf-8")
    with out.open("w") as sink, err.open("w") as errors:
        proc = subprocess.Popen([sys.executable, str(script)], stdout=sink, stderr=errors, start_new_session=True)
    try:
        for _ in range(3000):  # a hang guard (5 min, for a loaded machine), not a timing
            if out.read_text().split() == ["d00", "d01", "d02"] or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert out.read_text().split() == ["d00", "d01", "d02"], err.read_text()[-2000:]
        yield proc, out
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_does_not_wait_for_a_stuck_document(tmp_path: Path) -> None:
    with run_until_stuck(tmp_path) as (proc, out):
        os.kill(proc.pid, signal.SIGINT)
        code = proc.wait(timeout=120)  # a hang guard, not a timing: d03 would hold the run for 600 s
    assert code == 130
    assert out.read_text().split() == ["d00", "d01", "d02", "interrupted"]


def test_cli_clean_refuses_a_timeout_that_is_not_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean import cli

    page = tmp_path / "page.txt"
    page.write_text(doc("Judul berita"), encoding="utf-8")
    assert cli.main(["clean", str(page), "-o", str(tmp_path / "out.jsonl"), "--timeout", "0"]) == 2
    assert "--timeout" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_a_second_ctrl_c_while_the_first_is_handled_ends_the_process_at_once(tmp_path: Path) -> None:
    # The first Ctrl-C kills the workers; here that step is made slow, and a second Ctrl-C arrives
    # meanwhile (sent by the step itself, so the timing is certain).
    setup = """
        import os, time

        real_kill = runner.kill_workers

        def slow_kill(executor):
            real_kill(executor)
            os.kill(os.getpid(), signal.SIGINT)  # the second Ctrl-C
            time.sleep(600)  # what a stuck cleanup would do; the process must not wait for it
            print("cleanup finished", flush=True)

        runner.kill_workers = slow_kill
        """
    with run_until_stuck(tmp_path, setup) as (proc, out):
        os.kill(proc.pid, signal.SIGINT)
        code = proc.wait(timeout=120)  # a hang guard: the 600 s sleep must not be waited for
    assert code == 130
    assert out.read_text().split() == ["d00", "d01", "d02"]  # ended at once: no "interrupted", no cleanup
