#!/usr/bin/env python3
"""Throughput of the mi-settings agent protocol from Python, on this machine.

    python python/bench.py [--seconds 2] [--binary target/release/mi-settings] [--only env]

Measures, one after another:
  (a) the floor: this package's client writing a ready-made 3 KB JSON line to `cat` and
      json-decoding the echo, round trips/s (about the best any simulator behind a JSON-lines
      pipe can reach from Python);
  (b) steps/s for one environment, observations without the frame text, on a simple task with
      actions that keep the episode alive (open Bluetooth, go back; a reset when the episode is
      truncated, timed apart): the client alone (AgentProcess.step, the answer json-decoded), and
      the Gymnasium environment (gymnasium.make, which takes the observation as the text the
      simulator writes it in, observation_text);
  (c) reset latency (mean, p50, p99 in ms): the simple task, and every task in turn;
  (d) AsyncVectorEnv with 1, 2 and 4 environments, total steps/s (without and with shared memory);
  (e) the Python work on one answer line (a step on the Settings screen), in µs, the fastest of
      five rounds: the environment's (the observation as text), and decoding an answer with the
      observation as an object and encoding it again (what the text saves);
  (f) rgb_array frames/s for one environment at 60x24 (env.step + env.render(), a 480x384x3
      array of one's own each), the frames through shared memory and through the pipe, beside
      the text rate (env.step alone) in the same run, as a ratio;
  (g) where the simulator runs (the `placement` option), --runs times over: the floor (a)
      with `cat` free, placed same-core request by request as the package does it, and both
      held on one CPU for the whole measurement (as `taskset -c N` would); one env through
      gymnasium.make (b) free, as shipped (the default placement, auto: the simulator in this
      process), a process placed by its round trips (placement "process"), same-core, and held
      on one CPU, as steps/s and as a ratio to the free floor of the same run;
      AsyncVectorEnv with 4 envs free, processes placed, and as shipped; then each figure's
      range over the runs, and the load average.
Use the release binary: a debug build is several times slower.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import platform
import shutil
import statistics
import sys
import time
import timeit
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np

import _installed_first  # noqa: F401 (first: the installed package, not this folder's source)
import mi_settings_gym
from mi_settings_gym import AgentProcess, MiSettingsEnv, _reply
from mi_settings_gym.client import decode_answer

TASK = "turn_on_bluetooth"
MEASUREMENTS = ("floor", "client", "env", "reset", "vector", "answer", "pixels", "placement")
#: The most runs of (g) one command makes.
MAX_RUNS = 100
ACTIONS = [{"action_type": "click", "label": "Bluetooth"}, {"action_type": "navigate_back"}]


def timed_loop(seconds: float, body: Callable[[], int]) -> tuple[int, float]:
    """Calls ``body`` (which returns how many operations it did) until ``seconds`` have passed."""
    count = 0
    start = time.perf_counter()
    while True:
        count += body()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count, elapsed


@contextlib.contextmanager
def held_on_one_cpu(pid: int | None) -> Iterator[None]:
    """This thread and every thread of the process ``pid`` on this thread's CPU until the block
    ends (as both started under ``taskset -c N``); nothing where there are no affinity calls."""
    if pid is None or not hasattr(os, "sched_setaffinity"):
        yield
        return
    threads = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    mine = os.sched_getaffinity(0)
    theirs = {thread: os.sched_getaffinity(thread) for thread in threads}
    cpu = ctypes.CDLL(None).sched_getcpu()
    os.sched_setaffinity(0, {cpu})
    for thread in threads:
        os.sched_setaffinity(thread, {cpu})
    try:
        yield
    finally:
        os.sched_setaffinity(0, mine)
        for thread, cpus in theirs.items():
            with contextlib.suppress(OSError):
                os.sched_setaffinity(thread, cpus)


def floor(seconds: float, placement: str = "free", hold: bool = False) -> float:
    """Round trips/s of a 3 KB JSON line through `cat` (see (a)), the two processes placed so
    (``hold``: both on one CPU for the whole measurement)."""
    cat = shutil.which("cat")
    if cat is None:
        raise SystemExit("no `cat` on PATH")
    element = {
        "index": 0,
        "id": "settings.bluetooth",
        "role": "row",
        "label": "Bluetooth",
        "value": "Off",
        "enabled": True,
        "focused": False,
        "clickable": True,
        "in_dialog": False,
        "bbox": [2, 7, 56, 1],
        "on_screen": True,
    }
    message = {
        "observation": {"screen": "settings", "title": "Settings", "elements": [element] * 16}
    }
    size = len(json.dumps(message, separators=(",", ":")))
    assert 2800 <= size <= 3400, size
    line = json.dumps(message, separators=(",", ":")).encode()
    with AgentProcess(cat, args=(), placement=placement) as echo:
        assert json.loads(echo.request_line(line)) == message

        def body() -> int:
            for _ in range(100):
                json.loads(echo.request_line(line))
            return 100

        with held_on_one_cpu(echo.pid) if hold else contextlib.nullcontext():
            count, elapsed = timed_loop(seconds, body)
    return count / elapsed


@dataclass
class Episode:
    """A loop's state: steps into the episode, and the time spent in steps alone."""

    n: int = 0
    step_time: float = 0.0


