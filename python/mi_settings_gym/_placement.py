"""Where the simulator runs beside its client: on the client's CPU, or wherever the kernel puts it.

A step is a request and its answer over a pipe, one at a time: the client writes a line and
sleeps until the simulator answers. When the two processes run on different CPUs, each line
wakes the other CPU, which on a virtual machine costs more than the step's own work. Held on one
CPU, each process hands the CPU to the other as it starts to wait, and no CPU is woken.

``same-core`` does that request by request (Linux): the simulator (every thread of it: it reads
its input on a thread of its own) is pinned to the CPU the client's thread is on as it sends a
request (again only when that CPU changed), and the client's thread is held on that CPU until
the answer is read, then given back the CPUs it had.
Between requests the client runs free, so the kernel still balances it (and its simulator
follows it), and threads and processes it starts meanwhile do not inherit one CPU.

``auto`` measures instead of assuming. It plays each request one of three ways (:data:`WAYS`):
as ``same-core`` does; the simulator alone pinned to the CPU the client sends from (cheaper:
no change to the client's thread, which the kernel may then wake on another CPU, so one of the
two wake-ups stays); or free. The requests' own round trips are timed in rounds of
:data:`ROUND`; the ways take turns for :data:`CALIBRATION` rounds each, then the fastest is kept
(a placed way only when its median round trip is under :data:`MARGIN` of free's), every
:data:`EXPLORE`-th round another way, to notice when the machine changed (a busy CPU makes a
pinned pair wait where free processes would run elsewhere).

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
from collections.abc import Callable, Iterable

__all__ = [
    "PLACEMENTS",
    "PLACEMENT_ENV",
    "Chooser",
    "Placement",
    "process_placement",
    "resolve_placement",
    "start_placement",
]

#: The environment variable that sets the placement wherever none is given (``free`` turns it
#: off everywhere).
PLACEMENT_ENV = "MI_SETTINGS_PLACEMENT"
#: The placements: the package's choice (in this process when it can, else as ``process``),
#: inside this process, a process placed where its round trips are fastest, the client's CPU,
#: the kernel's choice.
PLACEMENTS = ("auto", "in-process", "process", "same-core", "free")

#: ``auto``: requests a round; rounds each way to begin with; one round in this many is played
#: the other way; same-core is kept when its median round trip is under this share of free's.
ROUND = 32
CALIBRATION = 2
EXPLORE = 32
MARGIN = 0.9
#: ``auto``: how many of each way's last rounds its estimate is the median of.
REMEMBERED = 5
#: The child's threads are listed at its first pins, then at every this many.
RELIST_FIRST = 4
RELIST = 64


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


def process_placement(placement: str) -> str:
    """How a simulator that runs as a process is placed for ``placement``: ``auto``,
    ``same-core`` or ``free`` (the choices about a process; ``in-process`` and ``process`` ask
    for the timed choice, ``auto``, when it has to be a process)."""
    return "auto" if placement in ("in-process", "process") else placement


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


#: The ways ``auto`` plays a request: the simulator pinned to the client's CPU with the
#: client's thread held there too (what ``same-core`` always does), the simulator alone pinned
#: to the CPU the client sends from, or nothing pinned.
BOTH, CHILD, FREE = "both", "child", "free"
WAYS = (BOTH, CHILD, FREE)


class Chooser:
    """``auto``'s choice, round by round, from the round trips it is told (:meth:`record`):
    how the next request goes (:attr:`way`, one of :data:`WAYS`)."""

    def __init__(self) -> None:
        self.round = 0
        self.way = WAYS[0]
        self._times: list[float] = []
        self._medians: dict[str, deque[float]] = {way: deque(maxlen=REMEMBERED) for way in WAYS}

    def estimate(self, way: str) -> float | None:
        """The median of the way's last rounds' median round trips (``None`` before any)."""
        medians = self._medians[way]
        return statistics.median(medians) if medians else None

    def fastest(self) -> str:
        """The way of the least estimate, a placed one only when under :data:`MARGIN` of
        free's."""
        free = self.estimate(FREE)
        best = FREE
        for way in (BOTH, CHILD):
            estimate = self.estimate(way)
            if estimate is None or free is None or estimate >= MARGIN * free:
                continue
            if best == FREE or estimate < (self.estimate(best) or 0.0):
                best = way
        return best

    def record(self, seconds: float) -> None:
        """One request's round trip, played :attr:`way`."""
        self._times.append(seconds)
        if len(self._times) < ROUND:
            return
        self._medians[self.way].append(statistics.median(self._times))
        self._times.clear()
        self.round += 1
        if self.round < len(WAYS) * CALIBRATION:
            self.way = WAYS[self.round % len(WAYS)]
            return
        fastest = self.fastest()
        if self.round % EXPLORE:
            self.way = fastest
        else:
            others = [way for way in WAYS if way != fastest]
            self.way = others[self.round // EXPLORE % len(others)]


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
        #: The child's threads (the simulator reads its input on a thread of its own), listed
        #: again at its first pins and every :data:`RELIST`-th, and when one has gone.
        self._threads: list[int] | None = None
        self._pins = 0
        #: The calling thread's CPUs before :meth:`enter`, given back by :meth:`leave`.
        self._saved: set[int] | None = None
        self.chooser = Chooser() if auto else None
        #: How the request under way went (see :data:`WAYS`).
        self.way = BOTH
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
                self.way = self.chooser.way
                self._started = time.perf_counter()
                if self.way == FREE:
                    self._free_child()
                    return
            cpu = self._current_cpu()
            if cpu != self.cpu:
                self._pin_child((cpu,))
                self.cpu = cpu
            if self.way == BOTH:
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

    def _pin_child(self, cpus: Iterable[int]) -> None:
        """Every thread of the child on ``cpus`` (a thread it starts later inherits them)."""
        self._pins += 1
        if self._threads is None or self._pins <= RELIST_FIRST or self._pins % RELIST == 0:
            try:
                self._threads = sorted(int(t) for t in os.listdir(f"/proc/{self.pid}/task"))
            except (OSError, ValueError):
                self._threads = [self.pid]
        os.sched_setaffinity(self.pid, cpus)  # the process itself: gone, an OSError
        for thread in self._threads:
            if thread != self.pid:
                try:
                    os.sched_setaffinity(thread, cpus)
                except ProcessLookupError:
                    self._threads = None  # a thread has ended: list them again next time

    def _free_child(self) -> None:
        if self.cpu is not None:
            self.cpu = None
            self._pin_child(self._child_cpus)

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
