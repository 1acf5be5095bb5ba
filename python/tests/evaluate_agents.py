"""Agents that misbehave, for the evaluation runner's tests (imported as ``evaluate_agents``
by worker processes too: the tests put this folder on ``PYTHONPATH``)."""

from __future__ import annotations

import os
import signal
import time
from typing import Any, ClassVar

from mi_settings_gym.examples.random_agent import RandomAgent


class _Counting(RandomAgent):
    """The random agent, counting its actions in each episode (``acted``, the action being
    chosen included) and keeping the episode's seed."""

    def reset(self, goal: str, seed: int, info: Any) -> None:
        super().reset(goal, seed, info)
        self.seed = seed
        self.acted = 0

    def act(self, observation: Any) -> Any:
        self.acted += 1
        return self.misbehave(observation)

    def misbehave(self, observation: Any) -> Any:
        return super().act(observation)


class RaisingAgent(_Counting):
    """Raises at its third action in episodes of odd seeds."""

    def misbehave(self, observation: Any) -> Any:
        if self.seed % 2 and self.acted == 3:
            raise ValueError("the model timed out")
        return super().misbehave(observation)


class GarbageAgent(_Counting):
    """Returns something that is no action at its second action: seed 1 a number, seed 2 a
    string that is not JSON, seed 3 a JSON list, seed 4 None; other seeds play randomly."""

    GARBAGE: ClassVar[dict[int, Any]] = {1: 42, 2: "click the blue thing", 3: "[1, 2]", 4: None}

    def misbehave(self, observation: Any) -> Any:
        if self.acted == 2 and self.seed in self.GARBAGE:
            return self.GARBAGE[self.seed]
        return super().misbehave(observation)


def _own_simulators() -> list[int]:
    """The ``mi-settings agent --log-dir`` processes this process started."""
    found = []
    me = os.getpid()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="utf-8") as file:
                parent = int(file.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{name}/cmdline", "rb") as file:
                words = file.read().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if parent == me and b"agent" in words and b"--log-dir" in words:
            found.append(int(name))
    return found


class KillerAgent(_Counting):
    """Kills its simulator (SIGKILL) at its third action in episodes of seed 1."""

    def misbehave(self, observation: Any) -> Any:
        if self.seed == 1 and self.acted == 3:
            victims = _own_simulators()
            assert len(victims) == 1, victims
            os.kill(victims[0], signal.SIGKILL)
        return super().misbehave(observation)


class SlowAgent(RandomAgent):
    """The random agent, thinking a twentieth of a second at the start of each episode: a run
    of 20 episodes that lasts long enough to be stopped midway."""

    def reset(self, goal: str, seed: int, info: Any) -> None:
        time.sleep(0.05)
        super().reset(goal, seed, info)


class BrokenConstructor:
    """An agent that cannot be made."""

    def __init__(self) -> None:
        raise RuntimeError("no API key")

    def reset(self, goal: str, seed: int, info: Any) -> None: ...

    def act(self, observation: Any) -> Any: ...


class NotAnAgent:
    """No ``act``."""

    def reset(self, goal: str, seed: int, info: Any) -> None: ...


class RecordingAgent(RandomAgent):
    """The random agent, keeping what it was told and the first observation of the episode."""

    def reset(self, goal: str, seed: int, info: Any) -> None:
        super().reset(goal, seed, info)
        self.told = (goal, seed, dict(info))
        self.seen: list[Any] = []

    def act(self, observation: Any) -> Any:
        self.seen.append(observation)
        return super().act(observation)
