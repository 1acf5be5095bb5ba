"""The figures of docs/scale.md, from one command (as root, on Linux):

    MI_SETTINGS_BIN=target/release/mi-settings target/python-venv/bin/python python/bench_ray.py

It runs itself again inside network and PID namespaces of its own (ray_cluster.py), starts a
two-node Ray cluster at 127.0.0.1 (one CPU each), measures, and stops the cluster:

* the cost of one episode with no Ray at all: the random agent on a few tasks (an easy, a medium
  and two hard ones) played by one Worker (one simulator) in this process: ms per episode,
  steps per second;
* what the driver can take in: rows per second through the runner (journal line, flush) fed by
  a backend that has them ready;
* Ray's dispatch: a no-op actor call's round trip (one at a time: median and 90th percentile),
  and no-op calls per second with many in flight over two actors (one per node);
* the Ray backend (``run_ray``) on the same episodes with 1 actor, and with 2 actors (one per
  node): episodes/s and steps/s, actor start included.

``--seeds N`` (default 25) sets the episodes per task; ``--json PATH`` also writes the figures
there. The machine's load average is printed with them: figures taken on a busy machine are
provisional.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from typing import Any

import _installed_first  # noqa: F401 (first: the installed package, not this folder's source)
from mi_settings_gym.client import AgentProcess
from mi_settings_gym.evaluate.plan import Episode
from mi_settings_gym.evaluate.plan import plan as plan_episodes
from mi_settings_gym.evaluate.runner import RESULTS, Backend, run
from mi_settings_gym.evaluate.worker import Worker, WorkerConfig
from ray_cluster import TwoNodes, in_namespaces, namespace_problem

TASKS = (
    "check_login_history",
    "change_the_password",
    "sign_out_on_the_website",
    "put_the_phone_in_lost_mode",
)
AGENT = "mi_settings_gym.examples.random_agent:RandomAgent"
INSIDE = "MI_BENCH_RAY_INSIDE"
#: Calls in the dispatch figures.
ROUND_TRIPS = 2000
PIPELINED = 10000
#: Rows fed to the runner for the driver's figure.
ROWS = 20000


def episodes(seeds: int) -> list[Episode]:
    return [Episode(task, seed) for task in TASKS for seed in range(seeds)]


def in_process(config: WorkerConfig, plan: Sequence[Episode]) -> dict[str, Any]:
    with Worker(config) as worker:
        worker.run(plan[0])  # the simulator started
        start = time.perf_counter()
        rows = [worker.run(e) for e in plan]
        seconds = time.perf_counter() - start
    steps = sum(r["steps"] for r in rows)
    log_bytes = 0
    if config.log_dir is not None:
        for folder, _, names in os.walk(config.log_dir):
            log_bytes += sum(os.path.getsize(os.path.join(folder, n)) for n in names)
    row_bytes = sum(len(json.dumps(r, separators=(",", ":"))) + 1 for r in rows)
    by_task = {}
    for task in TASKS:
        mine = [r for r in rows if r["task"] == task]
        by_task[task] = sum(r["steps"] for r in mine) / len(mine)
    return {
        "episodes": len(rows),
        "crashed": sum(r["outcome"] == "crashed" for r in rows),
        "ms_per_episode": 1000 * seconds / len(rows),
        "episodes_per_second": len(rows) / seconds,
        "steps_per_second": steps / seconds,
        "mean_steps_by_task": by_task,
        "log_bytes_per_episode": log_bytes / len(rows),
        "row_bytes_per_episode": row_bytes / len(rows),
    }


def driver_rows(config: WorkerConfig) -> dict[str, Any]:
    """Rows/s the runner journals from a backend that has them ready (no episode played)."""
    plan = [Episode("check_login_history", seed) for seed in range(ROWS)]
    row = {
        "task": "check_login_history",
        "language": "en",
        "observation": "text",
        "outcome": "truncated",
        "reward": 0.0,
        "steps": 20,
        "simulated_seconds": 0,
        "end": None,
        "error": None,
        "log": None,
    }

    def ready(config: WorkerConfig, todo: Sequence[Episode]) -> Iterator[dict[str, Any]]:
        for episode in todo:
            yield {"key": episode.key, "seed": episode.seed, **row}

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        run(config, plan, out, ready)
        seconds = time.perf_counter() - start
    return {"rows": ROWS, "rows_per_second": ROWS / seconds}


class Noop:
    """An actor that does nothing: what a call costs is Ray's alone."""

    def call(self) -> None:
        return None