def client_steps(binary: str, seconds: float) -> tuple[float, float]:
    """Steps/s through AgentProcess alone: of the time in steps, and of the whole (resets too)."""
    with AgentProcess(binary) as agent:
        agent.reset(TASK, 0)
        state = Episode()

        def body() -> int:
            t0 = time.perf_counter()
            reply = agent.step(ACTIONS[state.n % 2])
            state.step_time += time.perf_counter() - t0
            state.n += 1
            if reply["terminated"] or reply["truncated"]:
                agent.reset(TASK, state.n)
                state.n = 0
            return 1

        count, elapsed = timed_loop(seconds, body)
    return count / state.step_time, count / elapsed


@dataclass
class Rate:
    """Steps/s of the time in steps, and of the whole (resets too); the share of requests
    sent with the simulator on the client's CPU."""

    pure: float
    overall: float
    placed: float


def env_steps(binary: str, seconds: float, hold: bool = False, **kwargs: Any) -> Rate:
    """Steps/s of ``env.step`` (``gymnasium.make``; ``kwargs`` go to it; ``hold``: the
    simulator and this thread on one CPU for the whole measurement). With
    ``render_mode="rgb_array"`` among ``kwargs``, a step is ``env.step`` and ``env.render()``
    (a 480x384x3 frame at 60x24)."""
    # As shipped (in-process): the simulator built into the package, no binary.
    named = None if kwargs.get("placement") == "in-process" else binary
    env = gym.make(mi_settings_gym.ENV_ID, task=TASK, binary=named, **kwargs)
    rendered = kwargs.get("render_mode") == "rgb_array"
    try:
        env.reset(seed=0)
        state = Episode()

        def body() -> int:
            t0 = time.perf_counter()
            _, _, terminated, truncated, _ = env.step(ACTIONS[state.n % 2])
            frame = env.render() if rendered else None
            state.step_time += time.perf_counter() - t0
            if rendered:
                assert isinstance(frame, np.ndarray)
                assert frame.shape == (384, 480, 3)
            state.n += 1
            if terminated or truncated:
                env.reset()
                state.n = 0
            return 1

        inner = env.unwrapped
        assert isinstance(inner, MiSettingsEnv)
        with held_on_one_cpu(inner.pid) if hold else contextlib.nullcontext():
            count, elapsed = timed_loop(seconds, body)
        placed, requests = inner.client.placed_requests
    finally:
        env.close()
    return Rate(count / state.step_time, count / elapsed, placed / max(1, requests))


def frames(binary: str, seconds: float, shared: bool) -> float:
    """rgb_array frames/s: ``env.step`` and ``env.render()`` (60x24, scale 1), resets apart."""
    return env_steps(binary, seconds, render_mode="rgb_array", shared_pixels=shared).pure


def reset_latency(binary: str, seconds: float, every_task: bool) -> list[float]:
    env = MiSettingsEnv(binary=binary, task=TASK)
    try:
        tasks = env.task_ids if every_task else [TASK]
        times: list[float] = []

        def body() -> int:
            task = tasks[len(times) % len(tasks)]
            t0 = time.perf_counter()
            env.reset(seed=len(times) % 10, options={"task": task})
            times.append(time.perf_counter() - t0)
            return 1

        timed_loop(seconds, body)
    finally:
        env.close()
    return times


