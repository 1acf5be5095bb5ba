"""One worker: one simulator (``mi-settings agent``) and one agent, playing episodes one by one.

:class:`Worker` plays an :class:`~mi_settings_gym.evaluate.plan.Episode` and returns its results
row, a JSON-serialisable dict that depends on the episode alone (no wall-clock time, process or
host in it), so that any worker anywhere gives the same row. It never raises for what the agent
or the simulator does: an agent that raises or returns something that is no action, or a
simulator that dies, makes the row's outcome ``"crashed"`` with the error, and the next episode
starts a fresh simulator.

Each episode's log (``mi-settings agent --log-dir``, replayable with ``mi-settings replay``) is
written by the simulator into a staging folder of the worker's own, then moved whole to
``<log_dir>/<task>/<language>/<observation>/<seed>.json`` (the episode's key), so that an episode
played twice writes the same file.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..client import find_binary
from ..env import MiSettingsEnv
from .agent import load_agent_class
from .plan import Episode

__all__ = ["OUTCOMES", "Worker", "WorkerConfig", "crashed_row", "log_path"]

#: A row's ``outcome``.
OUTCOMES = ("success", "failure", "truncated", "crashed")
#: How much of an error's text a row keeps.
ERROR_CHARACTERS = 500
#: The seconds a ``wait`` without ``seconds`` lasts (AndroidWorld's wait sleeps 1 s).
DEFAULT_WAIT_SECONDS = 1


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to play any episode of a run (picklable).

    Args:
        agent: the agent class as ``"module:Class"`` (see :mod:`mi_settings_gym.evaluate.agent`).
        binary: the ``mi-settings`` binary (``None``: ``$MI_SETTINGS_BIN``, else on PATH).
        max_steps: the most actions an episode may take here (``None``: the task's own
            ``max_steps``, at which the simulator truncates it).
        log_dir: where episode logs go (``None``: no logs).
        timeout: seconds the simulator may take to answer before it is taken for hung.
        seconds_per_action: simulated seconds after each action (the reset option).
    """

    agent: str
    binary: str | None = None
    max_steps: int | None = None
    log_dir: str | None = None
    timeout: float | None = 60.0
    seconds_per_action: int = 0


def log_path(log_dir: str | os.PathLike[str], episode: Episode) -> str:
    """Where the log of ``episode`` goes."""
    return os.path.join(os.fspath(log_dir), *episode.key.split("/")) + ".json"


def _error_text(error: BaseException, binary: str | None) -> str:
    """An error as a row keeps it: its kind and first lines, without the binary's path (which
    differs between machines)."""
    text = f"{type(error).__name__}: {error}"
    if binary:
        text = text.replace(binary, "mi-settings")
    return text[:ERROR_CHARACTERS]


def crashed_row(episode: Episode, error: str | None) -> dict[str, Any]:
    """The row of an episode that crashed before any step, with ``error``: every member a row
    has, in its order (:meth:`Worker.run` starts from it; a backend whose worker was lost
    for good gives it)."""
    return {
        "key": episode.key,
        "task": episode.task,
        "seed": episode.seed,
        "language": episode.language,
        "observation": episode.observation,
        "outcome": "crashed",
        "reward": 0.0,
        "steps": 0,
        "simulated_seconds": 0,
        "end": None,
        "error": error,
        "log": None,
    }


class _Crash(Exception):
    """Ends an episode as crashed, with this text."""


