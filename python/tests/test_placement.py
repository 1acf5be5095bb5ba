"""Where the simulator runs: the placement option, its environment variable, that same-core
pins the simulator to the client's CPU (and gives the client's thread back its CPUs), that free
leaves both alone, auto's choice from round trips, and AsyncVectorEnv's workers staying free."""

from __future__ import annotations

import json
import os
import shutil
import sys

import gymnasium as gym
import pytest

import mi_settings_gym
from mi_settings_gym import AgentProcess, MiSettingsEnv
from mi_settings_gym._placement import (
    CALIBRATION,
    EXPLORE,
    PLACEMENT_ENV,
    ROUND,
    WAYS,
    Chooser,
    resolve_placement,
    start_placement,
)

AFFINITY = hasattr(os, "sched_getaffinity") and sys.platform.startswith("linux")
CPUS = os.sched_getaffinity(0) if AFFINITY else set()
needs_two_cpus = pytest.mark.skipif(
    len(CPUS) < 2, reason="same-core placement needs Linux and at least two CPUs to choose from"
)
CAT = shutil.which("cat")
LINE = json.dumps({"echo": "x" * 100})


@pytest.fixture(autouse=True)
def _no_placement_variable(monkeypatch):
    monkeypatch.delenv(PLACEMENT_ENV, raising=False)


def test_placements_resolve(monkeypatch):
    for placement in ("auto", "same-core", "free"):
        assert resolve_placement(placement) == placement
    assert resolve_placement(None) == "auto"
    monkeypatch.setenv(PLACEMENT_ENV, "free")
    assert resolve_placement(None) == "free"
    assert resolve_placement("same-core") == "same-core"  # an argument wins over the variable
    monkeypatch.setenv(PLACEMENT_ENV, "")
    assert resolve_placement(None) == "auto"


def test_a_placement_that_is_none_is_refused_naming_its_source(monkeypatch, binary):
    with pytest.raises(ValueError, match=r"^placement must be one of .*'same-core'.*not 'pinned'"):
        resolve_placement("pinned")
    with pytest.raises(ValueError, match="placement must be one of"):
        MiSettingsEnv(placement="same_core")
    with pytest.raises(ValueError, match="placement must be one of"):
        gym.make(mi_settings_gym.ENV_ID, placement="everywhere")
    with pytest.raises(ValueError, match="placement must be one of"):
        AgentProcess(binary, placement="Auto")
    monkeypatch.setenv(PLACEMENT_ENV, "off")
    with pytest.raises(ValueError, match=r"^\$MI_SETTINGS_PLACEMENT must be one of .* not 'off'"):
        MiSettingsEnv()


def echo(placement: str) -> AgentProcess:
    """`cat` as the simulator: it answers each line with the line."""
    assert CAT is not None
    return AgentProcess(CAT, args=(), placement=placement)


def child_and_thread_cpus(agent: AgentProcess) -> tuple[set[int], set[int]]:
    pid = agent.pid
    assert pid is not None
    return os.sched_getaffinity(pid), os.sched_getaffinity(0)


@needs_two_cpus
def test_same_core_pins_the_child_to_the_clients_cpu_and_gives_the_thread_back():
    with echo("same-core") as agent:
        assert agent.placement == "same-core"
        assert child_and_thread_cpus(agent) == (CPUS, CPUS)  # nothing pinned yet
        for n in range(1, 6):
            assert agent.request_line(LINE) == LINE.encode()
            child, thread = child_and_thread_cpus(agent)
            assert len(child) == 1
            assert child <= CPUS
            assert thread == CPUS
            assert agent.placed_requests == (n, n)


@needs_two_cpus
def test_same_core_follows_the_client_to_another_cpu():
    try:
        with echo("same-core") as agent:
            for cpu in sorted(CPUS)[:2]:
                os.sched_setaffinity(0, {cpu})  # the client moves to this CPU
                agent.request_line(LINE)
                assert child_and_thread_cpus(agent) == ({cpu}, {cpu})
    finally:
        os.sched_setaffinity(0, CPUS)


@needs_two_cpus
def test_free_leaves_the_child_and_the_thread_alone():
    with echo("free") as agent:
        assert agent.placement == "free"
        for _ in range(3):
            agent.request_line(LINE)
            assert child_and_thread_cpus(agent) == (CPUS, CPUS)
        assert agent.placed_requests == (0, 0)


