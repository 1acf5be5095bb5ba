"""A random agent: a baseline, and a smoke test of the environment.

    python -m mi_settings_gym.examples.random_agent           # 20 episodes over random tasks
    python -m mi_settings_gym.examples.random_agent --task turn_on_bluetooth --episodes 5 --render

Each step picks at random among the actions the observation makes possible: click or long-press
an element that is on screen, enabled and clickable, type into a text field, press enter, go back
or home, scroll, open Settings, wait; rarely it declares the goal complete or answers, which ends
the episode. ``random_action`` and ``run_random`` are what the tests call.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gymnasium as gym

from mi_settings_gym.client import BinaryNotFoundError
from mi_settings_gym.registration import ENV_ID

DESCRIPTION = "A random agent: a baseline, and a smoke test of the environment."

WORDS = ["hello", "123456", "lei.wang@example.com", "Tea&Rice2027", "+86 138 0000 8000"]


def random_action(observation: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A random action that the observation makes possible (most of the time)."""
    visible = [
        e
        for e in observation.get("elements", [])
        if e.get("on_screen", True)
        and e.get("enabled", True)
        and (not observation.get("dialog") or e.get("in_dialog", False))
    ]
    elements = [e for e in visible if e.get("clickable", True)]
    fields = [e for e in visible if e.get("role") in ("text_field", "password_field")]
    roll = rng.random()
    if elements and roll < 0.55:
        target = rng.choice(elements)
        kind = "long_press" if rng.random() < 0.05 else "click"
        return {"action_type": kind, "index": target["index"]}
    if fields and roll < 0.70:
        return {
            "action_type": "input_text",
            "text": rng.choice(WORDS),
            "index": rng.choice(fields)["index"],
        }
    choices: list[dict[str, Any]] = [
        {"action_type": "navigate_back"},
        {"action_type": "scroll", "direction": "down"},
        {"action_type": "scroll", "direction": "up"},
        {"action_type": "keyboard_enter"},
        {"action_type": "wait", "seconds": 5},
        {"action_type": "open_app", "app_name": "Settings"},
        {"action_type": "navigate_home"},
    ]
    if roll > 0.99:
        return rng.choice(
            [
                {"action_type": "status", "goal_status": "complete"},
                {"action_type": "answer", "text": rng.choice(WORDS)},
            ]
        )
    return rng.choice(choices)


def _observed(observation: Any) -> dict[str, Any]:
    """The observation's document from what the environment gives: its JSON text, or a dict of
    ``"text"`` and ``"pixels"``; nothing (``{}``) from pixels alone."""
    if isinstance(observation, dict):
        observation = observation.get("text")
    if isinstance(observation, (str, bytes)):
        decoded = json.loads(observation)
        if isinstance(decoded, dict):
            return decoded
    return {}


class RandomAgent:
    """:func:`random_action` as an agent for ``python -m mi_settings_gym.evaluate`` (see
    :mod:`mi_settings_gym.evaluate.agent`): each episode's choices are drawn from its task and
    seed (a string seed: the same in every process), so an episode plays the same wherever it
    runs, and two tasks that start alike are not played alike. From pixels alone it sees no
    elements, and picks among the actions that need none."""

    def __init__(self) -> None:
        self.rng = random.Random(0)

    def reset(self, goal: str, seed: int, info: Any) -> None:
        self.rng = random.Random(f"{info.get('task')}/{seed}")

    def act(self, observation: Any) -> dict[str, Any]:
        return random_action(_observed(observation), self.rng)


@dataclass
class RandomEpisode:
    task: str
    seed: int
    reward: float
    steps: int
    terminated: bool
    truncated: bool
    errors: int


def run_random(
    episodes: int = 20,
    *,
    task: str | Sequence[str] = "*",
    seed: int = 0,
    render: bool = False,
    binary: str | None = None,
) -> list[RandomEpisode]:
    """``episodes`` random episodes; the tasks and their variants are drawn from ``seed``."""
    rng = random.Random(seed)
    env = gym.make(ENV_ID, task=task, binary=binary, render_mode="ansi" if render else None)
    results = []
    try:
        for n in range(episodes):
            obs, info = env.reset(seed=seed + n)
            total, steps, errors = 0.0, 0, 0
            terminated = truncated = False
            while not (terminated or truncated):
                action = random_action(json.loads(obs), rng)
                obs, reward, terminated, truncated, step_info = env.step(action)
                total += float(reward)
                steps += 1
                errors += "error" in step_info
            if render:
                print(env.render())
            results.append(
                RandomEpisode(
                    info["task"],
                    info.get("seed", seed + n),
                    total,
                    steps,
                    terminated,
                    truncated,
                    errors,
                )
            )
    finally:
        env.close()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mi_settings_gym.examples.random_agent", description=DESCRIPTION
    )
    parser.add_argument("--task", action="append", help="a task id (repeatable; default: all)")
    parser.add_argument("--episodes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--render", action="store_true", help="print the last screen of each episode"
    )
    parser.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    args = parser.parse_args(argv)

    try:
        results = run_random(
            args.episodes,
            task=args.task or "*",
            seed=args.seed,
            render=args.render,
            binary=args.binary,
        )
    except BinaryNotFoundError as error:
        # Where the binary is not found the message says what to do: it alone, no traceback.
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    for r in results:
        end = "terminated" if r.terminated else "truncated"
        print(
            f"{r.task:44} seed {r.seed:3}  reward {r.reward:.0f}  "
            f"{r.steps:3} steps ({r.errors} refused)  {end}"
        )
    wins = sum(r.reward > 0 for r in results)
    print(f"random: {wins}/{len(results)} episodes reached reward 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
