"""``MiSettingsEnv``: the mi-settings task catalogue as a Gymnasium environment.

Spaces
------
The simulator's observation is a JSON document of varying shape (a screen, a list of elements of
varying length, an optional dialog, toast and frame) and its actions are AndroidWorld-style JSON
actions, so both spaces are :class:`gymnasium.spaces.Text`:

* ``observation_space = AsciiText(max_length=max_observation_length)``, a ``Text`` space whose
  character set is the 95 printable ASCII characters (see :mod:`mi_settings_gym.spaces`). An
  observation is the protocol's ``observation`` object, plus ``"goal"`` as its last member (see
  ``goal_in_observation``), as compact ASCII-only JSON, exactly as
  ``json.dumps(observation, ensure_ascii=True, separators=(",", ":"))`` writes it: every
  non-ASCII character and every control character (the newlines of ``frame``) is escaped, so the
  string only holds the 95 printable ASCII characters and lies in the space. Decode it with
  ``json.loads`` (or :func:`mi_settings_gym.parse_observation`); the decoded dict of the last
  observation is also ``env.unwrapped.last_observation``.
* ``action_space = AsciiText(max_length=max_action_length)``, an action being
  a JSON object as a string, e.g. ``'{"action_type":"click","id":"settings.wifi"}'``
  (``json.dumps(action)`` gives one in the space). :meth:`MiSettingsEnv.step` also takes the dict
  itself. A string that is not JSON is passed on as a JSON string, so the simulator judges it.

Pixels
------
``observation="pixels"`` makes each observation the screen as a picture, a ``Box(0, 255, (H, W,
3), uint8)`` (H = 16 x rows x scale, W = 8 x columns x scale: 384 x 480 at 60x24 and scale 1);
``observation="both"`` a ``Dict`` of ``"text"`` (the string above) and ``"pixels"``.
``render_mode="rgb_array"`` makes :meth:`MiSettingsEnv.render` return the screen as such an
array (a copy the caller may keep). The simulator sends the pixels as raw bytes after each
answer's line (the protocol's ``observation`` reset option; docs/agent-protocol.md), drawn from
the same cells and theme as ``mi-settings replay``'s pictures.

Why not a ``Dict`` of spaces: the elements list has no fixed length and elements have optional
fields, and a ``Sequence`` space cannot be put in ``AsyncVectorEnv``'s shared memory; a single
``Text`` passes ``check_env``, batches (as a tuple of strings), works in ``AsyncVectorEnv`` with
or without shared memory, and suits text/LLM agents, which read JSON anyway.

An action the simulator cannot carry out (an unknown ``action_type``, a missing target, an index
out of range, nothing at a cell...) is a step like any other, with ``info["error"]`` saying why.
A line the simulator refuses outright (its answer is ``{"error": ...}`` instead of a step, e.g. an
action that is not a JSON object or has unknown fields, or a step after the episode ended)
returns the previous observation, reward 0, the previous ``terminated``/``truncated``, and
``info["error"]``; ``info["steps"]`` is then unchanged.

Seeds
-----
``reset(seed=n)`` plays the task's variant ``n`` (the same numbering as ``mi-settings tasks show
--seed n``). ``reset()`` without a seed draws the variant from the environment's generator, so a
seeded first reset makes the following ones reproducible too.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import gymnasium as gym
import numpy as np
import numpy.typing as npt
from gymnasium import spaces

from ._placement import resolve_placement
from ._reply import encode, read_answer
from .client import AgentClient, ProtocolError, encode_request, refuse_errors
from .inprocess import open_simulator, refuse_a_process_in_process
from .spaces import ASCII_PRINTABLE, AsciiText

__all__ = ["ASCII_PRINTABLE", "MiSettingsEnv", "parse_observation"]

#: Default bound of an observation's length without its frame (characters of ASCII JSON): the
#: catalogue's largest observation is under 10,000. With ``frame=True`` the default adds 7
#: characters a cell of the terminal given at construction (60x24 if none), enough for a frame
#: of escaped box-drawing characters. ``AsyncVectorEnv``'s shared memory holds this many 4-byte
#: cells per environment.
DEFAULT_MAX_OBSERVATION_LENGTH = 1 << 16
DEFAULT_MAX_ACTION_LENGTH = 4096


def default_max_observation_length(width: int | None, height: int | None, frame: bool) -> int:
    if not frame:
        return DEFAULT_MAX_OBSERVATION_LENGTH
    return DEFAULT_MAX_OBSERVATION_LENGTH + 7 * ((width or 60) + 1) * (height or 24)


#: What an observation holds (the constructor's ``observation``).
OBSERVATIONS = ("text", "pixels", "both")
#: Pixels per terminal cell at scale 1.
CELL_WIDTH, CELL_HEIGHT = 8, 16
SCALE_MAX = 4


def pixel_shape(width: int | None, height: int | None, scale: int) -> tuple[int, int, int]:
    """The shape of a frame's pixels: rows, columns, 3 (RGB)."""
    return ((height or 24) * CELL_HEIGHT * scale, (width or 60) * CELL_WIDTH * scale, 3)