def test_the_client_alone_is_free_by_default_and_the_env_auto(binary, make):
    with AgentProcess(binary) as agent:
        assert agent.placement == "free"
    # auto: in this process where the package has the simulator built in and no binary is
    # named; a named binary's process placed by its round trips.
    env = make(task="turn_on_bluetooth", placement=None)
    env.reset(seed=0)
    assert env.client.placement == "in-process"
    assert env.pid is None
    env = make(task="turn_on_bluetooth", binary=binary)
    env.reset(seed=0)
    assert env.client.placement == ("auto" if len(CPUS) >= 2 else "free")
    env = make(task="turn_on_bluetooth", placement="process")
    env.reset(seed=0)
    assert env.client.placement == ("auto" if len(CPUS) >= 2 else "free")


def thread_cpus(pid: int) -> list[set[int]]:
    """The CPUs of each thread of the process ``pid``."""
    return [os.sched_getaffinity(int(t)) for t in os.listdir(f"/proc/{pid}/task")]


@needs_two_cpus
def test_every_thread_of_the_simulator_follows_the_client(make):
    env = make(task="turn_on_bluetooth", placement="same-core")
    try:
        for cpu in sorted(CPUS)[:2]:
            os.sched_setaffinity(0, {cpu})  # the client moves to this CPU
            env.reset(seed=0)
            env.step({"action_type": "wait"})
            assert env.pid is not None
            threads = thread_cpus(env.pid)
            assert len(threads) >= 2  # the simulator reads its input on a thread of its own
            assert threads == [{cpu}] * len(threads)
    finally:
        os.sched_setaffinity(0, CPUS)


@needs_two_cpus
def test_gym_make_passes_the_placement_on(binary):
    env = gym.make(mi_settings_gym.ENV_ID, task="turn_on_bluetooth", placement="same-core")
    try:
        env.reset(seed=0)
        env.step({"action_type": "wait"})
        inner = env.unwrapped
        assert isinstance(inner, MiSettingsEnv)
        assert inner.client.placement == "same-core"
        assert inner.client.placed_requests == (2, 2)
        assert inner.pid is not None
        assert len(os.sched_getaffinity(inner.pid)) == 1
    finally:
        env.close()


@needs_two_cpus
@pytest.mark.parametrize(("variable", "pinned"), [("free", False), ("same-core", True)])
def test_the_environment_variable_sets_the_default(monkeypatch, make, variable, pinned):
    monkeypatch.setenv(PLACEMENT_ENV, variable)
    env = make(task="turn_on_bluetooth", placement=None)
    env.reset(seed=0)
    env.step({"action_type": "wait"})
    assert env.client.placement == variable
    assert env.client.placed_requests == ((2, 2) if pinned else (0, 0))
    assert env.pid is not None
    child = os.sched_getaffinity(env.pid)
    assert (len(child) == 1) if pinned else (child == CPUS)
    # An argument wins over the variable.
    other = make(task="turn_on_bluetooth", placement="same-core" if not pinned else "free")
    other.reset(seed=0)
    assert other.client.placement == ("free" if pinned else "same-core")


@pytest.mark.parametrize("elsewhere", ["macos", "no affinity calls"])
def test_without_affinity_calls_every_placement_is_free(monkeypatch, elsewhere):
    if elsewhere == "macos":
        monkeypatch.setattr("mi_settings_gym._placement.sys.platform", "darwin")
    else:  # as on macOS, whose os module has neither
        monkeypatch.delattr(os, "sched_setaffinity", raising=False)
        monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    for placement in ("auto", "same-core", "free"):
        with echo(placement) as agent:
            assert agent.placement == "free"
            assert agent.request_line(LINE) == LINE.encode()
            assert agent.placed_requests == (0, 0)


