"""Episodes per second of the evaluation runner for 1, 2 and 4 local workers.

    MI_SETTINGS_BIN=target/release/mi-settings python python/bench_evaluate.py
    python python/bench_evaluate.py --workers 1,2,4,8 --seeds 0..4 --repeat 3

The random agent over every task of the catalogue, in English, seeds 0..2 (153 episodes) by
default, for each number of workers in turn, each run into a fresh folder; the figure is the
runner's own (played episodes over the seconds of the run, the catalogue read before). It also
checks that every run wrote the same results.jsonl bytes. Prints the machine's load first (the
figures mean little on a busy machine), then one line per number of workers (the best of
``--repeat`` runs, and all of them).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any

import _installed_first  # noqa: F401 (first: the installed package, not this folder's source)
from mi_settings_gym.client import AgentProcess
from mi_settings_gym.evaluate.local import run_local
from mi_settings_gym.evaluate.plan import Episode, parse_names, parse_seeds, plan
from mi_settings_gym.evaluate.runner import RESULTS, run
from mi_settings_gym.evaluate.worker import WorkerConfig

AGENT = "mi_settings_gym.examples.random_agent:RandomAgent"


def backend(workers: int) -> Any:
    def play(config: WorkerConfig, todo: list[Episode]) -> Iterator[dict[str, Any]]:
        return run_local(config, todo, workers)

    return play


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--workers", default="1,2,4", help="numbers of workers (1,2,4)")
    p.add_argument("--seeds", default="0..2", help="seeds of every task (0..2)")
    p.add_argument("--repeat", type=int, default=1, help="runs of each (1)")
    p.add_argument("--agent", default=AGENT, help="the agent (the random agent)")
    p.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    counts = [int(n) for n in parse_names(args.workers, "workers")]
    if not all(1 <= n <= 256 for n in counts) or not 1 <= args.repeat <= 100:
        p.error("workers from 1 to 256, --repeat from 1 to 100")
    with AgentProcess(args.binary) as agent:
        catalogue = agent.tasks()
    episodes = plan(catalogue, seeds=parse_seeds(args.seeds))
    config = WorkerConfig(agent=args.agent, binary=args.binary)
    load = os.getloadavg()
    print(
        f"{len(episodes)} episodes ({len(catalogue)} tasks x seeds {args.seeds}, en, text), "
        f"{args.agent.rsplit(':', 1)[-1]}; {os.cpu_count()} cores, load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    results: set[bytes] = set()
    with tempfile.TemporaryDirectory(prefix="bench-evaluate-") as folder:
        for workers in counts:
            rates = []
            for n in range(args.repeat):
                out = os.path.join(folder, f"{workers}-{n}")
                summary = run(config, episodes, out, backend(workers))
                rates.append(summary.episodes_per_second)
                with open(os.path.join(out, RESULTS), "rb") as file:
                    results.add(file.read())
            steps = sum(r["steps"] for r in summary.rows)
            best = max(rates)
            print(
                f"workers {workers}: {best:7.1f} episodes/s, {best * steps / len(episodes):8.0f} "
                f"steps/s (runs: {', '.join(f'{r:.1f}' for r in rates)})"
            )
    print(f"results.jsonl the same in every run: {'yes' if len(results) == 1 else 'NO'}")
    return 0 if len(results) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
