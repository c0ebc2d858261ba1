"""The worker side of the batch pool: what runs in each worker process (or inline), module-level so
process pools and Dask can pickle it by reference.

Each document runs under a time budget (`time_budget`); workers of our own pool start fresh
(`pool_context`) and receive the parent's profiles (`init_worker`).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Optional

from ..errors import InputError, Timeout
from ..models import Article
from .results import SKIPPED
from .sources import Item, read_dump
from .watch import Watch, watch_this_worker, watched

__all__ = ["Outcome", "default_parse", "init_worker", "pool_context", "run_chunk", "run_one", "time_budget"]

#: What a worker returns per item: (article, error_type, message, exception-or-None).
Outcome = tuple[Optional[Article], Optional[str], Optional[str], Optional[BaseException]]


def default_parse() -> Callable[..., Article]:
    from ..pipeline import parse

    return parse


def init_worker(profiles_env: Optional[str], profiles: tuple[Any, ...], watch: Optional[Watch] = None) -> None:
    """Set up a worker process of our pool: the parent's NEWSCLEAN_PROFILES and registered profiles,
    and the pool's `Watch`, where the worker stamps each document it starts.

    Workers start fresh (forkserver or spawn, never fork: forking a process that runs threads, as a
    notebook kernel does, can deadlock), so they get the parent's profiles explicitly.
    """
    from ..sites import registry

    # Ctrl-C reaches the whole process group; only the parent should react (close outputs, exit 130),
    # not every worker with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if profiles_env is None:
        os.environ.pop(registry.PROFILES_ENV, None)
    else:
        os.environ[registry.PROFILES_ENV] = profiles_env
    registry.adopt(profiles)
    watch_this_worker(watch)


def pool_context() -> Any:
    """A start method that is safe in a threaded parent: forkserver where there is one, else spawn."""
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Workers fork from a server that has the pipeline imported already (a no-op once it runs).
        context.set_forkserver_preload(["newsclean.batch.pool", "newsclean.pipeline"])
    return context


@contextmanager
def time_budget(seconds: Optional[float]) -> Iterator[None]:
    """Raise `Timeout` in this thread once `seconds` have passed (the main thread of a POSIX process:
    pool workers, and the caller when cleaning inline). Elsewhere (threads, Dask) it does nothing."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0.05)  # once more soon, should a broad `except` swallow this one
        raise Timeout(seconds)  # type: ignore[arg-type]

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _survives_pickle(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True


def run_one(
    item: Item, fn: Callable[..., Article], kwargs: dict[str, Any], keep_exc: bool, budget: Optional[float] = None
) -> Outcome:
    index, _, kind, payload, meta = item
    if kind == "skip":
        return (None, SKIPPED, payload[1], None)
    watch = watched()
    if watch is not None:
        watch.begin(index)
    try:
        if kind == "error":
            raise InputError(payload[1])
        raw = read_dump(payload) if kind == "path" else payload
        # The document's own url/fetched_at (a WARC record's, a record file row's) win over the run's.
        with time_budget(budget):
            article = fn(raw, **({**kwargs, **meta} if meta else kwargs))
        if not isinstance(article, Article):
            raise TypeError(f"parse function returned {type(article).__name__}, not Article")
        return (article, None, None, None)
    except Exception as exc:
        # The exception object travels back only when it will be re-raised (on_error="raise") and
        # can make the trip; otherwise its name and message are all the parent needs.
        kept = exc if keep_exc and _survives_pickle(exc) else None
        return (None, type(exc).__name__, str(exc), kept)
    finally:
        if watch is not None:
            watch.end()


def run_chunk(
    chunk: list[Item],
    parse_fn: Optional[Callable[..., Article]],
    kwargs: dict[str, Any],
    keep_exc: bool,
    budget: Optional[float] = None,
) -> list[Outcome]:
    fn = parse_fn if parse_fn is not None else default_parse()
    return [run_one(item, fn, kwargs, keep_exc, budget) for item in chunk]
