"""Which document each worker of our pool is cleaning, and since when: shared memory written by the
workers and read by the parent, so that the parent judges a stuck worker by the time its document has
really run, never by time spent starting workers, waiting in a queue or behind other documents.
"""

from __future__ import annotations

import time
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Optional

__all__ = ["Stuck", "Watch", "watch_this_worker", "watched"]

_IDLE = 0.0


class Stuck(Exception):
    """A worker has been on the item `index` longer than the limit it was given."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


class Watch:
    """Per worker slot: the index of the item it is on and the `time.monotonic()` it started (0: idle).

    Made by the parent for one pool and handed to each worker as it starts (in the pool's initargs);
    each worker claims a slot of its own in `claim`. The monotonic clock is system-wide on the platforms
    the pool kills stuck workers on, so a worker's stamp can be compared with the parent's clock.
    """

    def __init__(self, context: Any, slots: int) -> None:
        self._started = context.RawArray("d", slots)
        self._index = context.RawArray("q", slots)
        self._claimed = context.Value("i", 0)
        self._slot: Optional[int] = None  # this process's slot, in a worker

    def claim(self) -> None:
        """In a starting worker: take the next free slot (none left: this worker goes unwatched)."""
        with self._claimed.get_lock():
            slot = self._claimed.value
            self._claimed.value = slot + 1
        self._slot = slot if slot < len(self._started) else None

    def begin(self, index: int) -> None:
        if self._slot is not None:
            self._index[self._slot] = index
            self._started[self._slot] = time.monotonic()

    def end(self) -> None:
        if self._slot is not None:
            self._started[self._slot] = _IDLE

    def longest_running(self, indexes: frozenset[int]) -> Optional[tuple[int, float]]:
        """Of these items, the one that has been running longest in a worker, and since when; None if
        none is running now."""
        found: Optional[tuple[int, float]] = None
        for slot in range(len(self._started)):
            index = self._index[slot]
            started = self._started[slot]
            # The index is read on both sides of the stamp: a worker moving on between the reads is skipped.
            if started != _IDLE and index in indexes and self._index[slot] == index:
                if found is None or started < found[1]:
                    found = (index, started)
        return found

    def result(self, future: Any, indexes: frozenset[int], *, limit: float, poll: float) -> Any:
        """`future.result()`, or `Stuck` once a worker has been on one of these items over `limit` seconds.
        While none of them runs (workers starting, the task queued) nothing is counted: look every `poll`."""
        while True:
            running = self.longest_running(indexes)
            wait = poll if running is None else running[1] + limit - time.monotonic()
            if running is not None and wait <= 0:
                raise Stuck(running[0])
            try:
                return future.result(timeout=wait)
            except FutureTimeout:
                continue


_current: Optional[Watch] = None


def watch_this_worker(watch: Optional[Watch]) -> None:
    global _current
    _current = watch
    if watch is not None:
        watch.claim()


def watched() -> Optional[Watch]:
    """The watch of this worker process (None inline, in other executors' workers, or unwatched)."""
    return _current
