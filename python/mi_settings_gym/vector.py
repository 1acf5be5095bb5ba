"""``MiSettingsVectorEnv``: N environments in ONE simulator process, stepped together.

``mi-settings agent --batch N`` holds N independent episodes (each its own task, seed, phone and
log) and answers one request for all of them with one line, their steps run on a few threads
(docs/agent-protocol.md, "Batches"). This class is that process as a
:class:`gymnasium.vector.VectorEnv`:

* ``single_observation_space`` and ``single_action_space`` are :class:`MiSettingsEnv`'s (text:
  :class:`~mi_settings_gym.spaces.AsciiText`), so a batch of observations is a tuple of N
  strings and a batch of actions N JSON strings (or dicts), as Gymnasium batches ``Text``.
* Observations do not go through the pipe: the simulator writes each into the environment's row
  of a file in shared memory (``/dev/shm``) the class makes and maps, and the answer line carries
  only rewards, ends and the small ``info``; an observation is read from its row as the text it
  is (no JSON decoding).
* ``metadata["autoreset_mode"]``: ``NEXT_STEP`` (Gymnasium's default: the step after an
  episode ended resets that environment, its action ignored, with reward 0 and both ends
  false), or ``SAME_STEP`` or ``DISABLED`` (``autoreset_mode=...``), as Gymnasium 1.x defines
  them; ``reset(options={"reset_mask": mask})`` resets only the environments the mask names.
* The same seeds and actions give byte-identical observations, rewards and ends to N
  :class:`MiSettingsEnv` in a ``SyncVectorEnv`` (seeds ``seed + i``, and the variants of later
  resets drawn from each environment's own generator as the single environment draws them).

Text observations only (``observation="text"``); pixels are for :class:`MiSettingsEnv`.

``gymnasium.make_vec("mi_settings/MiSettings-v0", num_envs=N,
vectorization_mode="vector_entry_point")`` (and every task's id) makes one.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

import gymnasium as gym
import numpy as np
import numpy.typing as npt
from gymnasium.utils import seeding
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space

from ._reply import encode
from .client import SHARED_MEMORY_DIR, AgentClient, AgentError, ProtocolError, decode_answer
from .env import (
    DEFAULT_MAX_ACTION_LENGTH,
    base_reset_options,
    choose_task,
    default_max_observation_length,
    draw_variant,
    with_goal,
)
from .inprocess import open_simulator
from .spaces import AsciiText

__all__ = ["MAX_ENVS", "MiSettingsVectorEnv"]

#: The most environments one process holds (``mi-settings agent --batch``).
MAX_ENVS = 1024
#: Bytes of an observation row's length prefix, and how it is read.
_LENGTH = 4
_LENGTH_OF = struct.Struct("<I").unpack_from
#: The smallest and largest row the simulator takes.
_ROW_MIN, _ROW_MAX = 1024, 16 * 1024 * 1024

#: The types of info values batched without ``_add_info``.
_PLAIN = (int, float, bool, str)

_FloatArray = npt.NDArray[np.float64]
_BoolArray = npt.NDArray[np.bool_]


class _Slot:
    """What the class keeps of one environment: its generator, episode and last answer."""

    __slots__ = ("ended", "goal", "last", "reset_info", "rng", "steps")

    def __init__(self) -> None:
        self.rng: np.random.Generator | None = None
        self.reset_info: dict[str, Any] | None = None
        self.goal: str | None = None  # the goal as JSON text, added to each observation
        self.steps = 0
        self.ended = (False, False)
        self.last: str | None = None


class MiSettingsVectorEnv(VectorEnv[Any, Any, Any]):
    """``num_envs`` mi-settings environments in one ``mi-settings agent --batch`` process.

    Args:
        num_envs: how many environments (1 to 1,024).
        task: as :class:`MiSettingsEnv`'s (an id, a list of ids, ``"*"``, or ``None`` for the
            catalogue's first), for every environment.
        width, height, frame, binary, goal_in_observation, max_observation_length,
        max_action_length, process_env, log_dir, allow_solution, timeout: as
            :class:`MiSettingsEnv`'s (one process, so one ``log_dir`` for all the episodes).
        threads: the threads the simulator shares each batch's work over (default: as many
            as the machine runs at once, at most ``num_envs``).
        autoreset_mode: ``AutoresetMode.NEXT_STEP`` (default), ``SAME_STEP`` or ``DISABLED``
            (or their names).
        observation: ``"text"`` only (pixels: :class:`MiSettingsEnv`).
        placement: where the simulator runs: ``"auto"`` (default; ``None`` takes
            ``$MI_SETTINGS_PLACEMENT``) inside this process when the package has it built in
            and neither ``binary`` nor ``process_env`` is given, else a process the kernel
            places (its threads spread over the CPUs); ``"in-process"``; ``"process"`` or
            ``"free"`` for a process; ``"same-core"`` pins the process to the stepping thread's
            CPU (one CPU for all its threads).
    """

    metadata: dict[str, Any] = {  # noqa: RUF012 (Gymnasium reads it as a plain attribute)
        "autoreset_mode": AutoresetMode.NEXT_STEP,
        "render_modes": [],
    }
    single_observation_space: AsciiText
    single_action_space: AsciiText

    def __init__(
        self,
        num_envs: int = 1,
        task: str | Sequence[str] | None = None,
        *,
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
        threads: int | None = None,
        autoreset_mode: AutoresetMode | str = AutoresetMode.NEXT_STEP,
        observation: str = "text",
        render_mode: str | None = None,
        placement: str | None = None,
    ) -> None:
        if not (isinstance(num_envs, int) and 1 <= num_envs <= MAX_ENVS):
            raise ValueError(f"num_envs must be from 1 to {MAX_ENVS}, not {num_envs!r}")
        if observation != "text":
            raise ValueError(
                f"the vector environment observes text only, not {observation!r}: "
                "use MiSettingsEnv (gymnasium.make) for pixels"
            )
        if render_mode is not None:
            raise ValueError(f"the vector environment renders nothing, not {render_mode!r}")
        if threads is not None and not (isinstance(threads, int) and 1 <= threads <= 64):
            raise ValueError(f"threads must be from 1 to 64, not {threads!r}")
        mode = AutoresetMode(autoreset_mode)
        self.metadata = {**self.metadata, "autoreset_mode": mode}
        self.autoreset_mode = mode
        self.num_envs = num_envs
        self.task = task
        self.width = width
        self.height = height
        self.frame = frame
        self.goal_in_observation = goal_in_observation
        self.render_mode = None
        if max_observation_length is None:
            max_observation_length = default_max_observation_length(width, height, frame)
        self.single_observation_space = AsciiText(max_length=max_observation_length)
        self.single_action_space = AsciiText(max_length=max_action_length)
        self.observation_space = batch_space(self.single_observation_space, num_envs)
        self.action_space = batch_space(self.single_action_space, num_envs)

        self._slots = [_Slot() for _ in range(num_envs)]
        self._all_reset = False  # every environment has been reset (checked until it holds)
        self._autoreset = np.zeros(num_envs, dtype=np.bool_)
        self._rewards = np.zeros(num_envs, dtype=np.float64)
        self._terminations = np.zeros(num_envs, dtype=np.bool_)
        self._truncations = np.zeros(num_envs, dtype=np.bool_)
        self._catalogue: list[str] | None = None
        self._rows: mmap.mmap | None = None
        # A row holds the observation without its goal (which is added here): the space's
        # bound, and the length before it.
        self._row_bytes = min(max(max_observation_length + _LENGTH, _ROW_MIN), _ROW_MAX)

        args = ["agent", "--batch", str(num_envs)]
        if threads is not None:
            args += ["--threads", str(threads)]
        if log_dir is not None:
            args += ["--log-dir", os.fspath(log_dir)]
        if allow_solution:
            args.append("--allow-solution")
        self._client: AgentClient | None = open_simulator(
            binary,
            args=args,
            env=None if process_env is None else dict(process_env),
            timeout=timeout,
            placement=placement,
            process="free",
        )
        try:
            # In this process, observations are handed over as strings, no file needed.
            if self._client.pid is not None:
                self._share_rows()
        except BaseException:
            self.close()
            raise

    # --- the process ----------------------------------------------------------------------

    @property
    def client(self) -> AgentClient:
        if self._client is None:
            raise AgentError("the vector environment is closed")
        return self._client

    @property
    def pid(self) -> int | None:
        """The process id of the ``mi-settings agent --batch`` process."""
        return None if self._client is None else self._client.pid

    def _share_rows(self) -> None:
        """Makes the observations file (``/dev/shm``, this user's only), maps it, has the
        simulator open it, then removes its name. Without ``/dev/shm`` observations come
        through the pipe."""
        if not os.path.isdir(SHARED_MEMORY_DIR):
            return
        size = self.num_envs * self._row_bytes
        fd, path = tempfile.mkstemp(prefix="mi-settings-rows-", dir=SHARED_MEMORY_DIR)
        try:
            os.ftruncate(fd, size)
            rows = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ)
            message = {"op": "observations_file", "file": path, "row_bytes": self._row_bytes}
            reply = decode_answer(self.client.request_line(json.dumps(message)))
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(path)
        if "error" in reply:
            rows.close()
            raise ProtocolError(str(reply["error"]), request=message)
        self._rows = rows

    @property
    def task_ids(self) -> list[str]:
        """The ids of the catalogue's tasks, in its order (fetched once)."""
        if self._catalogue is None:
            reply = decode_answer(self.client.request_line('{"op":"tasks"}'))
            tasks = reply.get("tasks")
            if not isinstance(tasks, list):
                raise ProtocolError(f"unexpected answer to tasks: {reply!r}"[:500])
            self._catalogue = [str(t["id"]) for t in tasks]
        return self._catalogue

    def _exchange(self, entries: list[Any]) -> list[Any]:
        """One batch: each environment's entry (``None``, a request, or an action's JSON text)
        sent, its answer returned."""
        message = {"op": "batch", "envs": entries}
        line = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
        answer, texts = self.client.request_batch_apart(line)
        reply = decode_answer(answer)
        envs = reply.get("envs")
        if not isinstance(envs, list) or len(envs) != self.num_envs:
            if "error" in reply:
                raise ProtocolError(str(reply["error"]), request={"op": "batch"})
            raise ProtocolError(f"unexpected answer to a batch: {reply!r}"[:500])
        if texts is not None:
            # A simulator in this process hands the observations over apart: put back in
            # their answers, as a pipe would carry them.
            for env, text in zip(envs, texts, strict=True):
                if text is not None and type(env) is dict:
                    env["observation_text"] = text
        return envs

    # --- one environment's part -----------------------------------------------------------

    def _rng(self, slot: _Slot, seed: int | None) -> np.random.Generator:
        # As gymnasium.Env.reset seeds its generator.
        if seed is not None or slot.rng is None:
            slot.rng, _ = seeding.np_random(seed)
        return slot.rng

    def _reset_entry(
        self, slot: _Slot, seed: int | None, options: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """The reset request MiSettingsEnv.reset would send for ``seed`` and ``options``."""
        rng = self._rng(slot, seed)
        options = dict(options or {})
        task = options.pop("task", None) or choose_task(self.task, rng, lambda: self.task_ids)
        variant = draw_variant(seed, rng)
        reset_options = base_reset_options(self.width, self.height, self.frame, options)
        reset_options["observation_text"] = True
        return {"op": "reset", "task": task, "seed": variant, "options": reset_options}

    @staticmethod
    def _action_text(action: object) -> str:
        """An action as the JSON text the batch carries (the simulator reads a text that is
        not JSON as the action string it is, as MiSettingsEnv sends one)."""
        if isinstance(action, str):
            # A str of str's own type: a numpy array's items are numpy.str_, which the step
            # must not take for a reset's request (it tells them apart by type).
            return str(action)
        if isinstance(action, Mapping):
            return json.dumps(dict(action), ensure_ascii=False)
        if isinstance(action, bytes):
            return action.decode("utf-8", "replace")
        item = getattr(action, "item", None)
        if callable(item):  # a numpy scalar
            return MiSettingsVectorEnv._action_text(item())
        raise TypeError(f"an action is a dict or a JSON string, not {type(action).__name__}")

    def _observation(self, i: int, answer: Mapping[str, Any]) -> str:
        """Environment ``i``'s observation: from its row (or the answer), the goal added."""
        row = answer.get("observation_row")
        if row is not None and self._rows is not None:
            if row != i:
                raise ProtocolError(f"environment {i}'s observation came in row {row}")
            start = i * self._row_bytes
            length = int.from_bytes(self._rows[start : start + _LENGTH], "little")
            text = self._rows[start + _LENGTH : start + _LENGTH + length].decode("ascii")
        else:
            sent = answer.get("observation_text")
            if not isinstance(sent, str):
                raise ProtocolError(f"environment {i}'s answer holds no observation: {answer!r}")
            text = sent
        goal = self._slots[i].goal
        if goal is not None:
            text = with_goal(text, goal)
        if len(text) > self.single_observation_space.max_length:
            self._warn_long(len(text))
        self._slots[i].last = text
        return text

    def _warn_long(self, length: int) -> None:
        gym.logger.warn(
            f"an observation of {length} characters exceeds max_observation_length="
            f"{self.single_observation_space.max_length}: make the environment with a larger one"
        )

    def _took_reset(self, i: int, answer: Any, request: Mapping[str, Any]) -> tuple[str, Any]:
        """Environment ``i``'s reset answered: its observation and info."""
        if not isinstance(answer, dict) or "info" not in answer:
            error = answer.get("error") if isinstance(answer, dict) else answer
            raise ProtocolError(f"environment {i}: {error}", request=request)
        info = answer["info"]
        slot = self._slots[i]
        slot.reset_info = dict(info)
        goal = info.get("goal")
        slot.goal = encode(goal) if self.goal_in_observation and goal is not None else None
        slot.steps = 0
        slot.ended = (False, False)
        return self._observation(i, answer), dict(info)

    def _took_step(self, i: int, answer: Any) -> tuple[str, float, bool, bool, dict[str, Any]]:
        """Environment ``i``'s step answered (a refused one as MiSettingsEnv returns it)."""
        slot = self._slots[i]
        if not isinstance(answer, dict) or "info" not in answer:
            if not isinstance(answer, dict) or "error" not in answer or slot.last is None:
                raise ProtocolError(f"environment {i}: unexpected answer to a step: {answer!r}")
            refused = {"steps": slot.steps, "error": answer["error"]}
            return slot.last, 0.0, slot.ended[0], slot.ended[1], refused
        info = answer["info"]
        slot.steps = int(info.get("steps", slot.steps + 1))
        terminated = bool(answer.get("terminated", False))
        truncated = bool(answer.get("truncated", False))
        slot.ended = (terminated, truncated)
        reward = float(answer.get("reward", 0.0))
        return self._observation(i, answer), reward, terminated, truncated, info

    # --- the Gymnasium API ----------------------------------------------------------------

    def reset(
        self,
        *,
        seed: int | Sequence[int | None] | None = None,
        options: dict[str, Any] | None = None,
    ) -> tuple[tuple[str, ...], dict[str, Any]]:
        n = self.num_envs
        seeds: list[int | None]
        if seed is None:
            seeds = [None] * n
        elif isinstance(seed, int):
            seeds = [seed + i for i in range(n)]
        else:
            seeds = list(seed)
        if len(seeds) != n:
            raise ValueError(
                f"If seeds are passed as a list the length must match num_envs={n} but got "
                f"length={len(seeds)}."
            )
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        if mask is None:
            mask = np.ones(n, dtype=np.bool_)
        elif not isinstance(mask, np.ndarray) or mask.shape != (n,) or mask.dtype != np.bool_:
            raise ValueError(f"options['reset_mask'] must be a numpy bool array of shape ({n},)")
        elif not mask.any():
            raise ValueError("options['reset_mask'] must name at least one environment")
        entries: list[Any] = [
            self._reset_entry(self._slots[i], seeds[i], options) if mask[i] else None
            for i in range(n)
        ]
        answers = self._exchange(entries)
        single: list[dict[str, Any] | None] = [None] * n
        for i in range(n):
            if mask[i]:
                single[i] = self._took_reset(i, answers[i], entries[i])[1]
        infos = self._batched_infos(single)
        self._terminations[mask] = False
        self._truncations[mask] = False
        self._autoreset[mask] = False
        return self._observations(), infos

    def _observations(self) -> tuple[str, ...]:
        return tuple(slot.last or "" for slot in self._slots)

    def step(
        self, actions: Any
    ) -> tuple[tuple[str, ...], _FloatArray, _BoolArray, _BoolArray, dict[str, Any]]:
        n = self.num_envs
        if type(actions) is not tuple and type(actions) is not list:
            actions = list(actions)
        if len(actions) != n:
            raise ValueError(f"{len(actions)} actions for {n} environments")
        if not self._all_reset:
            if any(slot.reset_info is None for slot in self._slots):
                raise gym.error.ResetNeeded("call reset() before step()")
            self._all_reset = True
        next_step = self.autoreset_mode == AutoresetMode.NEXT_STEP
        if self.autoreset_mode == AutoresetMode.DISABLED and self._autoreset.any():
            ended = [i for i in range(n) if self._autoreset[i]]
            raise gym.error.ResetNeeded(
                f"environments {ended} ended: reset them (options={{'reset_mask': ...}}) first"
            )
        entries: list[Any] = [a if type(a) is str else self._action_text(a) for a in actions]
        if next_step:
            for i in np.flatnonzero(self._autoreset).tolist():
                entries[i] = self._reset_entry(self._slots[i], None, None)
        answers = self._exchange(entries)
        single: list[dict[str, Any]] = []
        rewards, terminations, truncations = self._rewards, self._terminations, self._truncations
        # The common case inline (a step answered with its observation in its row): this loop
        # is most of the Python work of a step.
        rows, row_bytes, slots, length_of = self._rows, self._row_bytes, self._slots, _LENGTH_OF
        for i in range(n):
            entry, answer = entries[i], answers[i]
            if type(entry) is not str:
                _, info = self._took_reset(i, answer, entry)
                rewards[i] = 0.0
                terminations[i] = False
                truncations[i] = False
            elif (
                type(answer) is dict
                and "info" in answer
                and (
                    (text := answer.get("observation_text")) is not None
                    or (rows is not None and answer.get("observation_row") == i)
                )
            ):
                info = answer["info"]
                slot = slots[i]
                slot.steps = int(info.get("steps", slot.steps + 1))
                ends = (bool(answer["terminated"]), bool(answer["truncated"]))
                slot.ended = ends
                rewards[i] = answer["reward"]
                terminations[i], truncations[i] = ends
                if text is None:
                    assert rows is not None
                    start = i * row_bytes + _LENGTH
                    end = start + length_of(rows, start - _LENGTH)[0]
                    text = rows[start:end].decode("ascii")
                elif type(text) is not str:
                    raise ProtocolError(f"environment {i}'s observation is not text: {answer!r}")
                goal = slot.goal
                if goal is not None:
                    text = with_goal(text, goal)
                if len(text) > self.single_observation_space.max_length:
                    self._warn_long(len(text))
                slot.last = text
            else:
                _, rewards[i], terminations[i], truncations[i], info = self._took_step(i, answer)
            single.append(info)
        if self.autoreset_mode == AutoresetMode.SAME_STEP:
            single = self._reset_ended(single)
        infos = self._batched_infos(single)
        self._autoreset = np.logical_or(terminations, truncations)
        return (
            self._observations(),
            np.copy(rewards),
            np.copy(terminations),
            np.copy(truncations),
            infos,
        )

    def _batched_infos(self, single: Sequence[dict[str, Any] | None]) -> dict[str, Any]:
        """The environments' infos batched as ``VectorEnv._add_info`` batches them (each key's
        values in an array, beside its mask ``_key``), faster for the plain values a step's
        info holds; anything else goes through ``_add_info``."""
        n = self.num_envs
        infos: dict[str, Any] = {}
        for i, info in enumerate(single):
            if info is None:
                continue
            for key, value in info.items():
                kind = type(value)
                if kind not in _PLAIN or key == "final_obs":
                    infos = self._add_info(infos, {key: value}, i)
                    continue
                array = infos.get(key)
                if array is None:
                    array = (
                        np.full(n, fill_value=None, dtype=object)
                        if kind is str
                        else np.zeros(n, dtype=kind)
                    )
                    infos[key] = array
                    infos[f"_{key}"] = np.zeros(n, dtype=np.bool_)
                array[i] = value
                infos[f"_{key}"][i] = True
        return infos

    def _reset_ended(self, single: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """SAME_STEP: the environments that ended are reset at once; each one's info is then
        its last observation and info (``final_obs``, ``final_info``) and the reset's info."""
        ended = [i for i in range(self.num_envs) if self._terminations[i] or self._truncations[i]]
        if not ended:
            return single
        finals = {i: self._slots[i].last for i in ended}
        entries: list[Any] = [None] * self.num_envs
        for i in ended:
            entries[i] = self._reset_entry(self._slots[i], None, None)
        answers = self._exchange(entries)
        for i in ended:
            _, info = self._took_reset(i, answers[i], entries[i])
            single[i] = {"final_obs": finals[i], "final_info": single[i], **info}
        return single

    def call(self, name: str, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        """Only ``solution``: each environment's reference solution (``allow_solution``)."""
        if name != "solution":
            raise AttributeError(f"the vector environment has no per-environment {name!r}")
        answers = self._exchange([{"op": "solution"}] * self.num_envs)
        solutions = []
        for i, answer in enumerate(answers):
            if not isinstance(answer, dict) or "actions" not in answer:
                error = answer.get("error") if isinstance(answer, dict) else answer
                raise ProtocolError(f"environment {i}: {error}", request={"op": "solution"})
            solutions.append(answer["actions"])
        return tuple(solutions)

    @property
    def episodes(self) -> tuple[dict[str, Any] | None, ...]:
        """Each environment's reset info (goal, task, seed, max_steps, kind), or ``None``."""
        return tuple(
            None if slot.reset_info is None else dict(slot.reset_info) for slot in self._slots
        )

    def close_extras(self, **kwargs: Any) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._rows is not None:
            self._rows.close()
            self._rows = None
        for slot in self._slots:
            slot.reset_info = None
        self._all_reset = False

    def __enter__(self) -> MiSettingsVectorEnv:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            with contextlib.suppress(Exception):
                client.close(timeout=1.0)
