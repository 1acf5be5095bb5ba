"""The Ray backend: episodes spread over Ray actors, each holding one
:class:`~mi_settings_gym.evaluate.worker.Worker` (one simulator), rows yielded as they finish.

Needs the optional extra ``mi-settings-gym[ray]``; ``ray`` is imported only when a run starts.

* **Where**: ``address="auto"`` joins the Ray cluster this machine belongs to (``RAY_ADDRESS``, or
  one ``ray start`` began here); when there is none it starts a local one for this run alone
  (every CPU of this machine, its node at 127.0.0.1, stopped when the run ends) and says so on
  stderr. Any other address (``HOST:PORT`` of the head's GCS, or ``ray://HOST:PORT``) must be a
  running cluster: none there is an error naming the address.
* **How many actors**: ``actors``, else one per CPU of the cluster (one CPU each; spread over
  the nodes). At most one per episode. An actor is given episodes once it has started: one the
  cluster has no room for holds none, one that cannot start (its node lacks the binary or the
  agent's module) is reported on stderr and left out.
* **Faults**: Ray restarts an actor whose process dies (``max_restarts``) and reruns the calls
  it had in flight (``max_task_retries``): an actor killed mid-run costs only its episodes'
  time. An episode whose actor died more often than that is queued again, on any actor, up to
  :data:`ATTEMPTS` times in all; after that its row says ``"crashed"`` with what happened. A
  row may so arrive twice for one episode: the runner keeps the first (rows are the same).
* **The binary and the logs**: the driver resolves the ``mi-settings`` binary (the config's,
  ``$MI_SETTINGS_BIN`` or ``PATH``) and the log folder to absolute paths, and every node uses
  those paths: on a cluster of several machines, the binary must be at that path on each (the
  same image, a shared filesystem, or shipped with Ray's ``runtime_env``), the package and the
  agent's module importable on each, and the log folder on a shared filesystem (else each
  node keeps the logs of the episodes it played).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import re
import shutil
import socket
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from ..client import find_binary
from .plan import Episode
from .runner import RunError
from .worker import ERROR_CHARACTERS, Worker, WorkerConfig, crashed_row

__all__ = ["ATTEMPTS", "IN_FLIGHT", "RayBackendError", "run_ray"]

#: Calls in flight per actor: one episode playing and one queued behind it, so that an actor
#: never waits for the driver between two episodes (Ray's round trip is ~1 ms, docs/scale.md).
IN_FLIGHT = 2
#: Ray restarts a dead actor this many times ...
MAX_RESTARTS = 4
#: ... and reruns a call whose actor died this many times ...
MAX_TASK_RETRIES = 2
#: ... and the backend queues an episode whose call still failed again, to at most this many
#: calls in all; then the episode's row says it crashed.
ATTEMPTS = 3
#: The longest a cluster's address may take to accept a connection (seconds).
PROBE_SECONDS = 10
#: The longest the run waits, with no episode in flight, for an actor to start (seconds).
START_SECONDS = 600
#: The longest the actors may take to close their simulators at the end (seconds).
CLOSE_SECONDS = 30


class RayBackendError(RunError):
    """Ray is missing, the cluster cannot be reached, or no actor is left: the message says
    which (the command prints it, without a traceback)."""


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayBackendError(
            "--ray needs Ray: install mi-settings-gym[ray] (pip install 'mi-settings-gym[ray]')"
        ) from None
    return ray


def _connect(ray: Any, address: str) -> bool:
    """Connects this process to the cluster at ``address``; whether it started a local one
    (which :func:`run_ray` then stops)."""
    if ray.is_initialized():
        return False
    quiet = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address == "auto":
        try:
            ray.init(address="auto", **quiet)
            return False
        except ConnectionError:
            pass
        print(
            "ray: no running Ray cluster found (RAY_ADDRESS, `ray start`); "
            f"starting a local one with {os.cpu_count()} CPUs for this run",
            file=sys.stderr,
        )
        ray.init(_node_ip_address="127.0.0.1", include_dashboard=False, **quiet)
        return True
    _reachable(address)
    try:
        ray.init(address=address, **quiet)
    except (ConnectionError, TimeoutError, ValueError) as error:
        raise RayBackendError(
            f"--ray {address}: cannot join a Ray cluster there ({error})"
        ) from None
    return False


def _reachable(address: str) -> None:
    """Refuses a ``HOST:PORT`` where nothing answers (Ray would wait for it for minutes)."""
    if "://" in address:
        return  # ray://HOST:PORT: Ray's client, which fails by itself
    host, colon, port = address.rpartition(":")
    if not colon or not host or not port.isdigit():
        raise RayBackendError(
            f"--ray {address}: write auto, HOST:PORT (the head's GCS, as `ray start --head` "
            "prints it) or ray://HOST:PORT"
        )
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_SECONDS).close()
    except OSError as error:
        raise RayBackendError(
            f"--ray {address}: no Ray cluster answers there ({error}); start one with "
            "`ray start --head`, or use --ray auto"
        ) from None


class _Player:
    """The actor's body: one :class:`Worker`, made when the actor starts (again after a
    restart)."""

    def __init__(self, config: WorkerConfig) -> None:
        self.worker = Worker(config)

    def run(self, episode: Episode) -> dict[str, Any]:
        return self.worker.run(episode)

    def ping(self) -> None:
        return None

    def close(self) -> None:
        self.worker.close()


def resolved(config: WorkerConfig) -> WorkerConfig:
    """``config`` with the binary and the log folder as absolute paths (an actor's working
    folder and environment are its node's, not the driver's)."""
    binary = os.path.abspath(find_binary(config.binary))
    log_dir = None if config.log_dir is None else os.path.abspath(config.log_dir)
    return dataclasses.replace(config, binary=binary, log_dir=log_dir)


def run_ray(
    config: WorkerConfig, episodes: Sequence[Episode], address: str, actors: int | None
) -> Iterator[dict[str, Any]]:
    """Plays ``episodes`` on the Ray cluster at ``address`` (``"auto"``: see the module) over
    ``actors`` actors (``None``: one per CPU of the cluster); yields each episode's row as it is
    done, in no particular order."""
    if actors is not None and actors < 1:
        raise ValueError(f"actors must be at least 1, not {actors}")
    episodes = list(episodes)
    if not episodes:
        return
    config = resolved(config)
    ray = _import_ray()
    started = _connect(ray, address)
    pool: list[Any] = []
    try:
        if actors is None:
            actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
        actors = min(actors, len(episodes))
        player = ray.remote(
            num_cpus=1, max_restarts=MAX_RESTARTS, max_task_retries=MAX_TASK_RETRIES
        )(_Player)
        pool = [player.options(scheduling_strategy="SPREAD").remote(config) for _ in range(actors)]
        yield from _dispatch(ray, pool, episodes)
        # Each actor ends its simulator and removes its staging folder; an actor killed
        # during the run left its own, which nothing uses now.
        _close(ray, pool)
        if config.log_dir is not None:
            for name in _listdir(config.log_dir):
                if name.startswith(".staging-"):
                    shutil.rmtree(os.path.join(config.log_dir, name), ignore_errors=True)
    finally:
        for actor in pool:
            with contextlib.suppress(Exception):  # an actor already gone
                ray.kill(actor, no_restart=True)
        if started:
            ray.shutdown()


def _close(ray: Any, pool: list[Any]) -> None:
    # An actor dead for good, or slow, is killed next.
    with contextlib.suppress(Exception):
        ray.get([actor.close.remote() for actor in pool], timeout=CLOSE_SECONDS)


def _listdir(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


def _dispatch(ray: Any, pool: list[Any], episodes: list[Episode]) -> Iterator[dict[str, Any]]:
    """Gives each actor episodes once it has started (its first ``ping`` answered: an actor the
    cluster has no room for is never given any), :data:`IN_FLIGHT` at a time, until every
    episode has a row."""
    queue: deque[Episode] = deque(episodes)
    attempts: dict[str, int] = {}
    last_death = "none seen"
    #: Calls in flight: the actor's index and the episode (``None``: the actor's first ping).
    calls: dict[Any, tuple[int, Episode | None]] = {}
    load = [0] * len(pool)
    alive = [True] * len(pool)
    #: Started, alive actors with room for another call.
    idle: set[int] = set()
    playing = 0

    def feed(index: int) -> None:
        nonlocal playing
        while alive[index] and load[index] < IN_FLIGHT and queue:
            episode = queue.popleft()
            attempts[episode.key] = attempts.get(episode.key, 0) + 1
            calls[pool[index].run.remote(episode)] = (index, episode)
            load[index] += 1
            playing += 1
        if alive[index] and load[index] < IN_FLIGHT:
            idle.add(index)
        else:
            idle.discard(index)

    for index, actor in enumerate(pool):
        calls[actor.ping.remote()] = (index, None)
    while queue or playing:
        if not any(alive):
            raise RayBackendError(
                f"every Ray actor died for good; {len(queue) + playing} episodes not played "
                "(the journal keeps the rows done: run again to resume). The last "
                f"death: {last_death[:ERROR_CHARACTERS]}"
            )
        # With no episode in flight, only actors starting: wait for one, but not forever.
        ready, _ = ray.wait(list(calls), num_returns=1, timeout=None if playing else START_SECONDS)
        if not ready:
            raise RayBackendError(
                f"no Ray actor started within {START_SECONDS} s (each needs 1 CPU; the "
                f"cluster has {ray.cluster_resources().get('CPU', 0)})"
            )
        if len(calls) > 1:
            # Whatever else is done now too, in one call (a wait per row is O(calls)).
            more, _ = ray.wait(list(calls), num_returns=len(calls), timeout=0)
            ready = list(dict.fromkeys([*ready, *more]))
        for ref in ready:
            index, episode = calls.pop(ref)
            if episode is None:
                try:
                    ray.get(ref)
                except Exception as error:  # its creation failed: the error says why
                    alive[index] = False
                    last_death = _cause(error)
                    print(
                        f"ray: an actor could not start, the others go on: "
                        f"{last_death[:ERROR_CHARACTERS]}",
                        file=sys.stderr,
                    )
                feed(index)
                continue
            load[index] -= 1
            playing -= 1
            try:
                row = ray.get(ref)
            except ray.exceptions.RayActorError as error:
                last_death = _cause(error)
                if alive[index] and not _still_alive(ray, pool[index]):
                    alive[index] = False
                if attempts[episode.key] >= ATTEMPTS:
                    yield crashed_row(
                        episode,
                        f"its Ray actor died {attempts[episode.key]} times playing it: "
                        f"{type(error).__name__}"[:ERROR_CHARACTERS],
                    )
                else:
                    queue.appendleft(episode)
            else:
                yield row
            feed(index)
        for index in list(idle):
            feed(index)


def _cause(error: BaseException) -> str:
    """An actor's death in one line: the innermost exception's line of Ray's text when it
    carries a traceback (an actor whose creation raised), else its first line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    raised = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Exit)\b.*: ", line)]
    said = raised[-1] if raised else (lines[0] if lines else "")
    return f"{type(error).__name__}: {said}"


def _still_alive(ray: Any, actor: Any) -> bool:
    """Whether ``actor`` answers (after a restart, if Ray is restarting it)."""
    try:
        ray.get(actor.ping.remote(), timeout=120)
    except Exception:
        return False
    return True
