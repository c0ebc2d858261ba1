"""The worker pool: `iter_parse_many` runs the parse function over numbered items, in input order,
with a bounded window of work in flight (`parse_many` collects the same stream into `Results`).

    >>> for result in newsclean.iter_parse_many(["dumps/", "more/*.html.gz"], workers=4):
    ...     if result.ok:
    ...         print(result.id, result.article.title)

Results come back in input order. Only a sliding window of `max_pending` tasks of `chunksize`
documents each is in flight, so a lazy iterable of millions of inputs is consumed as results are
taken, never listed up front. Any `concurrent.futures.Executor` (or a `dask.distributed.Client`)
can run the tasks; by default a process pool of our own does. Sending the tasks and getting their
outcomes back through broken and stuck workers is `runner`'s; this module turns them into results.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

from ..errors import InputError, NewscleanError
from ..models import Article
from .dedupe import Deduper, fingerprint
from .executors import TakenInputs
from .progress import planned
from .results import DUPLICATE, SKIPPED, BatchStats, ErrorRecord, Result
from .runner import ChunkRunner, Pending
from .sources import InputOptions, Item, RawInput, iter_items
from .worker import Outcome, default_parse, run_one

if TYPE_CHECKING:  # pragma: no cover
    from .record_files import RecordFields
    from .sitefilter import SiteFilter

__all__ = ["DEFAULT_CHUNKSIZE", "DEFAULT_TIMEOUT", "INLINE_BELOW", "OnError", "ResultStream", "iter_parse_many"]

#: With workers=None, fewer inputs than this are cleaned inline: a process pool costs more than it saves.
INLINE_BELOW = 16
DEFAULT_CHUNKSIZE = 8
#: Seconds one document may take in a batch before it becomes a `Timeout` error record. Generous: a
#: page takes milliseconds, and anything up to the size limit well under two seconds.
DEFAULT_TIMEOUT = 60.0

OnError = Literal["record", "raise", "skip"]


class ResultStream(Iterator[Result]):
    """The iterator `iter_parse_many` returns: yields `Result`s; `.stats` holds the running counts.

    Close it (or use it as a context manager) to stop early and shut down the pool it created. It can
    be read once: iterating it again after it ended raises `InputError` instead of giving nothing
    (a re-run notebook cell must not get an empty result silently; `parse_many` keeps the results).
    """

    def __init__(
        self,
        inputs: Iterable[Any],
        *,
        workers: Optional[int],
        executor: Optional[Executor],
        progress: bool,
        on_error: OnError,
        chunksize: Optional[int],
        max_pending: Optional[int],
        read_in_worker: Optional[bool],
        parse_fn: Optional[Callable[..., Article]],
        parse_kwargs: dict[str, Any],
        input_options: Optional[InputOptions] = None,
        dedupe: Optional[Deduper] = None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
    ) -> None:
        if on_error not in ("record", "raise", "skip"):
            raise ValueError(f"on_error must be 'record', 'raise' or 'skip', not {on_error!r}")
        if workers is not None and workers < 1:
            raise ValueError("workers must be >= 1")
        if timeout is not None and not (isinstance(timeout, (int, float)) and timeout > 0):
            raise ValueError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
        if isinstance(inputs, (str, bytes, os.PathLike)):
            inputs = [inputs]  # one input given bare: don't iterate over its characters
        self.stats = BatchStats()
        self._inputs = inputs
        self._workers = workers
        self._progress = progress
        self._on_error = on_error
        self._chunksize = chunksize
        self._max_pending = max_pending
        self._parse_fn = parse_fn
        self._kwargs = parse_kwargs
        if read_in_worker is None:
            # Local pools share the parent's file system; a cluster's workers may not.
            read_in_worker = executor is None or isinstance(executor, (ProcessPoolExecutor, ThreadPoolExecutor))
        self._options = input_options or InputOptions()
        self._options.read_in_worker = read_in_worker
        self._dedupe = dedupe
        self._budget = float(timeout) if timeout is not None else None
        self._runner = ChunkRunner(
            executor,
            workers=workers,
            parse_fn=parse_fn,
            parse_kwargs=parse_kwargs,
            keep_exc=on_error == "raise",
            budget=self._budget,
        )
        self._gen: Generator[Result, None, None] = self._generate()
        self.ended = False  # every result was taken, or the stream was closed

    # iterator protocol ---------------------------------------------------------------------------
    def __iter__(self) -> ResultStream:
        if self.ended:
            raise InputError(
                "these results were already read: a stream from iter_parse_many can be read once "
                "(newsclean.parse_many keeps the results to read again)"
            )
        return self

    def __next__(self) -> Result:
        try:
            return next(self._gen)
        except StopIteration:
            self.ended = True
            raise

    def close(self) -> None:
        self._gen.close()
        self.ended = True

    def __enter__(self) -> ResultStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # machinery ------------------------------------------------------------------------------------
    def _emit(self, item: Item, outcome: Outcome) -> Iterator[Result]:
        index, id_, _, _, _ = item
        article, error_type, message, exc = outcome
        self.stats.filtered, self.stats.resumed = self._options.filtered, self._options.excluded
        duplicate_of: Optional[str] = None
        if article is not None and self._dedupe is not None:
            found = self._dedupe.check(id_, fingerprint(article))
            if found is not None:
                duplicate_of, distance = found
                article, error_type, exc = None, DUPLICATE, None
                message = f"near-duplicate of {duplicate_of} (fingerprints {distance} bits apart)"
        if article is not None:
            self.stats.articles += 1
            self._bar_update(1)
            yield Result(id=id_, index=index, article=article)
            return
        if error_type in (SKIPPED, DUPLICATE):
            # Not failures: reported (the errors file lists them, with the id a duplicate repeats), never raised.
            if error_type == SKIPPED:
                self.stats.skipped += 1
            else:
                self.stats.duplicates += 1
            self._bar_update(1)
            if self._on_error != "skip":
                record = ErrorRecord(id_, error_type, message or "", duplicate_of)
                yield Result(id=id_, index=index, error=record)
            return
        if error_type == "NotAnArticle":
            self.stats.non_articles += 1
        else:
            self.stats.errors += 1
        self._bar_update(1)
        if self._on_error == "raise":
            if exc is not None:
                raise exc
            raise NewscleanError(f"{id_}: {error_type}: {message}")
        if self._on_error == "record":
            yield Result(id=id_, index=index, error=ErrorRecord(id_, error_type or "Exception", message or ""))

    def _bar_update(self, n: int) -> None:
        bar = self._bar
        if bar is not None:
            bar.update(n)
            if self.stats.errors and self.stats.total % 64 == 0:
                bar.set_postfix(errors=self.stats.errors, refresh=False)

    def _generate(self) -> Generator[Result, None, None]:
        self._bar = None
        inputs: Iterable[Any] = self._inputs
        if self._progress:
            from tqdm.auto import tqdm

            # The total is counted before the bar starts (folders expanded now), or not shown at all.
            inputs, total = planned(inputs, self._options.exclude_ids)
            self._bar = tqdm(total=total, unit="doc", desc="newsclean", dynamic_ncols=True)
        taken = TakenInputs(iter_items(inputs, self._options))
        items: Iterator[Item] = taken
        keep_exc = self._on_error == "raise"
        runner = self._runner
        try:
            inline = runner.executor is None and (self._workers == 1 or (os.cpu_count() or 1) == 1)
            if runner.executor is None and not inline and self._workers is None:
                head = list(itertools.islice(items, INLINE_BELOW))
                inline = len(head) < INLINE_BELOW
                items = itertools.chain(head, items)
            if inline:
                fn = self._parse_fn if self._parse_fn is not None else default_parse()
                for item in items:
                    # Inline, the original exception object is at hand: re-raise it unchanged.
                    yield from self._emit(item, run_one(item, fn, self._kwargs, keep_exc, self._budget))
                if taken.failure is not None:
                    raise taken.failure
                return
            if runner.executor is None:
                runner.new_pool(self._workers or os.cpu_count())
            runner.check_picklable()
            workers = self._workers or runner.width()
            chunksize = max(1, self._chunksize or DEFAULT_CHUNKSIZE)
            max_pending = max(1, self._max_pending or 2 * workers)
            pending: Pending = deque()
            while runner.refused is None:
                if len(pending) >= max_pending:
                    yield from self._drain_head(pending)
                    if runner.refused is not None:
                        break
                chunk = list(itertools.islice(items, chunksize))
                if not chunk:
                    break
                pending.append((chunk, runner.submit(chunk)))
            while pending:
                yield from self._drain_head(pending)
            failure = runner.refused or taken.failure
            if failure is not None:
                raise failure
        except BaseException:
            runner.abort()
            raise
        finally:
            self.stats.filtered, self.stats.resumed = self._options.filtered, self._options.excluded
            self.stats.finished = time.perf_counter()
            if self._bar is not None:
                self._bar.close()
            runner.shutdown()

    def _drain_head(self, pending: Pending) -> Iterator[Result]:
        chunk, future = pending.popleft()
        outcomes = self._runner.outcomes(chunk, future, pending)
        for item, outcome in zip(chunk, outcomes, strict=True):
            yield from self._emit(item, outcome)


def iter_parse_many(
    inputs: Iterable[RawInput],
    *,
    workers: Optional[int] = None,
    executor: Optional[Executor] = None,
    progress: bool = True,
    on_error: OnError = "record",
    chunksize: Optional[int] = None,
    max_pending: Optional[int] = None,
    read_in_worker: Optional[bool] = None,
    parse_fn: Optional[Callable[..., Article]] = None,
    site_filter: Optional[SiteFilter] = None,
    fields: Optional[RecordFields] = None,
    exclude_ids: Collection[str] = (),
    dedupe: Union[bool, Deduper] = False,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    **parse_kwargs: Any,
) -> ResultStream:
    """Clean many dumps lazily; yield exactly one `Result` per input, in input order.

    The streaming form of `parse_many`, for runs too large to hold (10 million documents into a
    writer): memory stays bounded, and the stream is read once. `parse_many` takes the same arguments.

    inputs: paths, directories, glob patterns, raw str/bytes, `(id, raw)` pairs or `Doc`s, in any
        (lazy) iterable; WARC/WET, JSONL/CSV/Parquet and zip/tar files stand for the documents they
        hold — see `newsclean.batch.sources` for the exact rule.
    workers: processes for the default pool (None → `os.cpu_count()`, inline below 16 inputs;
        1 → inline, no pool). Ignored when `executor` is given.
    executor: any `concurrent.futures.Executor`, or a `dask.distributed.Client`. Not shut down here.
    progress: a tqdm bar on stderr; its total is counted before it starts when `inputs` is a list
        (folders and patterns are expanded up front), else the bar counts without a total.
    on_error: "record" yields error results; "raise" raises the first error, in input order;
        "skip" drops error results (`.stats` still counts them).
    chunksize: documents per task (default 8). max_pending: tasks in flight (default 2 × workers);
        memory is bounded by chunksize × max_pending documents.
    read_in_worker: read files in the worker (default for local pools) or in the parent and ship the
        bytes (default for other executors, e.g. Dask, whose workers may not see the same disk).
    parse_fn: used instead of `newsclean.parse`; must be a module-level function for process pools.
    site_filter: clean only documents whose URL passes it (`SiteFilter`); the others are counted
        in `.stats.filtered`, without results.
    fields: the columns of record files (`RecordFields`; default: html/content/text, url, id, fetched_at).
    exclude_ids: ids already done (a resumed run): no results, counted in `.stats.resumed`.
    dedupe: True (or a `Deduper`) turns each article that nearly repeats an earlier one into a
        "Duplicate" result whose `error.duplicate_of` names the first.
    timeout: seconds one document may take (default 60; None: no limit); one over it becomes a
        "Timeout" error result and the run goes on. Enforced in the workers of the default pool and
        inline; a pool of ours whose worker is stuck past it is killed and replaced. Other executors'
        workers (threads, Dask) cannot be interrupted: there the limit does not apply.
    parse_kwargs: passed to every parse call (`site=`, `fetched_at=`, `explain=`, ...); a document's
        own url/fetched_at (from a WARC record or a record file) win over these.

    A worker process that dies yields a "BrokenProcessPool" error result for the document that
    killed it; the run goes on in a fresh pool. If the inputs raise or the executor refuses work,
    every input taken so far still gets its result, then `BatchError` is raised.

    The default pool starts its workers with forkserver (spawn where there is none), never fork, which
    can deadlock a process that runs threads (a notebook kernel). Workers receive the parent's
    ``NEWSCLEAN_PROFILES`` and the profiles registered before the run; a script that runs a batch must
    do so under ``if __name__ == "__main__":``, as workers import it.
    """
    return ResultStream(
        inputs,
        workers=workers,
        executor=executor,
        progress=progress,
        on_error=on_error,
        chunksize=chunksize,
        max_pending=max_pending,
        read_in_worker=read_in_worker,
        parse_fn=parse_fn,
        parse_kwargs=parse_kwargs,
        input_options=InputOptions(fields=fields, site_filter=site_filter, exclude_ids=exclude_ids),
        dedupe=(Deduper() if dedupe is True else dedupe) or None,
        timeout=timeout,
    )
