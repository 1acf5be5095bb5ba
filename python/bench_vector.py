#!/usr/bin/env python3
"""Steps/s of the batched vector environment beside AsyncVectorEnv, in one run, on this machine.

    python python/bench_vector.py [--seconds 2] [--binary target/release/mi-settings]
                                  [--counts 1,4,16,64] [--async-counts 1,4,16] [--threads 1,2]

Measures, one after another, on one simple task with actions that keep moving (open Bluetooth,
go back; the episode is truncated after 10 steps and autoreset inside the step, Gymnasium's
next-step autoreset, resets counted as steps as AsyncVectorEnv counts them):
  (a) MiSettingsVectorEnv (one batch of N, ``mi-settings agent --batch N``) with N = each of
      --counts, total steps/s, its threads left to their default: the simulator in this
      process (as shipped) and as a process of the binary;
  (b) the same in this process at 16 and 64 environments (those of --counts) with each of
      --threads, to see which thread count is best here;
  (c) AsyncVectorEnv (a worker process per environment) with each of --async-counts, total
      steps/s: each worker with the simulator in it (as shipped) and with a simulator process
      of its own;
  (d) where the time goes in (a): CPU µs per environment-step of this Python process and of the
      simulator (from /proc), and the ratio of their sum to the wall time (above 1: both cores
      at work);
  (e) memory: the batch process's resident set (VmHWM, its peak) / N, or in this process what
      such a batch adds to a fresh Python process's peak / N, and an AsyncVectorEnv
      environment's (its worker's and its simulator's), beside an Android emulator's ~2 GB;
  (f) Python's own work per environment-step at 16 and 64 envs: MiSettingsVectorEnv.step with
      one answer of the simulator in this process replayed instead of asked for (no
      simulator), the fastest of five rounds of 500 steps.
Use the release binary: a debug build is several times slower.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _installed_first  # noqa: F401 (first: the installed package, not this folder's source)
import mi_settings_gym
from bench import ACTIONS, TASK, timed_loop  # python/bench.py, beside this script
from mi_settings_gym import MiSettingsVectorEnv

#: An Android emulator (AndroidWorld's Pixel 6 AVD) takes about this much memory.
EMULATOR_BYTES = 2 * 1024**3
MAX_SECONDS = 60.0
MAX_ENVS = mi_settings_gym.vector.MAX_ENVS
MAX_ASYNC = 64


def stepper(envs: Any, num_envs: int) -> Callable[[], int]:
    """A loop's body: one step of ``envs``, the actions in turn; how many steps it took."""
    batches = [tuple(json.dumps(a) for _ in range(num_envs)) for a in ACTIONS]
    turn = [0]

    def body() -> int:
        envs.step(batches[turn[0] % 2])
        turn[0] += 1
        return num_envs

    return body


def proc_cpu(pid: int) -> float:
    """Seconds of CPU (user + system) process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_kib(pid: int, key: str = "VmHWM") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found


class Batched:
    """One run of MiSettingsVectorEnv: steps/s, CPU per step, peak memory."""

    def __init__(
        self, binary: str | None, num_envs: int, threads: int | None, seconds: float
    ) -> None:
        """``binary`` None: the simulator in this process (as shipped); else that binary's
        process. In this process, the simulator's CPU is counted with Python's, and its memory
        is what such a batch adds to a fresh Python process's peak (``in_process_kib``)."""
        placement = "in-process" if binary is None else "process"
        envs = MiSettingsVectorEnv(
            num_envs, TASK, binary=binary, threads=threads, placement=placement
        )
        try:
            envs.reset(seed=0)
            body = stepper(envs, num_envs)
            timed_loop(0.2, body)  # warm up
            pid = envs.pid
            python0 = time.process_time()
            simulator0 = 0.0 if pid is None else proc_cpu(pid)
            self.count, self.elapsed = timed_loop(seconds, body)
            self.python_cpu = time.process_time() - python0
            self.simulator_cpu = 0.0 if pid is None else proc_cpu(pid) - simulator0
            self.peak_kib = in_process_kib(num_envs) if pid is None else proc_kib(pid)
        finally:
            envs.close()

    @property
    def rate(self) -> float:
        return self.count / self.elapsed


