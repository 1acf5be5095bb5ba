"""The simulator inside this process: the extension module ``mi_settings_gym._native``, built
from the same Rust crate as the ``mi-settings`` binary when the package is installed.

:class:`InProcessAgent` speaks the agent protocol as :class:`~mi_settings_gym.AgentProcess`
does, line for line and byte for byte (both answer through the crate's one ``answer_line``),
without the pipe: a request is a function call, so no other process has to be woken for it,
which on a small machine is most of what a step through a pipe costs (docs/speed.md). The
simulator's work runs with the interpreter released, so other threads go on meanwhile.

:func:`open_simulator` is how the environments choose: the placement ``auto`` (their default)
runs the simulator here unless a binary or the process's environment is given, or
``$MI_SETTINGS_PLACEMENT`` says otherwise (``process``, ``same-core`` or ``free``: a
subprocess).

What a process has and this has not: no timeout (the simulator's loops are bounded, and there
is no process to stop), no standard error of its own (a log that cannot be written is said on
this process's), and a ``fork`` does not carry it over: a forked copy drops the simulator
without ending its episodes, which stay the parent's.
"""

from __future__ import annotations

import importlib
import os
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from ._placement import resolve_placement
from .client import AgentClient, AgentError, AgentProcess, announced_pixels, request_bytes

if TYPE_CHECKING:
    from ._native import Simulator

__all__ = ["InProcessAgent", "available", "open_simulator", "refuse_a_process_in_process"]

_T = TypeVar("_T")
#: An answer line and what came apart from it.
_Answer = tuple[bytes, _T]

_native: ModuleType | None
try:
    _native = importlib.import_module("mi_settings_gym._native")
except ImportError:  # the package's files copied without the extension module built
    _native = None

#: Every open in-process simulator, so that a forked child can drop its copies (see
#: :func:`_forked`).
_OPEN: weakref.WeakSet[InProcessAgent] = weakref.WeakSet()


def available() -> bool:
    """Whether this installation has the simulator built in (the extension module)."""
    return _native is not None


class InProcessAgent(AgentClient):
    """One agent session inside this process: ``InProcessAgent(["agent", "--batch", "4"])`` is
    ``mi-settings agent --batch 4`` (``args`` as :class:`~mi_settings_gym.AgentProcess` takes
    them; a leading ``"agent"`` may be left out). Arguments the command line refuses raise
    :class:`AgentError` with its message."""

    def __init__(self, args: Sequence[str] = ("agent",)) -> None:
        super().__init__()
        self._sim: Simulator | None = None
        words = [str(a) for a in args]
        if words[:1] == ["agent"]:
            words = words[1:]
        self.args = ["agent", *words]
        if _native is None:
            raise AgentError(
                "this installation of mi_settings_gym has no built-in simulator (the extension "
                "module mi_settings_gym._native): install the package with pip, which builds "
                "it, or name the mi-settings binary (binary=... or placement='process')"
            )
        self.binary: str | None = None
        self._lock = threading.Lock()
        self._owner_pid = os.getpid()
        self._requests = 0
        try:
            self._sim = _native.Simulator(words)
        except ValueError as e:
            raise AgentError(f"mi-settings {' '.join(self.args)}: {e}") from None
        _OPEN.add(self)

    @property
    def placement(self) -> str:
        return "in-process"

    @property
    def placed_requests(self) -> tuple[int, int]:
        """Every request is answered where it is asked."""
        return (self._requests, self._requests)

    @property
    def alive(self) -> bool:
        return self._sim is not None and bool(self._sim.open)

    def request_line(self, line: bytes | str) -> bytes:
        """Answers one raw line (no newline inside): the raw answer line, without its newline,
        and the frame it announced taken as :attr:`frame`."""
        return self._request(line, lambda sim, raw: (sim.request(raw), None))[0]

    def request_apart(self, line: bytes | str) -> tuple[bytes, str | None]:
        """As :meth:`request_line`, an observation asked for as text handed over apart, as the
        simulator wrote it (see :meth:`AgentClient.request_apart`)."""
        return self._request(line, lambda sim, raw: sim.request_apart(raw))

    def request_batch_apart(self, line: bytes | str) -> tuple[bytes, list[str | None] | None]:
        """As :meth:`request_apart` for a batch: each environment's text apart, in order."""
        return self._request(line, lambda sim, raw: sim.request_batch_apart(raw))

    def _request(
        self, line: bytes | str, ask: Callable[[Simulator, bytes], _Answer[_T]]
    ) -> _Answer[_T]:
        raw = request_bytes(line)
        with self._lock:
            sim = self._sim
            if sim is None or not sim.open:
                raise AgentError("the in-process simulator is closed")
            answered = ask(sim, raw)
            self._requests += 1
            pixels = announced_pixels(answered[0])
            if pixels is not None:
                self._take_pixels(sim, *(int(n) for n in pixels.groups()))
            else:
                self._shared_frame(answered[0])
        return answered

    def _take_pixels(self, sim: Simulator, width: int, height: int, size: int) -> None:
        data = sim.pixels()
        if size != width * height * 3 or data is None or len(data) != size:
            raise self._died(f"announced {size} bytes of pixels for {width}x{height}")
        if len(self._frame) != size:
            self._frame = bytearray(size)
        self._frame[:] = data
        self._frame_shape = (height, width)
        self._frame_shared = False

    def close(self, timeout: float = 5.0) -> None:
        """Ends the session as the end of the pipe's input would: the running episodes are
        logged (``timeout`` is a process's; nothing here waits)."""
        sim, self._sim = self._sim, None
        if sim is None:
            return
        _OPEN.discard(self)
        if os.getpid() != self._owner_pid:
            sim.abandon()
        else:
            sim.close()

    def _abandon(self) -> None:
        sim, self._sim = self._sim, None
        if sim is not None:
            sim.abandon()

    def __enter__(self) -> InProcessAgent:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # An object half made (the extension missing, arguments refused) has no simulator.
        if getattr(self, "_sim", None) is not None:
            self.close()

    def __repr__(self) -> str:
        state = "open" if self.alive else "closed"
        return f"<InProcessAgent {' '.join(self.args)} {state}>"


