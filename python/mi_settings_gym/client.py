"""A client for ``mi-settings agent``: the simulator as a subprocess speaking JSON lines.

Each request is one JSON object on one line of the process's standard input; the process answers
each with exactly one JSON object on one line of its standard output; an answer that announces
pixels (``"pixels":{"width","height","bytes"}``, its last member) is followed by that many raw
bytes, which the client reads at once (:attr:`AgentProcess.frame`), unless they went into the
shared-memory file of :meth:`AgentProcess.share_pixels` (``"file":true``).
:class:`AgentProcess` owns one such process; it is not shared between processes (after a
``fork`` only the process that started it talks to or stops it).
"""

from __future__ import annotations

import base64
import contextlib
import json
import mmap
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ._placement import (
    PLACEMENT_ENV,
    PLACEMENTS,
    Placement,
    process_placement,
    resolve_placement,
    start_placement,
)

__all__ = [
    "PLACEMENTS",
    "PLACEMENT_ENV",
    "AgentClient",
    "AgentError",
    "AgentProcess",
    "BinaryNotFoundError",
    "ProtocolError",
    "find_binary",
    "request_bytes",
]

#: Environment variable naming the ``mi-settings`` binary.
BINARY_ENV = "MI_SETTINGS_BIN"
#: The binary's name, looked up on ``PATH`` when neither an argument nor ``MI_SETTINGS_BIN``
#: names one.
BINARY_NAME = "mi-settings"


class AgentError(RuntimeError):
    """The agent process died, or answered with something that is not one JSON object."""