_PEAK_AFTER = """
import json, sys
sys.path.append(sys.argv[2])  # bench.py, after the installed package (python -P)
import mi_settings_gym
from bench import ACTIONS, TASK
n = int(sys.argv[1])
if n:
    envs = mi_settings_gym.MiSettingsVectorEnv(n, TASK, placement="in-process")
    envs.reset(seed=0)
    for k in range(100):
        envs.step(tuple(json.dumps(ACTIONS[k % 2]) for _ in range(n)))
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(line.split()[1])
"""


def in_process_kib(num_envs: int) -> int:
    """KiB a batch of ``num_envs`` in this process adds to a fresh Python process's peak
    resident set (VmHWM) over the package imported and no batch, stepped 100 times."""

    def peak(n: int) -> int:
        here = os.path.dirname(os.path.abspath(__file__))
        done = subprocess.run(
            [sys.executable, "-P", "-c", _PEAK_AFTER, str(n), here],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(done.stdout.split()[-1])

    return peak(num_envs) - peak(0)


class _Replayed:
    """A client that answers every request with one answer it was given."""

    def __init__(self, line: bytes, texts: list[str | None] | None) -> None:
        self.line = line
        self.texts = texts

    def request_batch_apart(self, _line: bytes | str) -> tuple[bytes, list[str | None] | None]:
        return self.line, self.texts


def python_work(num_envs: int) -> float:
    """µs of Python per environment-step: the vector env's step (as shipped: the simulator in
    this process) on a replayed answer."""
    envs = MiSettingsVectorEnv(num_envs, TASK, threads=1, placement="in-process")
    try:
        envs.reset(seed=0)
        actions = tuple(json.dumps(ACTIONS[1]) for _ in range(num_envs))
        request = json.dumps({"op": "batch", "envs": list(actions)})
        line, texts = envs.client.request_batch_apart(request)
        client = envs._client
        envs._client = _Replayed(line, texts)  # type: ignore[assignment]
        best = float("inf")
        try:
            for _ in range(5):
                start = time.perf_counter()
                for _ in range(500):
                    envs.step(actions)
                best = min(best, (time.perf_counter() - start) / 500 / num_envs)
        finally:
            envs._client = client
    finally:
        envs.close()
    return best * 1e6


def async_run(binary: str | None, num_envs: int, seconds: float) -> tuple[float, float]:
    """AsyncVectorEnv: total steps/s, and KiB per environment (worker + simulator, peak);
    ``binary`` None: each worker with the simulator in its own process (as shipped)."""
    envs = mi_settings_gym.make_vector_env(num_envs, task=TASK, binary=binary)
    try:
        envs.reset(seed=list(range(num_envs)))
        body = stepper(envs, num_envs)
        timed_loop(0.2, body)
        count, elapsed = timed_loop(seconds, body)
        kib = 0
        for worker in envs.processes:
            if worker.pid is None:
                continue
            kib += proc_kib(worker.pid) + sum(proc_kib(c) for c in children(worker.pid))
    finally:
        envs.close()
    return count / elapsed, kib / num_envs


def counts(text: str, what: str, bound: int) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"{what} {text!r}: numbers separated by commas, e.g. 1,4,16") from None
    if not values or any(not 1 <= v <= bound for v in values):
        raise SystemExit(f"{what} {text!r}: each from 1 to {bound}")
    return values


