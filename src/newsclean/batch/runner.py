"""Running chunks of items on an executor and getting one outcome per item back, whatever happens to
the workers: the pool of our own is started, watched, killed when a worker is stuck past the time
budget, and replaced when it breaks, the chunk at fault replayed one document at a time to name its
culprit. Kept apart from the stream (`pool`), which only decides what to send when and turns the
outcomes into results, in input order.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Optional

from ..errors import BatchError, Timeout
from ..models import Article
from .executors import Ready, abort_at_exit, exit_at_once, is_dask, kill_workers, width
from .sources import Item
from .watch import Stuck, Watch
from .worker import Outcome, init_worker, pool_context, run_chunk

__all__ = ["ChunkRunner", "Pending"]

# A pool of ours whose worker is stuck where the time budget cannot reach it (inside C code) is killed
# once the worker has been on one document this much past the budget (counted in the worker, from the
# document's start: time spent starting workers or waiting in the queue does not count).
_GRACE = 30.0
# A fresh pool that has not cleaned anything yet must get a worker up within this long.
_START_LIMIT = 4 * _GRACE

#: The tasks in flight, oldest first: each chunk with its future. Recovering a broken pool settles and
#: resubmits them all, so the stream hands the whole window over, not just the task it waits for.
Pending = deque[tuple[list[Item], Any]]


class ChunkRunner:
    """Sends chunks to an executor (the caller's, or a process pool of our own started on demand) and
    returns one `Outcome` per item of a chunk: a worker that dies or hangs costs the document at fault
    an error outcome, never the run nor anyone else's work.

    `refused` is set once no more work can be sent (the executor refused a task, or our workers die
    as they start); the tasks then get error outcomes, and the stream raises it after their results.
    """

    def __init__(
        self,
        executor: Optional[Executor],
        *,
        workers: Optional[int],
        parse_fn: Optional[Callable[..., Article]],
        parse_kwargs: dict[str, Any],
        keep_exc: bool,
        budget: Optional[float],
    ) -> None:
        self.executor = executor
        self.owned = False  # the executor is a pool of ours: ours to kill and replace
        self.refused: Optional[BatchError] = None  # the executor refused a task: no more are sent
        self._workers = workers
        self._parse_fn = parse_fn
        self._kwargs = parse_kwargs
        self._keep_exc = keep_exc  # on_error="raise": a failed task raises rather than becoming error outcomes
        self._budget = budget
        self._dask = executor is not None and is_dask(executor)
        self._pool_worked = False  # a task of the current pool of ours has come back
        self._watch: Optional[Watch] = None  # what the workers of our pool are on, since when

    # the executor ---------------------------------------------------------------------------------
    def width(self) -> int:
        return width(self.executor)

    def _processes(self) -> bool:
        return self.owned or isinstance(self.executor, ProcessPoolExecutor)

    def check_picklable(self) -> None:
        if self._parse_fn is None or not self._processes():
            return
        try:
            pickle.dumps(self._parse_fn)
        except Exception as exc:
            raise TypeError(
                f"parse_fn {self._parse_fn!r} cannot be sent to worker processes ({exc}); "
                "use a module-level function, workers=1, or a ThreadPoolExecutor"
            ) from None

    def new_pool(self, max_workers: Optional[int]) -> None:
        from ..sites import PROFILES_ENV, registry

        context = pool_context()
        self._watch = Watch(context, max_workers or os.cpu_count() or 1)
        self.executor = ProcessPoolExecutor(
            max_workers=max_workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(os.environ.get(PROFILES_ENV), registry.registered(), self._watch),
        )
        self.owned = True
        self._pool_worked = False
        abort_at_exit(self)

    def _kill_pool(self) -> None:
        """Kill the workers of our pool (a stuck document, an interrupt) and shut it down at once."""
        pool = self.executor
        if not self.owned or pool is None:
            return
        kill_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        self.executor = None
        self._watch = None

    def abort(self) -> None:
        """Stopped early (Ctrl-C, an error, `close()`): kill our workers rather than wait for them; a
        second Ctrl-C meanwhile ends the process at once."""
        if not self.owned or self.executor is None:
            return
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, exit_at_once) if in_main else None
        try:
            self._kill_pool()
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)

    def shutdown(self) -> None:
        """The run ended: our pool (never the caller's executor) is shut down, its workers joined."""
        if self.owned and self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
            self._watch = None

    # tasks ----------------------------------------------------------------------------------------
    def submit(self, chunk: list[Item]) -> Any:
        args = (chunk, self._parse_fn, self._kwargs, self._keep_exc, self._budget)
        assert self.executor is not None
        try:
            if self._dask:
                # Dask would merge tasks with equal arguments under one key; each chunk is its own task.
                return self.executor.submit(run_chunk, *args, pure=False)  # type: ignore[call-arg]
            return self.executor.submit(run_chunk, *args)
        except BrokenProcessPool as exc:
            return Ready(exc=exc)
        except Exception as exc:  # shut down, closed client, ...: the chunk gets error records, the run stops
            reason = f"{type(exc).__name__}: {exc}"
            if self.refused is None:
                self.refused = BatchError(f"the executor refused work ({reason}); the inputs taken have their results")
                self.refused.__cause__ = exc
            return Ready([(None, "BatchError", f"not cleaned: the executor refused the task ({reason})", None)] * len(chunk))

    def outcomes(self, chunk: list[Item], future: Any, pending: Pending) -> list[Outcome]:
        """The outcomes of `chunk`'s task, taken off the head of `pending` (whose other tasks are
        resubmitted should the pool have to be replaced meanwhile)."""
        try:
            outcomes = self._await(future, chunk)
            self._pool_worked = True
        except Stuck as stuck:
            self._kill_pool()  # a worker is stuck past its budget: its pool goes, the rest of the chunk is redone
            outcomes = self._recover(chunk, pending, stuck=stuck.index)
        except BrokenProcessPool:
            outcomes = self._recover(chunk, pending)
        except Exception as exc:  # the task itself failed (Dask KilledWorker, unpicklable result, ...)
            if self._keep_exc:
                raise
            outcomes = [(None, type(exc).__name__, str(exc), None)] * len(chunk)
        return outcomes

    def _await(self, future: Any, chunk: list[Item]) -> list[Outcome]:
        """The outcomes of a task, or `Stuck` once a worker of our pool has been on one of its documents
        past the budget and the grace. Other executors' tasks, or any without a budget, are waited for."""
        if self._watch is None or self._budget is None:
            return future.result()
        indexes = frozenset(item[0] for item in chunk)
        return self._watch.result(future, indexes, limit=self._budget + _GRACE, poll=_GRACE)

    # recovery -------------------------------------------------------------------------------------
    def _recover(self, chunk: list[Item], pending: Pending, stuck: Optional[int] = None) -> list[Outcome]:
        """A worker process died, or was killed while stuck on the item `stuck`. Find the document at fault,
        keep everyone else's work."""
        old = self.executor
        if not self.owned:
            warnings.warn(
                "the process pool given to parse_many broke; continuing with a pool of its own",
                RuntimeWarning,
                stacklevel=5,  # past _recover, outcomes and the stream's _drain_head and _generate: its __next__
            )
        max_workers = getattr(old, "_max_workers", None) or self._workers or os.cpu_count()
        # Settle every in-flight future of the broken pool: finished work is kept, the rest redone (killing
        # the pool cancels the tasks it had not started: redone too, never reported as errors).
        settled: list[tuple[list[Item], Any]] = []
        for other_chunk, fut in pending:
            try:
                settled.append((other_chunk, Ready(fut.result())))
            except (BrokenProcessPool, CancelledError):
                settled.append((other_chunk, None))
            except Exception as exc:
                settled.append((other_chunk, Ready(exc=exc)))
        # Killed, not joined (a pool of ours; a user's is left alone): a pool that spawns workers on demand can
        # start one while its manager thread tears the broken pool down; never told to stop, it is joined for ever.
        self._kill_pool()
        never_worked = not self._pool_worked
        self.new_pool(max_workers)
        if never_worked and not self._workers_start():
            return self._give_up(chunk, settled, pending)
        # The rest of the head chunk is replayed one document at a time, so a crash or a hang names its culprit.
        timed_out: Outcome = (None, "Timeout", str(Timeout(self._budget or 0.0)), None)
        outcomes: list[Outcome] = []
        for item in chunk:
            if item[0] == stuck:
                outcomes.append(timed_out)
                continue
            try:
                outcomes.extend(self._await(self.submit([item]), [item]))
                self._pool_worked = True
            except (BrokenProcessPool, Stuck) as exc:
                if isinstance(exc, Stuck):
                    outcomes.append(timed_out)
                else:
                    outcomes.append((None, "BrokenProcessPool", "the worker process died while cleaning this input", None))
                self._kill_pool()
                self.new_pool(max_workers)
        pending.clear()
        for other_chunk, ready in settled:
            pending.append((other_chunk, ready if ready is not None else self.submit(other_chunk)))
        return outcomes

    def _workers_start(self) -> bool:
        """Whether a fresh pool's workers start at all (they die as they start when, for one, a script
        without an ``if __name__ == "__main__":`` guard starts a batch again as each worker imports it)."""
        try:
            self.submit([]).result(timeout=_START_LIMIT)
        except Exception:  # noqa: BLE001 - broken, refused or stuck: no worker comes up
            self._kill_pool()
            return False
        return True

    def _give_up(self, chunk: list[Item], settled: list[tuple[list[Item], Any]], pending: Pending) -> list[Outcome]:
        reason = (
            "worker processes die as they start; in a script, run the batch under "
            "`if __name__ == \"__main__\":` (workers start fresh and import the script), or pass workers=1"
        )
        self.refused = BatchError(reason)
        record: Outcome = (None, "BatchError", f"not cleaned: {reason}", None)
        pending.clear()
        for other_chunk, ready in settled:
            pending.append((other_chunk, ready if ready is not None else Ready([record] * len(other_chunk))))
        return [record] * len(chunk)