def vector_steps(
    binary: str, num_envs: int, shared_memory: bool, seconds: float, **kwargs: Any
) -> float:
    # As shipped (in-process): each worker with the simulator built into the package.
    named = None if kwargs.get("placement") == "in-process" else binary
    envs = mi_settings_gym.make_vector_env(
        num_envs, shared_memory=shared_memory, task=TASK, binary=named, **kwargs
    )
    try:
        envs.reset(seed=list(range(num_envs)))
        batches = [tuple(json.dumps(a) for _ in range(num_envs)) for a in ACTIONS]
        state = Episode()

        def body() -> int:
            # Truncations autoreset inside the workers (Gymnasium's next-step autoreset).
            envs.step(batches[state.n % 2])
            state.n += 1
            return num_envs

        timed_loop(0.2, body)  # warm up
        count, elapsed = timed_loop(seconds, body)
    finally:
        envs.close()
    return count / elapsed


def answer_work(binary: str, seconds: float) -> tuple[int, bool, float, float]:
    """The Python work on one answer line: its size, whether the observation came as text, and
    the µs of the environment's read (the observation as text) and of decoding an answer with
    the observation as an object and encoding it again (what the text saves)."""
    lines = {}
    for as_text in (True, False):
        with AgentProcess(binary) as agent:
            agent.call({"op": "reset", "task": TASK, "seed": 0,
                        "options": {"observation_text": as_text}})  # fmt: skip
            wait = {"op": "step", "action": {"action_type": "wait", "seconds": 1}}
            lines[as_text] = agent.request_line(json.dumps(wait))

    def whole() -> str:
        return _reply.encode(decode_answer(lines[False])["observation"])

    def text() -> str | None:
        return _reply.read_answer(lines[True])[1]

    assert text() == whole()

    def microseconds(work: Callable[[], object]) -> float:
        number = max(1, round(seconds / 10 / 50e-6))  # about a tenth of the time a round
        return min(timeit.repeat(work, number=number, repeat=5)) / number * 1e6

    return len(lines[True]), text() is not None, microseconds(text), microseconds(whole)


