"""The simulator inside this process (mi_settings_gym._native): the binary's answers byte for
byte, the observation apart without a change, the command line's refusals, the session's end,
its logs (a forked copy logs nothing), and threads."""

from __future__ import annotations

import json
import os
import threading

import gymnasium as gym
import pytest

import mi_settings_gym
from mi_settings_gym import AgentError, AgentProcess, MiSettingsEnv
from mi_settings_gym.inprocess import InProcessAgent, available, open_simulator

pytestmark = pytest.mark.skipif(not available(), reason="the package was built without _native")

RESET = '{"op":"reset","task":"turn_on_bluetooth","seed":0,"options":{"observation_text":true}}'
# Requests of every kind: the catalogue, resets as objects, text and pixels (both ways of taking
# them), steps that move, refuse and end, renders, the solution, and lines that are not requests.
LINES = [
    '{"op":"tasks"}',
    '{"op":"reset","task":"sign_out_keep_data","seed":3}',
    '{"op":"step","action":{"action_type":"click","index":2}}',
    '{"op":"step","action":"garbage"}',
    '{"op":"step","action":{"action_type":"bogus"}}',
    '{"op":"render"}',
    '{"op":"render","format":"png"}',
    '{"op":"solution"}',
    "not json",
    '{"op":"fly"}',
    "[1,2]",
    '{"op":"reset","task":"no_such_task"}',
    RESET,
    '{"op":"step","action":{"action_type":"click","label":"Bluetooth"}}',
    '{"op":"step","action":{"action_type":"navigate_back"}}',
    '{"op":"reset","task":"turn_on_bluetooth","seed":1,"options":{"observation":"both","scale":2}}',
    '{"op":"step","action":{"action_type":"scroll","direction":"down"}}',
    '{"op":"step","action":{"action_type":"status","goal_status":"complete"}}',
    '{"op":"step","action":{"action_type":"navigate_back"}}',
    "x" * (1024 * 1024 + 5),
]


def _frame(agent):
    frame = agent.frame
    return None if frame is None else (frame[0], bytes(frame[1]))


def test_every_answer_is_the_binarys_byte_for_byte(binary):
    args = ["agent", "--allow-solution"]
    with InProcessAgent(args) as here, AgentProcess(binary, args=args) as there:
        assert here.placement == "in-process"
        assert here.pid is None
        for line in LINES:
            got, want = here.request_line(line), there.request_line(line)
            assert got == want, line[:80]
            assert _frame(here) == _frame(there), line[:80]


def test_an_observation_apart_is_the_one_the_answer_would_hold():
    with InProcessAgent() as whole, InProcessAgent() as apart:
        for line in [RESET, '{"op":"step","action":{"action_type":"click","label":"Bluetooth"}}']:
            full = json.loads(whole.request_line(line))
            answer, text = apart.request_apart(line)
            rest = json.loads(answer)
            assert "observation_text" not in rest
            assert text == full.pop("observation_text")
            assert rest == full
        # Without observation_text asked for, nothing comes apart.
        answer, text = apart.request_apart('{"op":"reset","task":"turn_on_bluetooth"}')
        assert text is None
        assert "observation" in json.loads(answer)


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--bogus"], "--bogus"), (["--batch", "0"], "--batch"), (["--threads", "2"], "--batch")],
)
def test_arguments_the_command_line_refuses_are_refused_so(args, says):
    with pytest.raises(AgentError, match="mi-settings agent") as refused:
        InProcessAgent(["agent", *args])
    assert says in str(refused.value)


def test_a_closed_session_says_so_and_close_may_be_repeated():
    agent = InProcessAgent()
    before = agent.alive
    assert json.loads(agent.request_line('{"op":"close"}')) == {"closed": True}
    assert (before, agent.alive) == (True, False)
    with pytest.raises(AgentError, match="closed"):
        agent.request_line('{"op":"tasks"}')
    agent.close()
    agent.close()
    with pytest.raises(ValueError, match="blank"):
        InProcessAgent().request_line("  ")


def test_episodes_are_logged_at_close_and_a_forked_copy_logs_none(tmp_path):
    agent = InProcessAgent(["agent", "--log-dir", str(tmp_path)])
    agent.request_line(RESET)
    agent.request_line('{"op":"step","action":{"action_type":"navigate_back"}}')
    child = os.fork()
    if child == 0:  # the copy drops its simulator as it ends
        try:
            agent.close()
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert os.listdir(tmp_path) == []
    assert agent.alive
    agent.close()
    logs = sorted(os.listdir(tmp_path))
    assert len(logs) == 1
    assert logs[0].endswith("-turn_on_bluetooth-seed0.json")


def test_threads_each_with_a_simulator_play_as_one_alone():
    click = '{"op":"step","action":{"action_type":"click","index":%d}}'
    steps = [click % (i % 7) for i in range(60)]

    def play(out):
        with InProcessAgent() as agent:
            out.append(agent.request_line(RESET))
            out.extend(agent.request_line(line) for line in steps)

    alone: list[bytes] = []
    play(alone)
    results: list[list[bytes]] = [[] for _ in range(4)]
    threads = [threading.Thread(target=play, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(out == alone for out in results)


def test_the_placement_chooses_where_the_simulator_runs(binary, monkeypatch):
    monkeypatch.delenv(mi_settings_gym.PLACEMENT_ENV, raising=False)
    kinds = {
        None: InProcessAgent,
        "auto": InProcessAgent,
        "in-process": InProcessAgent,
        "process": AgentProcess,
        "free": AgentProcess,
    }
    for placement, kind in kinds.items():
        client = open_simulator(placement=placement)
        try:
            assert type(client) is kind, placement
        finally:
            client.close()
    named = open_simulator(binary)
    try:
        assert type(named) is AgentProcess
    finally:
        named.close()
    with pytest.raises(ValueError, match="no binary"):
        open_simulator(binary, placement="in-process")
    with pytest.raises(ValueError, match="no binary"):
        MiSettingsEnv(binary=binary, placement="in-process")
    # The variable turns it off everywhere; set to in-process, a binary named still wins.
    monkeypatch.setenv(mi_settings_gym.PLACEMENT_ENV, "free")
    env = gym.make(mi_settings_gym.ENV_ID, task="turn_on_bluetooth")
    try:
        env.reset(seed=0)
        inner = env.unwrapped
        assert isinstance(inner, MiSettingsEnv)
        assert inner.client.placement == "free"
    finally:
        env.close()
    monkeypatch.setenv(mi_settings_gym.PLACEMENT_ENV, "in-process")
    named = open_simulator(binary)
    try:
        assert type(named) is AgentProcess
    finally:
        named.close()