def dispatch(ray: Any) -> dict[str, Any]:
    noop = ray.remote(num_cpus=1)(Noop)
    actors = [noop.options(scheduling_strategy="SPREAD").remote() for _ in range(2)]
    ray.get([a.call.remote() for a in actors])
    for _ in range(200):
        ray.get(actors[0].call.remote())
    trips = []
    for _ in range(ROUND_TRIPS):
        start = time.perf_counter()
        ray.get(actors[0].call.remote())
        trips.append(time.perf_counter() - start)
    trips.sort()
    start = time.perf_counter()
    ray.get([actors[i % 2].call.remote() for i in range(PIPELINED)])
    pipelined = PIPELINED / (time.perf_counter() - start)
    for actor in actors:
        ray.kill(actor)
    return {
        "round_trip_ms_median": 1000 * statistics.median(trips),
        "round_trip_ms_p90": 1000 * trips[int(0.9 * len(trips))],
        "pipelined_calls_per_second": pipelined,
    }


def on_ray(
    config: WorkerConfig, plan: Sequence[Episode], address: str, actors: int
) -> dict[str, Any]:
    from mi_settings_gym.evaluate.ray_backend import run_ray

    start = time.perf_counter()
    first = None
    steps = 0
    count = 0
    for row in run_ray(config, plan, address, actors):
        if first is None:
            first = time.perf_counter() - start
        steps += row["steps"]
        count += 1
    seconds = time.perf_counter() - start
    return {
        "actors": actors,
        "episodes": count,
        "seconds": seconds,
        "first_row_seconds": first,
        "episodes_per_second": count / seconds,
        # After the first row: the actors started, the simulators running.
        "steady_episodes_per_second": (count - 1) / (seconds - (first or 0.0)),
        "steps_per_second": steps / seconds,
    }


def through_runner(
    config: WorkerConfig, sweep: Sequence[Episode], backend: Backend
) -> dict[str, Any]:
    """The runner's own episodes/s (as ``python -m mi_settings_gym.evaluate`` reports it) and
    the results.jsonl it wrote."""
    with tempfile.TemporaryDirectory() as out:
        summary = run(config, sweep, out, backend)
        with open(os.path.join(out, RESULTS), "rb") as file:
            results = file.read()
    return {
        "episodes": len(sweep),
        "episodes_per_second": summary.episodes_per_second,
        "results": results,
    }


def catalogue_sweep(config: WorkerConfig, address: str) -> dict[str, Any]:
    """Every task, English, seeds 0..2 (python/bench_evaluate.py's default) through the runner:
    2 local workers, then 2 Ray actors (one per node), in the same run."""
    from mi_settings_gym.evaluate.local import run_local
    from mi_settings_gym.evaluate.ray_backend import run_ray

    with AgentProcess(config.binary, args=("agent",)) as agent:
        catalogue = agent.tasks()
    sweep = plan_episodes(catalogue, seeds=[0, 1, 2])
    local = through_runner(config, sweep, lambda c, todo: run_local(c, todo, 2))
    on_ray = through_runner(config, sweep, lambda c, todo: run_ray(c, todo, address, 2))
    return {
        "episodes": len(sweep),
        "local_2_workers_episodes_per_second": local["episodes_per_second"],
        "ray_2_nodes_episodes_per_second": on_ray["episodes_per_second"],
        "same_results": local["results"] == on_ray["results"],
    }


