"""The oracle agent: plays each episode's reference solution and checks that it earns reward 1.

    python -m mi_settings_gym.examples.oracle_agent          # every task x seeds 0..9
    python -m mi_settings_gym.examples.oracle_agent --seeds 3 --task turn_on_bluetooth --workers 2

For each episode: reset, ask the simulator for the reference solution (``{"op":"solution"}``
through the environment's client), step each action, and report the reward. Prints a summary and
exits 1 unless every episode reached reward 1.

The functions (``run_episode``, ``run_catalogue``, ``summarise``) are what the tests call.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from mi_settings_gym.client import BinaryNotFoundError
from mi_settings_gym.env import MiSettingsEnv

DESCRIPTION = (
    "The oracle agent: plays each episode's reference solution and checks that it earns reward 1."
)


@dataclass
class EpisodeResult:
    task: str
    seed: int
    reward: float
    steps: int
    solution_length: int
    terminated: bool
    truncated: bool
    #: ``(step number, action, error)`` for each action the simulator found impossible or refused.
    errors: list[tuple[int, Any, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.reward == 1.0 and self.terminated


def run_episode(env: MiSettingsEnv, task: str, seed: int) -> EpisodeResult:
    """One episode of ``task`` (variant ``seed``) played by its reference solution."""
    env.reset(seed=seed, options={"task": task})
    actions = env.client.solution()
    total = 0.0
    terminated = truncated = False
    steps = 0
    errors: list[tuple[int, Any, str]] = []
    for action in actions:
        _, reward, terminated, truncated, info = env.step(action)
        total += reward
        steps += 1
        if "error" in info:
            errors.append((steps, action, str(info["error"])))
        if terminated or truncated:
            break
    return EpisodeResult(task, seed, total, steps, len(actions), terminated, truncated, errors)


class OracleAgent:
    """The reference solution as an agent for ``python -m mi_settings_gym.evaluate`` (see
    :mod:`mi_settings_gym.evaluate.agent`): ``uses_solution`` has the runner hand it each
    episode's solution, which it plays action by action, then declares the goal complete."""

    uses_solution = True

    def __init__(self) -> None:
        self.actions: list[Any] = []

    def reset(self, goal: str, seed: int, info: Any) -> None:
        self.actions = list(info["solution"])

    def act(self, observation: Any) -> Any:
        if self.actions:
            return self.actions.pop(0)
        return {"action_type": "status", "goal_status": "complete"}


def _run_share(
    jobs: Sequence[tuple[str, int]], binary: str | None, env_kwargs: dict[str, Any]
) -> list[EpisodeResult]:
    env = MiSettingsEnv(binary=binary, allow_solution=True, **env_kwargs)
    try:
        return [run_episode(env, task, seed) for task, seed in jobs]
    finally:
        env.close()


def run_catalogue(
    tasks: Iterable[str] | None = None,
    seeds: Iterable[int] = range(10),
    *,
    workers: int = 2,
    binary: str | None = None,
    **env_kwargs: Any,
) -> list[EpisodeResult]:
    """Every task (default: the whole catalogue) x every seed, over ``workers`` simulator
    processes in parallel (each driven from a thread; the work is in the subprocesses)."""
    if tasks is None:
        probe = MiSettingsEnv(binary=binary)
        try:
            tasks = probe.task_ids
        finally:
            probe.close()
    jobs = [(task, seed) for task in tasks for seed in seeds]
    workers = max(1, min(workers, len(jobs)))
    shares = [jobs[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        parts = list(pool.map(lambda share: _run_share(share, binary, env_kwargs), shares))
    order = {job: i for i, job in enumerate(jobs)}
    results = [r for part in parts for r in part]
    results.sort(key=lambda r: order[(r.task, r.seed)])
    return results


def summarise(results: Sequence[EpisodeResult]) -> str:
    """A few lines: the count of episodes with reward 1, and each failure."""
    failed = [r for r in results if not r.ok]
    steps = sum(r.steps for r in results)
    tasks = len({r.task for r in results})
    lines = [
        f"oracle: {len(results) - len(failed)}/{len(results)} episodes reached reward 1 "
        f"({tasks} tasks, {steps} steps)"
    ]
    for r in failed:
        lines.append(
            f"  FAIL {r.task} seed {r.seed}: reward {r.reward}, "
            f"{r.steps}/{r.solution_length} actions, "
            f"terminated={r.terminated} truncated={r.truncated}"
        )
        for step, action, error in r.errors[:3]:
            lines.append(f"       step {step} {action}: {error}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mi_settings_gym.examples.oracle_agent", description=DESCRIPTION
    )
    parser.add_argument("--task", action="append", help="a task id (repeatable; default: all)")
    parser.add_argument("--seeds", type=int, default=10, help="seeds 0..N-1 (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="simulator processes (default 2)")
    parser.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        results = run_catalogue(
            args.task, range(args.seeds), workers=args.workers, binary=args.binary
        )
    except BinaryNotFoundError as error:
        # Where the binary is not found the message says what to do: it alone, no traceback.
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    print(summarise(results))
    print(f"in {time.perf_counter() - start:.1f} s")
    return 0 if results and all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