class ProtocolError(AgentError):
    """The agent process answered a request with ``{"error": ...}``."""

    def __init__(self, message: str, request: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class BinaryNotFoundError(FileNotFoundError):
    """No ``mi-settings`` binary could be found."""


def find_binary(binary: str | os.PathLike[str] | None = None) -> str:
    """The path of the ``mi-settings`` binary.

    In order: ``binary`` if given, else the environment variable ``MI_SETTINGS_BIN``, else
    ``mi-settings`` on ``PATH``. Raises :class:`BinaryNotFoundError` with a hint otherwise.
    """
    source = "the binary argument"
    if binary is None:
        binary = os.environ.get(BINARY_ENV) or None
        source = f"${BINARY_ENV}"
    if binary is not None:
        path = os.fspath(binary)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
        found = shutil.which(path)
        if found:
            return found
        raise BinaryNotFoundError(f"{source} names {path!r}, which is not an executable file")
    found = shutil.which(BINARY_NAME)
    if found:
        return found
    raise BinaryNotFoundError(
        f"cannot find the {BINARY_NAME!r} binary: pass binary=..., set {BINARY_ENV} to its path, "
        f"or put it on PATH. Build it in the repository with `cargo build --release`; it is then "
        f"target/release/{BINARY_NAME} "
        f"(e.g. `export {BINARY_ENV}=$PWD/target/release/{BINARY_NAME}`)."
    )


_T = TypeVar("_T")

#: The end of an answer that announces pixels: ``"pixels"`` is the answer's last member, and
#: that many raw bytes follow its line (``{"width":W,"height":H,"bytes":N}``). Only a member of
#: the answer itself can end it so: a string's quotes are escaped.
_PIXELS = re.compile(rb',"pixels":\{"width":(\d+),"height":(\d+),"bytes":(\d+)\}\}$')
#: The same when the pixels went into the reset's ``pixels_file`` (``share_pixels``).
_PIXELS_IN_FILE = re.compile(
    rb',"pixels":\{"width":(\d+),"height":(\d+),"bytes":(\d+),"file":true\}\}$'
)
#: How far from an answer's end its pixels member starts, at most (digits of a 4-byte size).
_PIXELS_TAIL = 128


def _may_end_with_pixels(answer: bytes, end: bytes) -> bool:
    """Whether ``answer`` may end with a pixels member that ends with ``end``: most answers are
    told apart so, without a pattern."""
    return answer.endswith(end) and b'"pixels":{' in answer[-_PIXELS_TAIL:]


def announced_pixels(answer: bytes) -> re.Match[bytes] | None:
    """The pixels ``answer`` announces as following its line (``_PIXELS``), if any."""
    return _PIXELS.search(answer) if _may_end_with_pixels(answer, b"}}") else None


#: Where frames are shared: memory, as files (Linux).
SHARED_MEMORY_DIR = "/dev/shm"
#: The pipe's size asked for when pixels are read: a 60x24 frame (553 KB) then goes through at
#: once (Linux lets anyone ask for up to 1 MiB, /proc/sys/fs/pipe-max-size).
_PIPE_BYTES = 1 << 20


def _member(reply: dict[str, Any], key: str, kind: type[_T], request: Mapping[str, Any]) -> _T:
    """``reply[key]``, which must be a ``kind``; else :class:`AgentError`."""
    value = reply.get(key)
    if not isinstance(value, kind):
        raise AgentError(
            f"the agent's answer to {dict(request)!r} has no {key!r} of type {kind.__name__}: "
            f"{reply!r}"[:500]
        )
    return value


def encode_request(message: Mapping[str, Any]) -> str:
    """A request as its line: compact JSON, text as it is (the pipe is UTF-8)."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def decode_answer(answer: bytes) -> dict[str, Any]:
    """An answer line decoded whole; :class:`AgentError` if it is not one JSON object."""
    try:
        reply = json.loads(answer)
    except ValueError as e:
        raise AgentError(
            f"the agent answered a line that is not JSON ({e}): {answer[:200]!r}"
        ) from None
    if not isinstance(reply, dict):
        raise AgentError(f"the agent answered JSON that is not an object: {answer[:200]!r}")
    return reply


def refuse_errors(reply: dict[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    """``reply``, unless it is ``{"error": ...}``: then :class:`ProtocolError`."""
    if "error" in reply and len(reply) == 1:
        raise ProtocolError(str(reply["error"]), request=request)
    return reply


def request_bytes(line: bytes | str) -> bytes:
    """A request line as the bytes sent: UTF-8, one line, not blank (``ValueError``; a blank
    line gets no answer through the pipe, so waiting for one would hang)."""
    if isinstance(line, str):
        try:
            line = line.encode("utf-8")
        except UnicodeEncodeError as e:
            raise AgentError(
                "the request holds text that is not Unicode and cannot be sent "
                f"({e.reason} at {e.start})"
            ) from None
    if b"\n" in line:
        raise ValueError("a request is one line: it must not contain a newline")
    if not line.strip():
        raise ValueError("a blank line gets no answer: send a JSON object")
    return line


class AgentClient:
    """What the package's clients of a simulator share, whether it runs as a subprocess
    (:class:`AgentProcess`) or inside this process
    (:class:`~mi_settings_gym.inprocess.InProcessAgent`): the requests, sent by
    :meth:`request_line`, and the frame of pixels the last answer that had any announced."""

    def __init__(self) -> None:
        #: The pixels the last answer announced (see :attr:`frame`), in a buffer reused.
        self._frame = bytearray()
        self._frame_shape: tuple[int, int] | None = None
        #: The file frames are shared in (see :meth:`share_pixels`), mapped, and whether the
        #: last frame is there.
        self._shared: mmap.mmap | None = None
        self._frame_shared = False

    #: Seconds an answer may take before the simulator is taken for hung (``None``: forever).
    timeout: float | None = None

    def request_line(self, line: bytes | str) -> bytes:
        """Sends one raw line (no newline inside) and returns the raw answer line, without its
        newline."""
        raise NotImplementedError

    @property
    def pid(self) -> int | None:
        """The simulator's process id; ``None`` when it runs in this process."""
        return None

    @property
    def alive(self) -> bool:
        raise NotImplementedError

    @property
    def placed_requests(self) -> tuple[int, int]:
        """How many requests were answered with the simulator where the client runs, of how
        many."""
        return (0, 0)

    def stderr_tail(self, limit: int = 2000) -> str:
        """The end of what the simulator wrote to standard error (a process's, kept apart)."""
        return ""

    @property
    def placement(self) -> str:
        """Where the simulator runs: ``"in-process"``, or a process's placement in effect."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def request_apart(self, line: bytes | str) -> tuple[bytes, str | None]:
        """As :meth:`request_line`, and an observation asked for as text
        (``observation_text``) may come apart: ``(answer, text)``, the answer without that
        member and the string it would have held. Through a pipe it comes in the answer
        (``None`` here); a simulator in this process hands it over without escaping it."""
        return self.request_line(line), None

    def request_batch_apart(self, line: bytes | str) -> tuple[bytes, list[str | None] | None]:
        """As :meth:`request_apart` for a batch: one text (or ``None``) for each of its
        environments, in order; ``None`` for them all through a pipe (they come in the answer
        or in the observations file)."""
        return self.request_line(line), None

    def _shared_frame(self, answer: bytes) -> bool:
        """Whether ``answer`` announced a frame written into the shared file (and took it as
        the frame); :class:`AgentError` when it announced one the file cannot hold."""
        if not _may_end_with_pixels(answer, b'"file":true}}'):
            return False
        shared = _PIXELS_IN_FILE.search(answer)
        if shared is None:
            return False
        width, height, size = (int(n) for n in shared.groups())
        if self._shared is None or size != width * height * 3 or size > len(self._shared):
            raise self._died(f"announced {size} bytes of pixels in a file it cannot have")
        self._frame_shape = (height, width)
        self._frame_shared = True
        return True

    def _died(self, what: str) -> AgentError:
        return AgentError(f"the mi-settings simulator {what}")

    @property
    def frame(self) -> tuple[tuple[int, int], memoryview] | None:
        """The pixels the last answer that had any announced: ``(height, width)`` and the
        ``height x width x 3`` bytes (RGB, rows top to bottom) in a buffer the next such
        answer overwrites; ``None`` before any."""
        if self._frame_shape is None:
            return None
        height, width = self._frame_shape
        if self._frame_shared and self._shared is not None:
            return self._frame_shape, memoryview(self._shared)[: height * width * 3]
        return self._frame_shape, memoryview(self._frame)

    def share_pixels(self, size: int) -> str | None:
        """A new file of ``size`` bytes in shared memory (``/dev/shm``), made readable and
        writable by this user only and mapped, for the next reset's ``pixels_file``: frames are
        then written there instead of through the pipe (no copy through the kernel). ``None``
        where there is no ``/dev/shm``. The caller removes the file once the reset is answered
        (the simulator keeps it open; the mapping stays)."""
        if not os.path.isdir(SHARED_MEMORY_DIR):
            return None
        fd, path = tempfile.mkstemp(prefix="mi-settings-pixels-", dir=SHARED_MEMORY_DIR)
        try:
            os.ftruncate(fd, size)
            self._shared = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ)
        except BaseException:
            os.unlink(path)
            raise
        finally:
            os.close(fd)
        self._frame_shape = None
        return path

    def request(self, message: Mapping[str, Any]) -> dict[str, Any]:
        """Sends one request and returns the answer as it came, ``{"error": ...}`` included."""
        return decode_answer(self.request_line(encode_request(message)))

    def call(self, message: Mapping[str, Any]) -> dict[str, Any]:
        """Like :meth:`request`, but an ``{"error": ...}`` answer raises :class:`ProtocolError`."""
        return refuse_errors(self.request(message), message)

    # --- the requests ---------------------------------------------------------------------

    def tasks(self) -> list[dict[str, Any]]:
        """The task catalogue: one dict per task (``id``, ``title``, ``goal``, ``kind``...)."""
        message = {"op": "tasks"}
        tasks = _member(self.call(message), "tasks", list, message)
        if not all(isinstance(task, dict) and isinstance(task.get("id"), str) for task in tasks):
            raise AgentError(f"the agent's catalogue holds something that is not a task: {tasks!r}")
        return tasks

    def reset(self, task: str, seed: int = 0, **options: Any) -> dict[str, Any]:
        message: dict[str, Any] = {"op": "reset", "task": task, "seed": int(seed)}
        if options:
            message["options"] = options
        return self.call(message)

    def step(self, action: Any) -> dict[str, Any]:
        return self.call({"op": "step", "action": action})

    def render(self) -> str:
        message = {"op": "render"}
        return _member(self.call(message), "frame", str, message)

    def render_png(self) -> bytes:
        """The screen as a PNG file's bytes (``{"op":"render","format":"png"}``)."""
        message = {"op": "render", "format": "png"}
        encoded = _member(self.call(message), "png", str, message)
        return base64.b64decode(encoded, validate=True)

    def solution(self) -> list[dict[str, Any]]:
        message = {"op": "solution"}
        return _member(self.call(message), "actions", list, message)


class AgentProcess(AgentClient):
    """One ``mi-settings agent`` subprocess, spoken to one JSON line at a time.

    >>> agent = AgentProcess()                          # doctest: +SKIP
    >>> agent.request({"op": "tasks"})["tasks"][0]["id"]  # doctest: +SKIP
    'change_the_password'
    >>> agent.close()                                   # doctest: +SKIP

    :meth:`request` returns the answer as it came (an ``{"error": ...}`` answer included);
    :meth:`call` raises :class:`ProtocolError` for those instead. Both raise :class:`AgentError`
    when the process has died, with the end of what it wrote to standard error.

    ``placement`` says where the process runs beside this one's thread that talks to it:
    ``"same-core"`` (Linux: on that thread's CPU, request by request, which spares each request
    and answer the wake-up of another CPU; see :mod:`mi_settings_gym._placement`), ``"free"``
    (the kernel decides; the default here, for a process that may run threads of its own) or
    ``"auto"`` (where this thread may run on more than one CPU: whichever of same-core, the
    process alone following this thread's CPU, and free its round trips show fastest);
    ``None`` takes ``$MI_SETTINGS_PLACEMENT``, else ``"auto"``. Where affinity calls do not
    exist (macOS, Windows) every placement is free. :attr:`placement` says which is in effect.
    """

    def __init__(
        self,
        binary: str | os.PathLike[str] | None = None,
        *,
        args: Sequence[str] = ("agent",),
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        timeout: float | None = 60.0,
        placement: str | None = "free",
    ) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._placed: Placement | None = None
        if placement == "in-process":
            raise ValueError(
                "an AgentProcess runs the simulator as a process: placement 'in-process' is the "
                "environments' (see mi_settings_gym.inprocess.open_simulator)"
            )
        placement = process_placement(resolve_placement(placement))
        #: Seconds an answer may take before the process is taken for hung (``None``: forever).
        self.timeout = timeout
        self._pending = b""
        super().__init__()
        self._pipe_grown = False
        self.binary = find_binary(binary)
        self.args = [self.binary, *args]
        self._lock = threading.Lock()
        self._owner_pid = os.getpid()
        # Standard error goes to a file, not a pipe nobody reads (which could fill and block the
        # process); its end is quoted when the process dies. It lives as long as this object,
        # which closes it in close(), so no `with` block can hold it.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self._proc = subprocess.Popen(
                self.args,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=None if env is None else dict(env),
                cwd=cwd,
            )
        except BaseException:
            self._stderr.close()
            raise
        self._placed = start_placement(placement, self._proc.pid)
        self._placement = placement if self._placed is not None else "free"

    # --- the wire -------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    @property
    def placement(self) -> str:
        """The placement in effect: ``"auto"``, ``"same-core"`` or ``"free"`` (also where
        the others cannot be done, or an affinity call failed)."""
        placed = self._placed
        return self._placement if placed is not None and placed.active else "free"

    @property
    def placed_requests(self) -> tuple[int, int]:
        """How many requests were sent with the process on this thread's CPU, of how many."""
        placed = self._placed
        return (0, 0) if placed is None else (placed.placed_requests, placed.requests)

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def request_line(self, line: bytes | str) -> bytes:
        """Sends one raw line (no newline inside) and returns the raw answer line, without its
        newline.

        An answer that does not come within :attr:`timeout` seconds ends the process (it is hung,
        or the pipe is out of step) and raises :class:`AgentError`.
        """
        line = request_bytes(line)
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            raise AgentError("the agent process is closed")
        with self._lock:
            placed = self._placed
            if placed is not None:
                placed.enter()
            answered = False
            try:
                try:
                    proc.stdin.write(line + b"\n")
                    proc.stdin.flush()
                except (BrokenPipeError, ConnectionResetError, ValueError) as e:
                    raise self._died(f"writing to it failed ({e})") from None
                answer = self._read_line(proc)
                answered = True
                return answer
            finally:
                if placed is not None:
                    placed.leave(answered)

    def _read_line(self, proc: subprocess.Popen[bytes]) -> bytes:
        """The next line of the process's output, waiting at most :attr:`timeout` seconds."""
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while b"\n" not in self._pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                proc.kill()
                raise self._died(f"gave no answer within {self.timeout} s (it was stopped)")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise self._died(
                    "it closed its output" if not self._pending else "its output ended mid-line"
                )
            self._pending += chunk
        answer, _, self._pending = self._pending.partition(b"\n")
        pixels = announced_pixels(answer)
        if pixels is not None:
            width, height, size = (int(n) for n in pixels.groups())
            self._read_pixels(proc, width, height, size, deadline)
        else:
            self._shared_frame(answer)
        return answer

    def _read_pixels(
        self,
        proc: subprocess.Popen[bytes],
        width: int,
        height: int,
        size: int,
        deadline: float | None,
    ) -> None:
        """Reads the ``size`` bytes of pixels that follow an answer's line into the frame
        buffer (reused), straight from the pipe."""
        assert proc.stdout is not None
        if size != width * height * 3:
            raise self._died(f"announced {size} bytes of pixels for {width}x{height}")
        fd = proc.stdout.fileno()
        if not self._pipe_grown:
            self._pipe_grown = True
            with contextlib.suppress(OSError, AttributeError):
                import fcntl

                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        if len(self._frame) != size:
            self._frame = bytearray(size)
        view = memoryview(self._frame)
        got = min(len(self._pending), size)
        view[:got] = self._pending[:got]
        self._pending = self._pending[got:]
        while got < size:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                proc.kill()
                raise self._died(f"sent no pixels within {self.timeout} s (it was stopped)")
            read = os.readv(fd, [view[got:]])
            if not read:
                raise self._died("its output ended amid pixels")
            got += read
        self._frame_shape = (height, width)
        self._frame_shared = False

    # --- the end --------------------------------------------------------------------------

    def stderr_tail(self, limit: int = 2000) -> str:
        """The end of what the process wrote to standard error so far."""
        try:
            self._stderr.flush()
            size = self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, size - limit))
            return self._stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def _died(self, what: str) -> AgentError:
        code = None
        if self._proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = self._proc.wait(timeout=2)
        tail = self.stderr_tail().strip()
        message = f"the mi-settings agent process ({self.binary}) {what}; exit code {code}"
        if tail:
            message += f"; its standard error ends:\n{tail}"
        return AgentError(message)

    def close(self, timeout: float = 5.0) -> None:
        """Asks the process to close, then waits for it (terminating it if it does not exit)."""
        proc = self._proc
        if proc is None:
            return
        if os.getpid() != self._owner_pid:
            # A forked copy: the process belongs to the parent.
            self._proc = None
            return
        self._proc = None
        try:
            # Ask it to close and end its input; its answer ({"closed":true}) is left unread in
            # the pipe, so that a process that hangs cannot hang this call too.
            if proc.stdin is not None:
                if proc.poll() is None:
                    with contextlib.suppress(OSError, ValueError):
                        proc.stdin.write(b'{"op":"close"}\n')
                        proc.stdin.flush()
                with contextlib.suppress(OSError, ValueError):
                    proc.stdin.close()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.terminate()
                try:
                    proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            if proc.stdout is not None:
                with contextlib.suppress(OSError, ValueError):
                    proc.stdout.close()
        finally:
            with contextlib.suppress(OSError, ValueError):
                self._stderr.close()

    def __enter__(self) -> AgentProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close(timeout=1.0)

    def __repr__(self) -> str:
        state = "running" if self.alive else "closed"
        return f"<AgentProcess {self.binary} pid={self.pid} {state}>"