def inside(args: argparse.Namespace) -> dict[str, Any]:
    ray: Any = importlib.import_module("ray")

    from mi_settings_gym.client import find_binary

    binary = find_binary(None)
    mix = episodes(args.seeds)
    with tempfile.TemporaryDirectory() as logs:
        config = WorkerConfig(agent=AGENT, binary=binary, log_dir=logs)
        figures: dict[str, Any] = {
            "binary": binary,
            "load_average_before": os.getloadavg(),
            "in_process": in_process(config, mix),
            "driver": driver_rows(WorkerConfig(agent=AGENT, binary=binary)),
        }
        clock = time.perf_counter()
        with TwoNodes(head_cpus=1, worker_cpus=1) as cluster:
            figures["cluster_start_seconds"] = time.perf_counter() - clock
            ray.init(address=cluster.address, logging_level=logging.WARNING, log_to_driver=False)
            try:
                figures["dispatch"] = dispatch(ray)
                figures["ray_1_actor"] = on_ray(config, mix, cluster.address, 1)
                figures["ray_2_actors_2_nodes"] = on_ray(config, mix, cluster.address, 2)
                figures["catalogue"] = catalogue_sweep(config, cluster.address)
            finally:
                ray.shutdown()
    figures["load_average_after"] = os.getloadavg()
    return figures


def table(figures: dict[str, Any]) -> str:
    p = figures["in_process"]
    d = figures["dispatch"]
    lines = [
        f"binary {figures['binary']}; load average before "
        f"{', '.join(f'{x:.2f}' for x in figures['load_average_before'])}, after "
        f"{', '.join(f'{x:.2f}' for x in figures['load_average_after'])}",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| one episode, no Ray ({p['episodes']} episodes, random agent) | "
        f"{p['ms_per_episode']:.1f} ms ({p['episodes_per_second']:.0f} episodes/s, "
        f"{p['steps_per_second']:,.0f} steps/s) |",
        "| mean steps by task | "
        + ", ".join(f"{t} {s:.1f}" for t, s in p["mean_steps_by_task"].items())
        + " |",
        f"| bytes per episode: results row, episode log | {p['row_bytes_per_episode']:.0f}, "
        f"{p['log_bytes_per_episode']:,.0f} |",
        f"| rows the runner journals (driver) | {figures['driver']['rows_per_second']:,.0f}/s |",
        f"| two-node cluster start (ray start x2) | {figures['cluster_start_seconds']:.1f} s |",
        f"| no-op actor call, round trip | median {d['round_trip_ms_median']:.2f} ms, "
        f"p90 {d['round_trip_ms_p90']:.2f} ms |",
        f"| no-op actor calls in flight (2 actors) | "
        f"{d['pipelined_calls_per_second']:,.0f} calls/s |",
    ]
    c = figures["catalogue"]
    lines.append(
        f"| the runner, every task x seeds 0..2 ({c['episodes']} episodes): 2 local workers; "
        f"2 Ray actors on 2 nodes | {c['local_2_workers_episodes_per_second']:.1f}; "
        f"{c['ray_2_nodes_episodes_per_second']:.1f} episodes/s (same results.jsonl: "
        f"{'yes' if c['same_results'] else 'NO'}) |"
    )
    for name in ("ray_1_actor", "ray_2_actors_2_nodes"):
        r = figures[name]
        lines.append(
            f"| run_ray, {r['actors']} actor(s), {r['episodes']} episodes | "
            f"{r['episodes_per_second']:.1f} episodes/s, {r['steps_per_second']:,.0f} steps/s "
            f"({r['seconds']:.1f} s, first row after {r['first_row_seconds']:.1f} s; "
            f"after it {r['steady_episodes_per_second']:.1f} episodes/s) |"
        )
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    made.add_argument("--seeds", type=int, default=25, help="episodes per task (25)")
    made.add_argument("--json", metavar="PATH", help="also write the figures there")
    return made


def main(argv: Sequence[str] | None = None) -> int:
    command = parser()
    args = command.parse_args(argv)
    if not 1 <= args.seeds <= 1000:
        command.error("--seeds: from 1 to 1000")
    if os.environ.get(INSIDE) != "1":
        why = namespace_problem()
        if why is not None:
            print(f"bench_ray.py: {why}", file=sys.stderr)
            return 2
        env = {**os.environ, INSIDE: "1"}
        done = subprocess.run(
            in_namespaces([sys.executable, os.path.abspath(__file__), *sys.argv[1:]]),
            env=env,
            check=False,
        )
        return done.returncode
    figures = inside(args)
    print(table(figures))
    if args.json:
        partial = args.json + ".partial"
        with open(partial, "w", encoding="utf-8") as file:
            json.dump(figures, file, indent=2)
        os.replace(partial, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
