"""The scenario of tests/test_ray.py, run inside namespaces of its own (ray_cluster.py):

    unshare -n -p -f --mount-proc sh -c 'ip link set lo up && exec python tests/ray_two_nodes.py O'

1. ``O/local``: the evaluation command with one local worker (the reference);
2. a two-node Ray cluster at 127.0.0.1 (one CPU each: two actors);
3. ``O/ray``: the same run through ``--ray 127.0.0.1:PORT``;
4. ``O/killed``: the same run with ``tests.gate_agent:GateAgent``, whose episodes of seed 2 and
   more wait for a gate file: once both actors are inside such an episode (and the journal holds
   the 2 rows that can be done before), one actor's process is killed (SIGKILL), then the gate
   is opened and the run goes on to its end;
5. ``ray stop``, whatever happened; ``O/report.json``: where the actors were, which was
   killed, how many rows were in the journal then, the actor processes seen after, timings.

The test compares the folders and reads the report.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
sys.path.insert(0, PYTHON_DIR)

from ray_cluster import TwoNodes, actor_nodes  # noqa: E402

TASKS = "check_login_history,how_much_cloud_storage_is_used"
SEEDS = "0..5"
EPISODES = 12
RANDOM = "mi_settings_gym.examples.random_agent:RandomAgent"
GATED = "tests.gate_agent:GateAgent"
#: Rows that can be done before the gate opens: seeds 0 and 1 of the first task.
BEFORE_GATE = 2
#: The longest one run, or a wait inside the scenario, may take (seconds).
RUN_SECONDS = 300


def evaluate(out: str, agent: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mi_settings_gym.evaluate",
        "--agent",
        agent,
        "--out",
        out,
        "--tasks",
        TASKS,
        "--seeds",
        SEEDS,
        "--max-steps",
        "30",
        "--quiet",
        *extra,
    ]


def lines(path: str) -> int:
    try:
        with open(path, "rb") as file:
            return file.read().count(b"\n")
    except FileNotFoundError:
        return 0


def main(out: str) -> int:
    os.makedirs(out, exist_ok=True)
    path = os.pathsep.join(p for p in (PYTHON_DIR, os.environ.get("PYTHONPATH")) if p)
    os.environ["PYTHONPATH"] = path
    gate = os.path.join(out, "gate")
    report: dict[str, object] = {}
    clock = time.perf_counter()
    subprocess.run(evaluate(os.path.join(out, "local"), RANDOM), check=True, timeout=RUN_SECONDS)
    report["local_seconds"] = time.perf_counter() - clock

    clock = time.perf_counter()
    with TwoNodes(env={"PYTHONPATH": path, "MI_EVAL_GATE": gate}) as cluster:
        report["start_seconds"] = time.perf_counter() - clock
        clock = time.perf_counter()
        subprocess.run(
            evaluate(os.path.join(out, "ray"), RANDOM, "--ray", cluster.address),
            check=True,
            timeout=RUN_SECONDS,
        )
        report["ray_seconds"] = time.perf_counter() - clock

        killed_out = os.path.join(out, "killed")
        journal = os.path.join(killed_out, "results.partial.jsonl")
        run = subprocess.Popen(evaluate(killed_out, GATED, "--ray", cluster.address))
        try:
            deadline = time.monotonic() + RUN_SECONDS
            while True:
                placement = actor_nodes()
                busy = lines(journal) >= BEFORE_GATE and len(placement) >= 2
                if busy or run.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            time.sleep(0.2)  # both actors inside a gated episode by now; nothing more can end
            placement = actor_nodes()
            report["placement"] = {str(pid): node for pid, node in placement.items()}
            report["rows_before_kill"] = lines(journal)
            victim = min(placement) if placement else None
            report["killed"] = victim
            if victim is not None:
                os.kill(victim, signal.SIGKILL)
            with open(gate, "w", encoding="utf-8"):
                pass
            seen: set[int] = set()
            while run.poll() is None and time.monotonic() < deadline:
                seen.update(actor_nodes())
                time.sleep(0.02)
            report["actors_after_kill"] = sorted(seen - set(placement))
            report["killed_returncode"] = run.wait(timeout=max(1.0, deadline - time.monotonic()))
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
    partial = os.path.join(out, "report.json.partial")
    with open(partial, "w", encoding="utf-8") as file:
        json.dump(report, file, indent=2)
    os.replace(partial, os.path.join(out, "report.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
