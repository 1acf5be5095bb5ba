"""The local backend: episodes played by worker processes on this machine, each one
:class:`~mi_settings_gym.evaluate.worker.Worker` (one simulator), rows yielded as they finish.

With one worker the episodes are played in this process, in plan order (no process to start, and
a Ctrl-C stops between two episodes' rows at once).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from .plan import Episode
from .worker import Worker, WorkerConfig

__all__ = ["run_local"]

#: The worker of this process (a pool's worker process holds one, made by its initializer).
_worker: Worker | None = None


def _start(config: WorkerConfig) -> None:
    global _worker
    _worker = Worker(config)
    # A pool's worker process ends without atexit: multiprocessing's finalizers run instead.
    multiprocessing.util.Finalize(None, _worker.close, exitpriority=10)


def _play(episode: Episode) -> dict[str, Any]:
    assert _worker is not None, "the worker process was not started"
    return _worker.run(episode)


def run_local(
    config: WorkerConfig, episodes: Sequence[Episode], workers: int
) -> Iterator[dict[str, Any]]:
    """Plays ``episodes`` over ``workers`` processes (at most one per episode); yields each
    episode's row as it is done, in no particular order."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    episodes = list(episodes)
    if not episodes:
        return
    workers = min(workers, len(episodes))
    if workers == 1:
        with Worker(config) as worker:
            for episode in episodes:
                yield worker.run(episode)
        return
    # A few episodes in flight per worker: enough to keep each busy, few enough that a stop
    # leaves little begun and not yet done.
    in_flight = 2 * workers
    context = multiprocessing.get_context("forkserver" if _has_forkserver() else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start, initargs=(config,)
    )
    try:
        pending: set[Future[dict[str, Any]]] = set()
        queue = iter(episodes)
        for episode in queue:
            pending.add(pool.submit(_play, episode))
            if len(pending) >= in_flight:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                following = next(queue, None)
                if following is not None:
                    pending.add(pool.submit(_play, following))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _has_forkserver() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()
