"""iter_parse_many when its surroundings fail (issue #13): the iterable of inputs raises, the executor refuses
work. Every input taken gets exactly one record, in order; then a typed `BatchError`."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterator, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import BatchError, NewscleanError
from newsclean.batch import Result, iter_parse_many
from test_batch import doc, fake_parse


class Inputs:
    """(id, text) pairs that raise OSError when input number `fail_at` is asked for; remembers what was taken."""

    def __init__(self, count: int, fail_at: Optional[int] = None) -> None:
        self.count, self.fail_at = count, fail_at
        self.taken: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for i in range(self.count):
            if i == self.fail_at:
                raise OSError("the disk went away")
            self.taken.append(f"d{i:03d}")
            yield (f"d{i:03d}", doc(f"Judul berita nomor {i}") if i % 5 else doc(f"NOT listing {i}"))

    @property
    def fails(self) -> bool:
        return self.fail_at is not None and self.fail_at < self.count


class RefusingPool(ThreadPoolExecutor):
    """A thread pool whose `submit` raises from call number `refuse_at` on (as a pool shut down elsewhere)."""

    def __init__(self, refuse_at: Optional[int]) -> None:
        super().__init__(max_workers=2)
        self.refuse_at, self.calls = refuse_at, 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        if self.refuse_at is not None and self.calls >= self.refuse_at:
            raise RuntimeError("cannot schedule new futures after shutdown")
        return super().submit(fn, *args, **kwargs)


def run(inputs: Inputs, **kwargs: Any) -> tuple[list[Result], Optional[BaseException]]:
    results: list[Result] = []
    try:
        for result in iter_parse_many(inputs, progress=False, parse_fn=fake_parse, **kwargs):
            results.append(result)
    except Exception as exc:  # noqa: BLE001 - the test looks at what escaped
        return results, exc
    return results, None


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(0, 40),
    fail_at=st.none() | st.integers(0, 45),
    refuse_at=st.none() | st.integers(1, 8),
    chunksize=st.integers(1, 5),
    max_pending=st.integers(1, 4),
    inline=st.booleans(),
)
def test_every_input_taken_has_exactly_one_record_then_a_typed_error(
    count: int, fail_at: Optional[int], refuse_at: Optional[int], chunksize: int, max_pending: int, inline: bool
) -> None:
    inputs = Inputs(count, fail_at)
    if inline:
        results, escaped = run(inputs, workers=1)
        refused = False
    else:
        with RefusingPool(refuse_at) as pool:
            results, escaped = run(inputs, executor=pool, chunksize=chunksize, max_pending=max_pending)
            refused = refuse_at is not None and pool.calls >= refuse_at
    assert [r.id for r in results] == inputs.taken  # one record each, in input order
    for result in results:
        n = int(result.id[1:])
        if result.error is not None and result.error.error_type == "BatchError":
            assert refused and "refused" in result.error.message
        elif n % 5:
            assert result.ok and result.article is not None and result.article.title == f"Judul berita nomor {n}"
        else:
            assert result.error is not None and result.error.error_type == "NotAnArticle"
    if inputs.fails or refused:
        assert isinstance(escaped, BatchError) and isinstance(escaped, NewscleanError)
        assert isinstance(escaped.__cause__, OSError if not refused else (OSError, RuntimeError))
    else:
        assert escaped is None and len(results) == count


@pytest.mark.parametrize("workers", [None, 2])
def test_a_failing_input_iterable_through_the_default_pool(workers: Optional[int]) -> None:
    # workers=None takes up to 16 inputs before choosing between inline and a process pool.
    inputs = Inputs(50, fail_at=24 if workers else 10)
    results, escaped = run(inputs, workers=workers)
    assert [r.id for r in results] == inputs.taken and len(results) == (24 if workers else 10)
    assert isinstance(escaped, BatchError) and isinstance(escaped.__cause__, OSError)
    assert "OSError: the disk went away" in str(escaped)