def parse_observation(observation: str) -> dict[str, Any]:
    """The observation string as a dict."""
    decoded = json.loads(observation)
    if not isinstance(decoded, dict):
        raise ValueError(f"an observation is a JSON object, not {type(decoded).__name__}")
    return decoded


def choose_task(
    task: str | Sequence[str] | None,
    rng: np.random.Generator,
    task_ids: Callable[[], list[str]],
) -> str:
    """The task of the next episode: ``task`` itself, the catalogue's first (``None``), or one
    drawn from ``rng`` (a list, or ``"*"`` for the catalogue, ``task_ids()``)."""
    if task is None:
        return task_ids()[0]
    if isinstance(task, str):
        if task != "*":
            return task
        choices = task_ids()
    else:
        choices = list(task)
    if not choices:
        raise ValueError("the list of tasks is empty")
    return choices[int(rng.integers(len(choices)))]


def draw_variant(seed: int | None, rng: np.random.Generator) -> int:
    """The variant a reset plays: ``seed``, or one drawn from ``rng``."""
    variant = seed if seed is not None else int(rng.integers(0, 2**31))
    if variant < 0:
        raise ValueError(f"seed must be non-negative, not {seed}")
    return variant


def base_reset_options(
    width: int | None, height: int | None, frame: bool, options: Mapping[str, Any]
) -> dict[str, Any]:
    """A reset's options: the environment's size and frame, then the reset's own ``options``
    (unknown keys go on to the binary, which judges them)."""
    reset_options: dict[str, Any] = {}
    if width is not None:
        reset_options["width"] = width
    if height is not None:
        reset_options["height"] = height
    if frame:
        reset_options["frame"] = True
    reset_options.update(options)
    return reset_options


def with_goal(observation: str, goal: str) -> str:
    """The observation's text with ``"goal"`` (JSON text) added as its last member, as
    ``{**observation, "goal": goal}`` would be written (an observation has no goal of its own:
    the simulator's tests hold it to that)."""
    members = "," if observation != "{}" else ""
    return f'{observation[:-1]}{members}"goal":{goal}}}'


def _no_observation(reply: dict[str, Any], request: Mapping[str, Any]) -> ProtocolError:
    return ProtocolError(f"the answer holds no observation object: {reply!r}", request=request)


