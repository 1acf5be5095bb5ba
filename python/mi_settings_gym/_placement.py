"""Where the simulator runs beside its client: on the client's CPU, or wherever the kernel puts it.

A step is a request and its answer over a pipe, one at a time: the client writes a line and
sleeps until the simulator answers. When the two processes run on different CPUs, each line
wakes the other CPU, which on a virtual machine costs more than the step's own work. Held on one
CPU, each process hands the CPU to the other as it starts to wait, and no CPU is woken.

``same-core`` does that request by request (Linux): the simulator is pinned to the CPU the
client's thread is on as it sends a request (pinned again only when that CPU changed), and the
client's thread is held on that CPU until the answer is read, then given back the CPUs it had.
Between requests the client runs free, so the kernel still balances it (and its simulator
follows it), and threads and processes it starts meanwhile do not inherit one CPU.

``auto`` measures instead of assuming: the requests' own round trips are timed, in rounds of
:data:`ROUND` requests, first alternately placed and free (:data:`CALIBRATION` rounds each),
then the faster way (same-core only when its median round trip is under :data:`MARGIN` of the
free one's), every :data:`EXPLORE`-th round the other way, to notice when the machine changed
(a busy CPU makes the placed pair wait where free processes would run elsewhere).

``free`` makes no affinity call. Where there are none (macOS, Windows), every placement is free.
docs/speed.md gives the measurements behind these choices.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import statistics
import sys
import time
from collections import deque
from collections.abc import Callable

__all__ = [
    "PLACEMENTS",
    "PLACEMENT_ENV",
    "Chooser",
    "Placement",
    "resolve_placement",
    "start_placement",
]

#: The environment variable that sets the placement wherever none is given (``free`` turns it
#: off everywhere).
PLACEMENT_ENV = "MI_SETTINGS_PLACEMENT"
#: The placements: measured by the package, the client's CPU, the kernel's choice.
PLACEMENTS = ("auto", "same-core", "free")

#: ``auto``: requests a round; rounds each way to begin with; one round in this many is played
#: the other way; same-core is kept when its median round trip is under this share of free's.
ROUND = 32
CALIBRATION = 4
EXPLORE = 32
MARGIN = 0.9
#: ``auto``: how many of each way's last rounds its estimate is the median of.
REMEMBERED = 5


def resolve_placement(placement: str | None) -> str:
    """The placement asked for: ``placement``, else ``$MI_SETTINGS_PLACEMENT``, else ``auto``;
    :class:`ValueError` naming where a value that is not one of :data:`PLACEMENTS` came from."""
    source = "placement"
    if placement is None:
        placement = os.environ.get(PLACEMENT_ENV) or "auto"
        source = f"${PLACEMENT_ENV}"
    if placement not in PLACEMENTS:
        choices = ", ".join(repr(p) for p in PLACEMENTS)
        raise ValueError(f"{source} must be one of {choices}, not {placement!r}")
    return placement


def _current_cpu() -> Callable[[], int] | None:
    """``sched_getcpu`` of the C library (a few hundred ns), or ``None`` where there is none
    or no affinity calls (macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    if not (hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity")):
        return None
    try:
        getcpu = ctypes.CDLL(None, use_errno=True).sched_getcpu
    except (OSError, AttributeError):
        return None
    getcpu.argtypes = []
    getcpu.restype = ctypes.c_int

    def current() -> int:
        cpu = int(getcpu())
        if cpu < 0:
            raise OSError(ctypes.get_errno(), "sched_getcpu failed")
        return cpu

    return current


class Chooser:
    """``auto``'s choice, round by round, from round trips it is told (:meth:`record`):
    whether the next request goes placed (:attr:`placed`)."""

    def __init__(self) -> None:
        self.round = 0
        self.placed = True
        self._times: list[float] = []
        self._medians: dict[bool, deque[float]] = {
            True: deque(maxlen=REMEMBERED),
            False: deque(maxlen=REMEMBERED),
        }

    def estimate(self, placed: bool) -> float | None:
        """The median of the last rounds' median round trips, placed or free (``None``
        before any)."""
        medians = self._medians[placed]
        return statistics.median(medians) if medians else None

    def same_core_is_faster(self) -> bool:
        placed, free = self.estimate(True), self.estimate(False)
        return placed is not None and free is not None and placed < MARGIN * free

    def record(self, seconds: float) -> None:
        """One request's round trip, made :attr:`placed` or not."""
        self._times.append(seconds)
        if len(self._times) < ROUND:
            return
        self._medians[self.placed].append(statistics.median(self._times))
        self._times.clear()
        self.round += 1
        if self.round < 2 * CALIBRATION:
            self.placed = self.round % 2 == 0
        else:
            faster = self.same_core_is_faster()
            self.placed = faster if self.round % EXPLORE else not faster


class Placement:
    """Holds a child process on the CPU of the thread that talks to it, request by request
    (``auto``: when :class:`Chooser` finds it faster).

    :meth:`enter` before a request is sent, :meth:`leave` once its answer is read, from the same
    thread. A failing affinity call (a container that forbids it, a child that is gone) turns
    placement off for good: the requests go on, free.
    """

    def __init__(self, pid: int, current_cpu: Callable[[], int], auto: bool) -> None:
        self.pid = pid
        self._current_cpu = current_cpu
        #: The CPUs the child started with, given back when ``auto`` turns to free.
        self._child_cpus = os.sched_getaffinity(pid)
        #: The CPU the child is pinned to (``None``: not pinned).
        self.cpu: int | None = None
        #: The calling thread's CPUs before :meth:`enter`, given back by :meth:`leave`.
        self._saved: set[int] | None = None
        self.chooser = Chooser() if auto else None
        self.active = True
        #: Requests sent placed, and all requests sent.
        self.placed_requests = 0
        self.requests = 0
        self._started = 0.0

    def enter(self) -> None:
        self.requests += 1
        if not self.active:
            return
        try:
            if self.chooser is not None:
                if not self.chooser.placed:
                    self._free_child()
                    self._started = time.perf_counter()
                    return
                self._started = time.perf_counter()
            cpu = self._current_cpu()
            if cpu != self.cpu:
                os.sched_setaffinity(self.pid, (cpu,))
                self.cpu = cpu
            saved = os.sched_getaffinity(0)
            if saved != {cpu}:
                os.sched_setaffinity(0, (cpu,))
                self._saved = saved
            self.placed_requests += 1
        except OSError:
            self._stop()

    def leave(self, answered: bool = True) -> None:
        saved, self._saved = self._saved, None
        if saved is not None:
            try:
                os.sched_setaffinity(0, saved)
            except OSError:
                # The CPUs it had are not all there any more: give it those that are.
                self._stop()
                with contextlib.suppress(OSError):
                    os.sched_setaffinity(0, range(os.cpu_count() or 1))
        if answered and self.active and self.chooser is not None:
            self.chooser.record(time.perf_counter() - self._started)

    def _free_child(self) -> None:
        if self.cpu is not None:
            self.cpu = None
            os.sched_setaffinity(self.pid, self._child_cpus)

    def _stop(self) -> None:
        self.active = False
        with contextlib.suppress(OSError):
            self._free_child()


def start_placement(placement: str, pid: int) -> Placement | None:
    """The placement of a child just started, ``placement`` resolved: a :class:`Placement`,
    or ``None`` for ``free``, and where same-core cannot be done (no affinity calls; ``auto``
    where the client may only run on one CPU, which its child inherits)."""
    if placement == "free":
        return None
    current = _current_cpu()
    if current is None:
        return None
    try:
        if placement == "auto" and len(os.sched_getaffinity(0)) < 2:
            return None
        return Placement(pid, current, auto=placement == "auto")
    except OSError:
        return None
