"""What the batch pool needs around its executor: settled futures, inputs that fail, the width of an
executor, and getting rid of workers at once (a stuck document, Ctrl-C, interpreter exit)."""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Optional

from ..errors import BatchError
from .sources import Item

__all__ = ["Ready", "TakenInputs", "abort_at_exit", "exit_at_once", "is_dask", "kill_workers", "width"]

_live: "weakref.WeakSet[Any]" = weakref.WeakSet()
_exit_hook = threading.Lock()
_exit_hook_registered = False


def _abort_live() -> None:
    # At interpreter exit, before concurrent.futures waits for every pool's workers: a run left
    # unfinished (Ctrl-C in the code consuming the results, a stream never closed) must not hold the
    # process for its stuck documents.
    for run in list(_live):
        run.abort()


def abort_at_exit(run: Any) -> None:
    """Call `run.abort()` at interpreter exit if `run` is still alive then (held weakly)."""
    global _exit_hook_registered
    _live.add(run)
    with _exit_hook:
        register = getattr(threading, "_register_atexit", None)  # runs before concurrent.futures' own hook
        if not _exit_hook_registered and register is not None:
            try:
                register(_abort_live)
            except RuntimeError:  # the interpreter is already shutting down
                return
            _exit_hook_registered = True


def exit_at_once(signum: int, frame: Any) -> None:
    # A second Ctrl-C while the first is being handled: the user wants out, now.
    os._exit(130)


class Ready:
    """A future that is already settled (results kept across a pool restart, or a failed submit)."""

    def __init__(self, value: Any = None, exc: Optional[BaseException] = None) -> None:
        self._value, self._exc = value, exc

    def result(self, timeout: Optional[float] = None) -> Any:
        if self._exc is not None:
            raise self._exc
        return self._value


class TakenInputs(Iterator[Item]):
    """The items, ending early instead of raising when the caller's iterable of inputs fails.

    Every item taken before the failure is then cleaned and reported as usual; `failure` says why the
    run stopped, and is raised after the last of those results.
    """

    def __init__(self, items: Iterator[Item]) -> None:
        self._items = items
        self.taken = 0
        self.failure: Optional[BatchError] = None

    def __next__(self) -> Item:
        if self.failure is not None:
            raise StopIteration
        try:
            item = next(self._items)
        except StopIteration:
            raise
        except Exception as exc:
            self.failure = BatchError(
                f"the inputs raised {type(exc).__name__}: {exc}; the {self.taken} taken before have their results"
            )
            self.failure.__cause__ = exc
            raise StopIteration from None
        self.taken += 1
        return item


def is_dask(executor: Any) -> bool:
    return type(executor).__module__.split(".")[0] == "distributed"


def width(executor: Any) -> int:
    if isinstance(executor, (ProcessPoolExecutor, ThreadPoolExecutor)):
        return int(getattr(executor, "_max_workers", 0)) or (os.cpu_count() or 1)
    if is_dask(executor):
        try:
            return max(1, sum(executor.nthreads().values()))
        except Exception:  # a client that cannot reach its scheduler yet: fall back to a guess
            pass
    return os.cpu_count() or 1


def kill_workers(pool: Any) -> None:
    """Kill a process pool's workers at once (stuck documents, an interrupt); the pool is then broken."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except Exception:  # noqa: BLE001 - already gone
            pass