def _forked() -> None:
    """In a forked child: the parent's simulators are the parent's; drop the copies without
    ending their episodes (which would log them twice)."""
    for agent in list(_OPEN):
        agent._abandon()
    _OPEN.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def refuse_a_process_in_process(placement: str | None, binary: object, env: object) -> None:
    """``ValueError`` for ``placement="in-process"`` beside a binary or a process environment,
    which only a process can have."""
    if placement == "in-process" and (binary is not None or env is not None):
        raise ValueError(
            "placement 'in-process' runs the simulator built into the package: it takes no "
            "binary and no process environment (process_env)"
        )


def open_simulator(
    binary: str | os.PathLike[str] | None = None,
    *,
    args: Sequence[str] = ("agent",),
    env: Mapping[str, str] | None = None,
    timeout: float | None = 60.0,
    placement: str | None = None,
    process: str = "auto",
) -> AgentClient:
    """The simulator an environment talks to, by ``placement`` (``None``:
    ``$MI_SETTINGS_PLACEMENT``, else ``auto``): in this process for ``in-process`` (refused
    beside a ``binary`` or an ``env``, a process's; from the variable, those win), and for
    ``auto`` when the package has it built in and neither ``binary`` nor ``env`` is given;
    else an :class:`~mi_settings_gym.AgentProcess` placed as asked, ``auto`` and
    ``process`` as ``process`` says (``auto``: where its round trips are fastest; a batch,
    which runs threads of its own, passes ``free``)."""
    chosen = resolve_placement(placement)
    refuse_a_process_in_process(placement, binary, env)
    for_a_process = binary is not None or env is not None
    # ``$MI_SETTINGS_PLACEMENT=in-process`` is a preference: a binary named here wins.
    if (
        chosen in ("in-process", "auto")
        and not for_a_process
        and (chosen == "in-process" or available())
    ):
        return InProcessAgent(args)
    if chosen in ("auto", "process", "in-process"):
        chosen = process
    return AgentProcess(binary, args=args, env=env, timeout=timeout, placement=chosen)