def placement(binary: str, seconds: float, runs: int) -> list[tuple[str, str]]:
    """(g): each run's figures as they come, then each figure's range over the runs."""
    figures: dict[str, list[float]] = {}
    notes: dict[str, list[float]] = {}
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    for run in range(1, runs + 1):
        got = {
            "cat free": floor(seconds),
            "cat same-core": floor(seconds, placement="same-core"),
            "cat held": floor(seconds, hold=True),
        }
        for name, kwargs in (
            ("env free", {"placement": "free"}),
            ("env shipped", {"placement": "in-process"}),
            ("env process", {"placement": "process"}),
            ("env same-core", {"placement": "same-core"}),
            ("env held", {"placement": "free", "hold": True}),
        ):
            rate = env_steps(binary, seconds, **kwargs)
            got[name] = rate.pure
            notes.setdefault(name, []).append(rate.placed)
        got["vector4 free"] = vector_steps(binary, 4, False, seconds, placement="free")
        got["vector4 process"] = vector_steps(binary, 4, False, seconds)
        got["vector4 shipped"] = vector_steps(binary, 4, False, seconds, placement="in-process")
        for name, value in got.items():
            figures.setdefault(name, []).append(value)
            if name.startswith("env"):
                figures.setdefault(name + " ratio", []).append(value / got["cat free"])
        print(
            f"    run {run}: " + ", ".join(f"{name} {value:,.0f}" for name, value in got.items()),
            flush=True,
        )

    def span(name: str, digits: int = 0) -> str:
        low, high = min(figures[name]), max(figures[name])
        return f"{low:,.{digits}f}" if low == high else f"{low:,.{digits}f}-{high:,.{digits}f}"

    def env(name: str) -> str:
        placed = notes[name]
        return (
            f"{span(name)} steps/s, {span(name + ' ratio', 2)}x the free floor "
            f"({min(placed):.0%}-{max(placed):.0%} of requests placed)"
        )

    if load is not None:
        after = os.getloadavg()
        load_text = f"{load[0]:.2f} before, {after[0]:.2f} after (1-minute load average)"
    else:
        load_text = "not known here"
    return [
        (f"(g) {runs} run{'s' if runs > 1 else ''}, load", load_text),
        ("(g) floor, `cat` free", f"{span('cat free')} round trips/s"),
        (
            "(g) floor, `cat` same-core (request by request)",
            f"{span('cat same-core')} round trips/s",
        ),
        ("(g) floor, `cat` held on one CPU (taskset)", f"{span('cat held')} round trips/s"),
        ("(g) one env, gymnasium.make, free", env("env free")),
        ("(g) one env, gymnasium.make, as shipped (auto: in-process)", env("env shipped")),
        ("(g) one env, gymnasium.make, a process placed (auto)", env("env process")),
        ("(g) one env, gymnasium.make, same-core", env("env same-core")),
        ("(g) one env, gymnasium.make, held on one CPU (taskset)", env("env held")),
        (
            "(g) one env as shipped at 2x the free floor or more",
            f"in {sum(r >= 2 for r in figures['env shipped ratio'])} of {runs} runs",
        ),
        ("(g) AsyncVectorEnv, 4 envs, free", f"{span('vector4 free')} steps/s total"),
        (
            "(g) AsyncVectorEnv, 4 envs, processes placed (auto)",
            f"{span('vector4 process')} steps/s total",
        ),
        (
            "(g) AsyncVectorEnv, 4 envs, as shipped (in each worker's process)",
            f"{span('vector4 shipped')} steps/s total",
        ),
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=2.0, help="time for each measurement (default 2)"
    )
    parser.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    parser.add_argument(
        "--only",
        action="append",
        choices=MEASUREMENTS,
        help="run only this measurement (repeatable): " + ", ".join(MEASUREMENTS),
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help=f"how many times (g) measures its figures, 1 to {MAX_RUNS} (default 3)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= MAX_RUNS:
        parser.error(f"--runs must be from 1 to {MAX_RUNS}, not {args.runs}")
    binary = mi_settings_gym.find_binary(args.binary)
    s = args.seconds
    only = set(args.only or MEASUREMENTS)

    print(
        f"mi-settings agent from Python {platform.python_version()}, gymnasium {gym.__version__}, "
        f"{os.cpu_count()} cores; binary {binary}; {s:g} s a measurement"
    )
    rows: list[tuple[str, str]] = []

    def row(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"  {name:<58} {value}", flush=True)

    if "floor" in only:
        row("(a) floor: 3 KB JSON line echoed by `cat`", f"{floor(s):,.0f} round trips/s")
    if "client" in only:
        pure, overall = client_steps(binary, s)
        row(
            "(b) one env, client only (AgentProcess.step)",
            f"{pure:,.0f} steps/s ({overall:,.0f} with resets)",
        )
    if "env" in only:
        steps = env_steps(binary, s)
        row(
            "(b) one env, gymnasium.make env.step",
            f"{steps.pure:,.0f} steps/s ({steps.overall:,.0f} with resets)",
        )
    for every_task, name in (
        (False, f"(c) reset latency, {TASK}"),
        (True, "(c) reset latency, every task in turn"),
    ):
        if "reset" not in only:
            break
        times = [t * 1000 for t in reset_latency(binary, s, every_task)]
        row(
            name,
            f"mean {statistics.fmean(times):.3f} ms, p50 {percentile(times, 50):.3f}, "
            f"p99 {percentile(times, 99):.3f} (n={len(times)})",
        )
    for shared_memory in (False, True):
        for n in (1, 2, 4) if "vector" in only else ():
            rate = vector_steps(binary, n, shared_memory, s)
            row(
                f"(d) AsyncVectorEnv, {n} env{'s' if n > 1 else ''}, shared_memory={shared_memory}",
                f"{rate:,.0f} steps/s total",
            )
    if "answer" in only:
        size, taken, as_text, whole = answer_work(binary, s)
        row(
            f"(e) Python work on a {size:,} B answer (a step on Settings)",
            f"{as_text:.1f} µs ({'as text' if taken else 'no observation text'}), "
            f"as an object, encoded again {whole:.1f} µs",
        )
    if "pixels" in only:
        text = env_steps(binary, s).pure
        shared = frames(binary, s, shared=True)
        piped = frames(binary, s, shared=False)
        row(
            "(f) one env at 60x24, rgb_array: env.step + env.render()",
            f"{shared:,.0f} frames/s through /dev/shm, {piped:,.0f} through the pipe; "
            f"text {text:,.0f} steps/s ({shared / text:.2f}x, {piped / text:.2f}x)",
        )
    if "placement" in only:
        for name, value in placement(binary, s, args.runs):
            row(name, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