def default_binary() -> str:
    """``$MI_SETTINGS_BIN``, else the repository's release build, else ``mi-settings``."""
    built = Path(__file__).resolve().parent.parent / "target/release/mi-settings"
    if not os.environ.get("MI_SETTINGS_BIN") and os.access(built, os.X_OK):
        return str(built)
    return mi_settings_gym.find_binary(None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per measurement")
    parser.add_argument("--binary", default=None, help="the mi-settings binary (release)")
    parser.add_argument("--counts", default="1,4,16,64", help="batch sizes")
    parser.add_argument("--async-counts", default="1,4,16", help="AsyncVectorEnv sizes")
    parser.add_argument("--threads", default="1,2", help="thread counts tried at 16 and 64")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= MAX_SECONDS:
        raise SystemExit(f"--seconds {args.seconds}: more than 0, at most {MAX_SECONDS}")
    sizes = counts(args.counts, "--counts", MAX_ENVS)
    async_sizes = counts(args.async_counts, "--async-counts", MAX_ASYNC)
    thread_counts = counts(args.threads, "--threads", 64)
    binary = args.binary or default_binary()
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"--binary {binary}: not an executable file")

    print(f"binary {binary}; {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.2f} "
          f"(1 min) at the start; {args.seconds:g} s a measurement")  # fmt: skip
    wheres: list[tuple[str, str | None]] = [("in-process", None), ("process", binary)]
    print("\n(a) MiSettingsVectorEnv, N envs stepped by one batch, default threads: the simulator")
    print("    in this process (as shipped; its CPU counted as Python's) and as a process")
    print(f"{'where':>10} {'envs':>5} {'steps/s':>9} {'µs/step':>8} {'Python µs':>10} "
          f"{'sim µs':>7} {'cores':>6} {'KiB/env':>8} {'vs emulator':>12}")  # fmt: skip
    rates: dict[tuple[str, int], float] = {}
    for where, chosen in wheres:
        for n in sizes:
            run = Batched(chosen, n, None, args.seconds)
            rates[where, n] = run.rate
            per = 1e6 / run.count
            per_env = max(run.peak_kib, 1) / n
            memory = f"{per_env:>8,.0f} {EMULATOR_BYTES / (per_env * 1024):>11,.0f}x"
            print(f"{where:>10} {n:>5} {run.rate:>9,.0f} {1e6 / run.rate:>8.1f} "
                  f"{run.python_cpu * per:>10.1f} {run.simulator_cpu * per:>7.1f} "
                  f"{(run.python_cpu + run.simulator_cpu) / run.elapsed:>6.2f} "
                  f"{memory}")  # fmt: skip
    print("\n(b) threads of the batch in this process (steps/s)")
    for n in [n for n in sizes if n in (16, 64)]:
        line = [f"{n:>5} envs:"]
        for threads in thread_counts:
            line.append(f"{threads} thread(s) {Batched(None, n, threads, args.seconds).rate:,.0f}")
        print("  ".join(line))
    print("\n(c) AsyncVectorEnv (a worker process per environment, its simulator in the worker")
    print("    as shipped, or a simulator process of its own as before)")
    print(f"{'where':>10} {'envs':>5} {'steps/s':>9} {'KiB/env':>8}")
    async_rates: dict[tuple[str, int], float] = {}
    for where, chosen in wheres:
        for n in async_sizes:
            rate, kib = async_run(chosen, n, args.seconds)
            async_rates[where, n] = rate
            print(f"{where:>10} {n:>5} {rate:>9,.0f} {kib:>8,.0f}")
    print("\n(f) Python's own work (the simulator's answer replayed), µs per environment-step")
    for n in [n for n in sizes if n in (16, 64)]:
        print(f"{n:>5} envs: {python_work(n):.1f}")
    for where, _ in wheres:
        if ("in-process", 16) in rates and (where, 4) in async_rates:
            ratio = rates["in-process", 16] / async_rates[where, 4]
            shipped, baseline = rates["in-process", 16], async_rates[where, 4]
            print(f"\nbatch of 16 as shipped / AsyncVectorEnv(4) {where}: {ratio:.1f}x "
                  f"({shipped:,.0f} / {baseline:,.0f} steps/s)")  # fmt: skip
    print(f"load {os.getloadavg()[0]:.2f} (1 min) at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