@needs_two_cpus
def test_a_failing_affinity_call_turns_placement_off_not_the_requests(monkeypatch):

    def refuse(pid: int, cpus: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    with echo("same-core") as agent:
        monkeypatch.setattr(os, "sched_setaffinity", refuse)
        assert agent.request_line(LINE) == LINE.encode()
        assert agent.placement == "free"
        assert agent.request_line(LINE) == LINE.encode()
        assert agent.placed_requests == (0, 2)


@needs_two_cpus
def test_auto_with_one_cpu_allowed_is_free():
    try:
        os.sched_setaffinity(0, {min(CPUS)})
        assert start_placement("auto", os.getpid()) is None
        assert start_placement("same-core", os.getpid()) is not None
    finally:
        os.sched_setaffinity(0, CPUS)


def play_rounds(chooser: Chooser, rounds: int, **seconds: float) -> list[str]:
    """Tells ``chooser`` round trips of ``seconds[way]`` for each way; how each round went."""
    ways = []
    for _ in range(rounds):
        ways.append(chooser.way)
        for _ in range(ROUND):
            chooser.record(seconds[chooser.way])
    return ways


CALIBRATED = len(WAYS) * CALIBRATION


def test_auto_calibrates_every_way_then_keeps_the_fastest_and_explores():
    rounds = CALIBRATED + 4 * EXPLORE
    ways = play_rounds(Chooser(), rounds, both=30e-6, child=60e-6, free=100e-6)
    assert ways[:CALIBRATED] == list(WAYS) * CALIBRATION
    assert ways[CALIBRATED:].count("both") == 4 * EXPLORE - 4  # one round in EXPLORE another way
    assert ways[CALIBRATED:].count("child") == 2
    assert ways[CALIBRATED:].count("free") == 2
    ways = play_rounds(Chooser(), rounds, both=60e-6, child=30e-6, free=100e-6)
    assert ways[CALIBRATED:].count("child") == 4 * EXPLORE - 4
    ways = play_rounds(Chooser(), rounds, both=100e-6, child=120e-6, free=30e-6)
    assert ways[CALIBRATED:].count("free") == 4 * EXPLORE - 4
    # A placed way must be clearly faster (under MARGIN of free) to be kept.
    ways = play_rounds(Chooser(), rounds, both=95e-6, child=96e-6, free=100e-6)
    assert ways[CALIBRATED:].count("free") == 4 * EXPLORE - 4


def test_auto_changes_its_mind_when_the_machine_changes():
    chooser = Chooser()
    before = play_rounds(chooser, CALIBRATED + EXPLORE, both=30e-6, child=60e-6, free=100e-6)
    assert before[-1] == "both"
    # Placed turns slow (its CPU busy): the next rounds placed show it, and free wins.
    after = play_rounds(chooser, 2 * EXPLORE, both=300e-6, child=300e-6, free=100e-6)
    assert after[-EXPLORE:].count("free") == EXPLORE - 1


@needs_two_cpus
def test_auto_plays_each_way_in_turn_first():
    with echo("auto") as agent:
        assert agent.placement == "auto"
        for _ in range(ROUND):  # the first round: both on the client's CPU
            agent.request_line(LINE)
            assert child_and_thread_cpus(agent)[1] == CPUS
        assert len(child_and_thread_cpus(agent)[0]) == 1
        for _ in range(ROUND):  # the second: the child alone pinned, to the sender's CPU
            agent.request_line(LINE)
            child, thread = child_and_thread_cpus(agent)
            assert len(child) == 1
            assert thread == CPUS
        for _ in range(ROUND):  # the third free
            agent.request_line(LINE)
            assert child_and_thread_cpus(agent) == (CPUS, CPUS)
        assert agent.placed_requests == (2 * ROUND, 3 * ROUND)


@needs_two_cpus
def test_async_vector_env_workers_stay_free_each_simulator_on_one_cpu():
    num_envs = 4
    envs = mi_settings_gym.make_vector_env(
        num_envs, task="turn_on_bluetooth", placement="same-core"
    )
    try:
        envs.reset(seed=list(range(num_envs)))
        action = json.dumps({"action_type": "wait"})
        for _ in range(3):
            envs.step((action,) * num_envs)
        workers = [process.pid or 0 for process in envs.processes]
        simulators = envs.get_attr("pid")
        assert len(set(simulators)) == num_envs
        for worker, simulator in zip(workers, simulators, strict=True):
            # The worker (the client) is free between steps, so that the kernel spreads the
            # workers over the CPUs; its simulator is on one CPU, the worker's at its last step.
            assert os.sched_getaffinity(worker) == CPUS
            assert len(os.sched_getaffinity(simulator)) == 1
    finally:
        envs.close()
