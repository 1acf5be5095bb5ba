"""An agent for tests/test_ray.py: the random agent, except that where the environment variable
``MI_EVAL_GATE`` names a file, an episode of seed ``OPEN_SEEDS`` or more waits before its first
action until that file exists (at most ``WAIT_SECONDS``). Its actions, and so its rows, are the
random agent's: a run with the gate and one without give the same results.

The test so holds every actor inside an episode while it looks at them and kills one."""

from __future__ import annotations

import os
import time
from typing import Any

from mi_settings_gym.examples.random_agent import RandomAgent

#: Episodes of these seeds (0..OPEN_SEEDS-1) play without waiting.
OPEN_SEEDS = 2
#: The longest an episode waits for the gate (the test opens it within seconds).
WAIT_SECONDS = 120.0


class GateAgent(RandomAgent):
    def reset(self, goal: str, seed: int, info: Any) -> None:
        super().reset(goal, seed, info)
        self.gated = seed >= OPEN_SEEDS and bool(os.environ.get("MI_EVAL_GATE"))

    def act(self, observation: Any) -> dict[str, Any]:
        if self.gated:
            self.gated = False
            gate = os.environ["MI_EVAL_GATE"]
            deadline = time.monotonic() + WAIT_SECONDS
            while not os.path.exists(gate) and time.monotonic() < deadline:
                time.sleep(0.02)
        return super().act(observation)