def _info_of(reply: dict[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    info = reply.get("info")
    if info is None:
        return {}
    if not isinstance(info, dict):
        raise ProtocolError(f"the answer's info is not an object: {reply!r}", request=request)
    return info


class MiSettingsEnv(gym.Env[Any, str]):
    """One mi-settings episode at a time, played through a ``mi-settings agent`` subprocess.

    Args:
        task: the task to play, by id; a list of ids, or ``"*"`` for the whole catalogue, to draw
            one at each reset (from the environment's generator). Default: the first task of the
            catalogue. ``reset(options={"task": id})`` overrides it for one episode.
        render_mode: ``None``, ``"ansi"`` (:meth:`render` returns the screen as text) or
            ``"rgb_array"`` (the screen as an HxWx3 ``uint8`` array, a copy).
        observation: ``"text"`` (default: the JSON string), ``"pixels"`` (the screen as an
            HxWx3 ``uint8`` array) or ``"both"`` (a dict of ``"text"`` and ``"pixels"``).
        scale: pixels are drawn at this scale, 1 to 4 (a cell is 8x16 pixels at 1).
        shared_pixels: frames come through a file in shared memory (``/dev/shm``, made by the
            environment for each episode, readable by this user only, removed once the
            simulator has opened it) rather than after each answer through the pipe, which
            costs two copies through the kernel (default ``True``; the pipe where there is
            no ``/dev/shm``).
        width, height: the simulated terminal's size (the binary's default 60x24 when ``None``);
            ``reset(options={"width": ..., "height": ...})`` overrides them for one episode.
        frame: include the screen as text (``"frame"``) in every observation.
        binary: the ``mi-settings`` binary; else ``$MI_SETTINGS_BIN``, else ``mi-settings`` on PATH.
        goal_in_observation: add the episode's goal to the observation as ``"goal"`` (the
            protocol gives it only in the reset's info), so that a policy needs only the
            observation.
        max_observation_length, max_action_length: bounds of the ``Text`` spaces (default
            65,536 characters for an observation, plus room for the frame with ``frame=True``;
            4,096 for an action).
        process_env: the environment variables of the subprocess (default: this process's).
        log_dir: have the simulator write every episode as a replayable fixture into this folder
            (``mi-settings agent --log-dir``).
        timeout: seconds an answer of the simulator may take before it is taken for hung: the
            process is stopped and :class:`AgentError` raised (``None``: wait forever).
        placement: where the simulator runs beside the client: ``"same-core"`` (on the CPU
            of the thread that steps the environment, request by request, Linux: it spares
            each step the wake-up of another CPU), ``"free"`` (the kernel decides) or
            ``"auto"`` (the default: whichever way the steps' own round trips show fastest).
            ``None`` takes ``$MI_SETTINGS_PLACEMENT`` if set (``free`` turns placement off
            everywhere), else ``"auto"``. See :class:`~mi_settings_gym.AgentProcess` and
            docs/speed.md.
        allow_solution: let :meth:`solution` return the episode's reference solution (for oracle
            agents and tests; ``mi-settings agent --allow-solution``). Off by default: an agent
            under evaluation must not be able to read it.

    The subprocess starts at the first :meth:`reset` (constructing the environment is cheap and
    starts nothing, which suits ``AsyncVectorEnv``'s probe instance) and ends with :meth:`close`.
    """

    # Gymnasium declares ``metadata`` a plain dict attribute (not a ClassVar) and reads it so.
    metadata: dict[str, Any] = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}  # noqa: RUF012
    observation_space: spaces.Space[Any]
    action_space: AsciiText

    def __init__(
        self,
        task: str | Sequence[str] | None = None,
        *,
        render_mode: str | None = None,
        width: int | None = None,
        height: int | None = None,
        frame: bool = False,
        binary: str | os.PathLike[str] | None = None,
        goal_in_observation: bool = True,
        max_observation_length: int | None = None,
        max_action_length: int = DEFAULT_MAX_ACTION_LENGTH,
        process_env: Mapping[str, str] | None = None,
        log_dir: str | os.PathLike[str] | None = None,
        allow_solution: bool = False,
        timeout: float | None = 60.0,
        observation: str = "text",
        scale: int = 1,
        shared_pixels: bool = True,
        placement: str | None = None,
    ) -> None:
        # A value that is not a placement, or one that cannot be, fails here, not later.
        resolve_placement(placement)
        refuse_a_process_in_process(placement, binary, process_env)
        if observation not in OBSERVATIONS:
            raise ValueError(f"observation must be one of {OBSERVATIONS}, not {observation!r}")
        if not (isinstance(scale, int) and 1 <= scale <= SCALE_MAX):
            raise ValueError(f"scale must be from 1 to {SCALE_MAX}, not {scale!r}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            modes = self.metadata["render_modes"]
            raise ValueError(f"render_mode must be None or one of {modes}, not {render_mode!r}")
        self.render_mode = render_mode
        self.task = task
        self.width = width
        self.height = height
        self.frame = frame
        self.binary = binary
        self.goal_in_observation = goal_in_observation
        self.process_env = None if process_env is None else dict(process_env)
        self.log_dir = None if log_dir is None else os.fspath(log_dir)
        self.allow_solution = allow_solution
        self.placement = placement
        self.timeout = timeout
        if max_observation_length is None:
            max_observation_length = default_max_observation_length(width, height, frame)
        self.observation = observation
        self.scale = scale
        self.shared_pixels = shared_pixels
        self.pixel_shape = pixel_shape(width, height, scale)
        #: The space of an observation's text (the whole observation unless pixels are in it).
        self.text_space = AsciiText(max_length=max_observation_length)
        text_space = self.text_space
        pixel_space = spaces.Box(0, 255, self.pixel_shape, np.uint8)
        if observation == "text":
            self.observation_space = text_space
        elif observation == "pixels":
            self.observation_space = pixel_space
        else:
            self.observation_space = spaces.Dict({"text": text_space, "pixels": pixel_space})
        self.action_space = AsciiText(max_length=max_action_length)

        self._client: AgentClient | None = None
        self._catalogue: list[dict[str, Any]] | None = None
        self._reset_info: dict[str, Any] | None = None
        self._last_observation: dict[str, Any] | None = None
        self._last_observation_text: str | None = None
        self._last_value: Any = None
        self._steps = 0
        self._ended = (False, False)

    # --- the subprocess -------------------------------------------------------------------

    @property
    def client(self) -> AgentClient:
        """The ``mi-settings agent`` process (started on first use)."""
        if self._client is None:
            args = ["agent"]
            if self.log_dir is not None:
                args += ["--log-dir", self.log_dir]
            if self.allow_solution:
                args.append("--allow-solution")
            self._client = open_simulator(
                self.binary,
                args=args,
                env=self.process_env,
                timeout=self.timeout,
                placement=self.placement,
            )
        return self._client

    @property
    def pid(self) -> int | None:
        """The process id of the ``mi-settings agent`` subprocess, ``None`` before it starts."""
        return None if self._client is None else self._client.pid

    @property
    def catalogue(self) -> list[dict[str, Any]]:
        """The task catalogue (``{"op":"tasks"}``), fetched once."""
        if self._catalogue is None:
            self._catalogue = self.client.tasks()
        return self._catalogue

    @property
    def task_ids(self) -> list[str]:
        """The ids of the catalogue's tasks, in its order."""
        return [str(t["id"]) for t in self.catalogue]

    @property
    def episode(self) -> dict[str, Any] | None:
        """The current episode's reset info (goal, task, seed, max_steps, kind), or ``None``."""
        return None if self._reset_info is None else dict(self._reset_info)

    def solution(self) -> list[dict[str, Any]]:
        """The current episode's reference solution as actions (``{"op":"solution"}``)."""
        return self.client.solution()

    def _choose_task(self) -> str:
        return choose_task(self.task, self.np_random, lambda: self.task_ids)

    # --- the Gymnasium API ----------------------------------------------------------------

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Any, dict[str, Any]]:
        super().reset(seed=seed)
        if self._client is not None and not self._client.alive:
            # The process died (its error was raised then): start afresh.
            self._client.close()
            self._client = None
        options = dict(options or {})
        task = options.pop("task", None) or self._choose_task()
        variant = draw_variant(seed, self.np_random)
        reset_options = base_reset_options(self.width, self.height, self.frame, options)
        if self.observation != "text" and (
            reset_options.get("width", 60) != (self.width or 60)
            or reset_options.get("height", 24) != (self.height or 24)
        ):
            raise ValueError(
                "the size of a pixel observation is fixed at construction: make the environment "
                "with width=..., height=... instead of resetting with them"
            )
        # Observations come as the text the space holds (see :mod:`mi_settings_gym._reply`).
        reset_options["observation_text"] = True
        wire = self._wire_observation()
        if wire != "text":
            reset_options["observation"] = wire
            if self.scale != 1:
                reset_options["scale"] = self.scale

        shared = None
        if wire != "text" and self.shared_pixels:
            width = reset_options.get("width", self.width or 60)
            height = reset_options.get("height", self.height or 24)
            if isinstance(width, int) and isinstance(height, int):  # else the simulator says
                rows, columns, _ = pixel_shape(width, height, self.scale)
                shared = self.client.share_pixels(rows * columns * 3)
                if shared is not None:
                    reset_options["pixels_file"] = shared
        message: dict[str, Any] = {"op": "reset", "task": task, "seed": variant}
        if reset_options:
            message["options"] = reset_options
        try:
            reply, observation = self._exchange(message)
        finally:
            if shared is not None:
                with contextlib.suppress(OSError):
                    os.unlink(shared)
        refuse_errors(reply, message)
        if observation is None and self.observation != "pixels":
            raise _no_observation(reply, message)
        info = dict(_info_of(reply, message))
        self._reset_info = dict(info)
        self._steps = 0
        self._ended = (False, False)
        return self._observe(observation), info

    def step(
        self, action: str | Mapping[str, Any]
    ) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        if self._reset_info is None or self._client is None:
            raise gym.error.ResetNeeded("call reset() before step()")
        decoded = self._decode_action(action)
        message = {"op": "step", "action": decoded}
        line = None
        if isinstance(action, str) and decoded is not action and "\n" not in action:
            # JSON text already: sent as it is, not encoded again (a tenth of a step's time
            # in Python). A line break between its tokens would end the request line.
            line = '{"op":"step","action":' + action + "}"
        reply, observation = self._exchange(message, line)
        if "info" in reply and observation is None and self.observation != "pixels":
            raise _no_observation(reply, message)
        if "info" not in reply:
            # Refused (a malformed action, or a step after the end): nothing happened. After the
            # end, terminated/truncated stay as they were so that a loop on them stops.
            if "error" not in reply or self._last_value is None:
                raise ProtocolError(f"unexpected answer to a step: {reply!r}", request=message)
            refused = {"steps": self._steps, "error": reply["error"]}
            return self._last_value, 0.0, self._ended[0], self._ended[1], refused
        info = dict(_info_of(reply, message))
        self._steps = int(info.get("steps", self._steps + 1))
        terminated = bool(reply.get("terminated", False))
        truncated = bool(reply.get("truncated", False))
        self._ended = (terminated, truncated)
        reward = float(reply.get("reward", 0.0))
        return self._observe(observation), reward, terminated, truncated, info

    def render(self) -> str | npt.NDArray[np.uint8] | None:
        if self.render_mode is None:
            gym.logger.warn(
                "render() was called without a render_mode: "
                "make the environment with render_mode='ansi' or 'rgb_array'."
            )
            return None
        if self.render_mode == "rgb_array":
            return self.pixels()
        return self.client.render()

    def pixels(self) -> npt.NDArray[np.uint8] | None:
        """The screen's pixels after the last reset or step, an HxWx3 ``uint8`` array of
        one's own (``None`` unless pixels are observed or rendered, or before a reset)."""
        if self._client is None or self._reset_info is None:
            return None
        frame = self._client.frame
        if frame is None:
            return None
        (height, width), data = frame
        pixels: npt.NDArray[np.uint8] = np.frombuffer(data, dtype=np.uint8)
        copy: npt.NDArray[np.uint8] = pixels.reshape(height, width, 3).copy()
        return copy

    def render_png(self) -> bytes:
        """The screen now as a PNG file's bytes, drawn by the simulator at the environment's
        scale (``{"op":"render","format":"png"}``): the same pixels as :meth:`pixels`."""
        if self._reset_info is None or self._client is None:
            raise gym.error.ResetNeeded("call reset() before render_png()")
        return self._client.render_png()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self._reset_info = None
        super().close()

    # --- helpers --------------------------------------------------------------------------

    def _wire_observation(self) -> str:
        """What the simulator is asked to send: pixels too when they are rendered."""
        if self.observation == "text" and self.render_mode == "rgb_array":
            return "both"
        return self.observation

    def _exchange(
        self, message: Mapping[str, Any], line: str | None = None
    ) -> tuple[dict[str, Any], str | None]:
        """Sends ``message`` (as ``line`` when given: its encoding); the answer, and its
        observation as compact ASCII JSON (``None`` without one), as the simulator wrote it
        (see :mod:`mi_settings_gym._reply`)."""
        if line is None:
            line = encode_request(message)
        return read_answer(*self.client.request_apart(line))

    @staticmethod
    def _decode_action(action: object) -> object:
        if isinstance(action, Mapping):
            return dict(action)
        if isinstance(action, bytes):
            action = action.decode("utf-8", "replace")
        if isinstance(action, str):
            try:
                decoded: object = json.loads(action)
            except ValueError:
                return action  # not JSON: sent as a JSON string, for the simulator to refuse
            return decoded
        item = getattr(action, "item", None)
        if callable(item):  # a numpy scalar, e.g. from a vector env's batch
            return MiSettingsEnv._decode_action(item())
        raise TypeError(f"an action is a dict or a JSON string, not {type(action).__name__}")

    @property
    def last_observation(self) -> dict[str, Any] | None:
        """The last observation as a dict (the document the observation string encodes),
        decoded when first asked for."""
        if self._last_observation is None and self._last_observation_text is not None:
            self._last_observation = parse_observation(self._last_observation_text)
        return self._last_observation

    def _observe(self, observation: str | None) -> Any:
        """The observation as the space holds it: its text (see :meth:`_observe_text`), its
        pixels, or both."""
        value: Any
        if self.observation == "pixels":
            value = self._observed_pixels()
        elif self.observation == "both":
            value = {
                "text": self._observe_text(observation or "{}"),
                "pixels": self._observed_pixels(),
            }
        else:
            value = self._observe_text(observation or "{}")
        self._last_value = value
        return value

    def _observed_pixels(self) -> npt.NDArray[np.uint8]:
        pixels = self.pixels()
        if pixels is None or pixels.shape != self.pixel_shape:
            got = None if pixels is None else pixels.shape
            raise ProtocolError(f"the simulator sent pixels of shape {got}, not {self.pixel_shape}")
        return pixels

    def _observe_text(self, observation: str) -> str:
        """The observation's text as the space's string, ``"goal"`` added as its last member,
        kept as the last observation."""
        goal = None if self._reset_info is None else self._reset_info.get("goal")
        if self.goal_in_observation and goal is not None:
            observation = with_goal(observation, encode(goal))
        if len(observation) > self.text_space.max_length:
            gym.logger.warn(
                f"an observation of {len(observation)} characters exceeds max_observation_length="
                f"{self.text_space.max_length}: make the environment with a larger one"
            )
        self._last_observation = None
        self._last_observation_text = observation
        return observation

    # Picklable: the subprocess is not carried over; a copy starts its own at its first reset.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.update(
            _client=None,
            _reset_info=None,
            _last_observation=None,
            _last_observation_text=None,
            _last_value=None,
            _steps=0,
        )
        return state

    def __del__(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            with contextlib.suppress(Exception):
                client.close(timeout=1.0)