class Worker:
    """One simulator process, reused episode after episode, and one agent."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        cls = load_agent_class(config.agent)
        self.agent: Any = cls()
        self.uses_solution = bool(getattr(cls, "uses_solution", False))
        #: The binary's path (found now: a missing one is the caller's error, not a crash).
        self.binary = find_binary(config.binary)
        self._staging: str | None = None
        if config.log_dir is not None:
            os.makedirs(config.log_dir, exist_ok=True)
            # The simulator's own logs land here first: a folder of this worker's only (beside
            # the logs, so that moving one is a rename).
            self._staging = tempfile.mkdtemp(prefix=".staging-", dir=config.log_dir)
        self.env = MiSettingsEnv(
            binary=self.binary,
            log_dir=self._staging,
            allow_solution=self.uses_solution,
            timeout=config.timeout,
        )

    def run(self, episode: Episode) -> dict[str, Any]:
        """Plays ``episode`` and returns its results row."""
        row = crashed_row(episode, None)
        ended_in_simulator = False
        try:
            ended_in_simulator = self._play(episode, row)
        except _Crash as crash:
            row["outcome"] = "crashed"
            row["error"] = str(crash)[:ERROR_CHARACTERS]
        except Exception as error:  # the simulator died, or answered nonsense
            row["outcome"] = "crashed"
            row["error"] = _error_text(error, self.binary)
        if not ended_in_simulator:
            # The simulator logs a running episode when it closes; the next episode starts a
            # fresh one.
            with contextlib.suppress(Exception):
                self.env.close()
        try:
            row["log"] = self._keep_log(episode)
        except OSError as error:
            row["error"] = row["error"] or f"the episode's log was not kept: {error}"
        return row

    def _play(self, episode: Episode, row: dict[str, Any]) -> bool:
        """Plays the episode into ``row``; whether the simulator ended it (and so logged it)."""
        env = self.env
        config = self.config
        # One simulator for every observation mode: the environment reads its mode at each
        # reset and step.
        env.observation = episode.observation
        options: dict[str, Any] = {"task": episode.task, "language": episode.language}
        if config.seconds_per_action:
            options["seconds_per_action"] = config.seconds_per_action
        observation, info = env.reset(seed=episode.seed, options=options)
        told = dict(info)
        told.update(language=episode.language, observation=episode.observation)
        if self.uses_solution:
            told["solution"] = env.solution()
        try:
            self.agent.reset(str(info.get("goal", "")), episode.seed, told)
        except Exception as error:
            raise _Crash(f"the agent's reset raised {type(error).__name__}: {error}") from None
        steps = 0
        seconds = 0
        while True:
            if config.max_steps is not None and steps >= config.max_steps:
                row.update(
                    outcome="truncated", end=f"out of steps (--max-steps {config.max_steps})"
                )
                return False
            try:
                action = self.agent.act(observation)
            except Exception as error:
                raise _Crash(
                    f"the agent raised {type(error).__name__} at step {steps + 1}: {error}"
                ) from None
            action = _checked_action(action, steps + 1)
            observation, reward, terminated, truncated, step_info = env.step(action)
            if int(step_info.get("steps", steps)) == steps:
                raise _Crash(
                    f"the simulator refused the agent's action at step {steps + 1} "
                    f"({_short(action)}): {step_info.get('error')}"
                )
            steps = int(step_info["steps"])
            seconds += _seconds_of(action, step_info, terminated, config.seconds_per_action)
            row.update(reward=float(reward), steps=steps, simulated_seconds=seconds)
            if terminated or truncated:
                outcome = "success" if reward >= 1.0 else "failure"
                row.update(
                    outcome="truncated" if truncated else outcome, end=step_info.get("outcome")
                )
                return True

    def _keep_log(self, episode: Episode) -> str | None:
        """Moves the episode's log from the staging folder to its path; that path relative to
        the log folder (``None`` without one)."""
        if self._staging is None or self.config.log_dir is None:
            return None
        try:
            written = sorted(os.listdir(self._staging))
        except OSError:
            return None
        if not written:
            return None
        target = log_path(self.config.log_dir, episode)
        folder = self.config.log_dir
        for part in episode.key.split("/")[:-1]:
            folder = os.path.join(folder, part)
            if os.path.islink(folder):
                raise OSError(f"{folder} is a symbolic link: no log is written through one")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        # The last one is this episode's (the folder is emptied after each).
        os.replace(os.path.join(self._staging, written[-1]), target)
        for stale in written[:-1]:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(self._staging, stale))
        return os.path.relpath(target, self.config.log_dir)

    def close(self) -> None:
        """Ends the simulator and the agent; removes the staging folder."""
        with contextlib.suppress(Exception):
            self.env.close()
        close = getattr(self.agent, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _checked_action(action: object, step: int) -> dict[str, Any]:
    """The agent's action as a dict; :class:`_Crash` for anything that is not one."""
    if isinstance(action, str):
        try:
            decoded: object = json.loads(action)
        except ValueError:
            raise _Crash(
                f"the agent returned a string that is not JSON at step {step}: {_short(action)}"
            ) from None
        action = decoded
    if not isinstance(action, Mapping):
        raise _Crash(
            f"the agent returned {type(action).__name__} at step {step}, not an action "
            f"(a dict or a JSON object): {_short(action)}"
        )
    return dict(action)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _seconds_of(
    action: Mapping[str, Any], info: Mapping[str, Any], ended: bool, per_action: int
) -> int:
    """Simulated seconds an accepted action took: a wait's own, and ``seconds_per_action`` after
    every action but the one that ends the episode."""
    seconds = 0
    if action.get("action_type") == "wait" and "error" not in info:
        given = action.get("seconds", DEFAULT_WAIT_SECONDS)
        if isinstance(given, int) and not isinstance(given, bool):
            seconds += given
    if not ended:
        seconds += per_action
    return seconds
