"""The Gymnasium environment: check_env, registration, reset/step/render, determinism."""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
from typing import Any

import gymnasium as gym
import pytest

import mi_settings_gym
from mi_settings_gym import AgentProcess, MiSettingsEnv, ProtocolError
from mi_settings_gym.examples import random_agent

SIMPLE = "turn_on_bluetooth"


def test_check_env_passes(binary, check_quietly):
    check_quietly(gym.make(mi_settings_gym.ENV_ID, task=SIMPLE, render_mode="ansi"))


def test_check_env_passes_without_render_mode(binary, check_quietly):
    # check_env then makes one environment per render mode through the spec.
    check_quietly(gym.make(mi_settings_gym.ENV_ID))


def test_registered_and_made_through_gymnasium():
    assert mi_settings_gym.ENV_ID in gym.registry
    env = gym.make(mi_settings_gym.ENV_ID, task=SIMPLE)
    try:
        assert isinstance(env.unwrapped, MiSettingsEnv)
        obs, info = env.reset(seed=0)
        assert env.observation_space.contains(obs)
        assert info["task"] == SIMPLE
    finally:
        env.close()


def test_construction_starts_nothing():
    env = MiSettingsEnv(binary="/nonexistent/mi-settings")  # the binary is looked for at reset
    assert env._client is None
    with pytest.raises(FileNotFoundError, match="not an executable"):
        env.reset()
    env.close()


def test_default_task_is_the_first_in_the_catalogue(make, catalogue):
    env = make()
    _, info = env.reset(seed=0)
    assert info["task"] == catalogue[0]["id"]


def test_reset_observation_and_info(make, catalogue):
    env = make(task=SIMPLE)
    obs, info = env.reset(seed=4)
    assert isinstance(obs, str)
    assert obs.isascii()
    assert env.observation_space.contains(obs)
    o = json.loads(obs)
    assert o == env.last_observation
    # Fields with nothing to say (address, dialog, toast, notification) are left out.
    assert {"screen", "title", "surface", "status", "elements"} <= o.keys()
    assert o["surface"] in {"phone", "browser"}
    assert "frame" not in o
    assert o["goal"] == info["goal"]
    entry = next(t for t in catalogue if t["id"] == SIMPLE)
    assert info["task"] == SIMPLE
    assert info["seed"] == 4
    assert info["max_steps"] == entry["max_steps"]
    assert info["kind"] == entry["kind"]
    for i, element in enumerate(o["elements"]):
        assert element["index"] == i
        assert {"id", "role", "label", "enabled", "focused", "on_screen"} <= element.keys()
        # (A null field may be left out.)
        assert (element.get("bbox") is not None) == element["on_screen"]
        if element.get("bbox") is not None:
            x, y, w, h = element["bbox"]
            assert x >= 0
            assert y >= 0
            assert w > 0
            assert h > 0
            assert x + w <= 60
            assert y + h <= 24
    assert any(e["id"] == "settings.bluetooth" for e in o["elements"])


def test_options_override_task_and_size(make):
    env = make(task=SIMPLE, render_mode="ansi")
    _, info = env.reset(
        seed=0, options={"task": "what_is_my_mi_account_id", "width": 80, "height": 30}
    )
    assert info["task"] == "what_is_my_mi_account_id"
    lines = env.render().split("\n")
    assert len(lines) == 30
    assert max(len(line) for line in lines) <= 80
    _, info = env.reset(seed=0)  # the options held for one episode
    assert info["task"] == SIMPLE
    assert len(env.render().split("\n")) == 24
    with pytest.raises(ProtocolError):
        env.reset(options={"task": "no_such_task"})
    with pytest.raises(ProtocolError):
        env.reset(options={"width": 5})


def test_chinese_phone_by_the_language_option(make):
    env = make(task=SIMPLE)
    obs, info = env.reset(seed=0, options={"language": "zh-CN"})
    assert "蓝牙" in info["goal"]
    assert obs.isascii()  # Chinese is escaped in the text space, and reads back whole
    o = json.loads(obs)
    assert o["title"] == "设置"
    obs, _, _, _, info = env.step({"action_type": "click", "label": "蓝牙"})
    assert json.loads(obs)["title"] == "蓝牙"
    assert "error" not in info
    # The reference solution, written in English, does it too.
    env.reset(seed=0, options={"language": "zh-CN"})
    for action in env.solution():
        _, reward, terminated, _, _ = env.step(action)
    assert (reward, terminated) == (1.0, True)
    _, info = env.reset(seed=0)  # the option held for one episode
    assert "Bluetooth" in info["goal"]


def test_steps_by_label_id_index_and_cell(make):
    env = make(task=SIMPLE)
    obs, _ = env.reset(seed=0)
    o = json.loads(obs)
    bluetooth = next(e for e in o["elements"] if e["id"] == "settings.bluetooth")
    for action in (
        {"action_type": "click", "label": "Bluetooth"},
        {"action_type": "click", "id": "settings.bluetooth"},
        {"action_type": "click", "index": bluetooth["index"]},
        {"action_type": "click", "x": bluetooth["bbox"][0] + 1, "y": bluetooth["bbox"][1]},
        json.dumps({"action_type": "click", "label": "Bluetooth"}),  # a JSON string works too
    ):
        env.reset(seed=0)
        obs, reward, terminated, truncated, info = env.step(action)
        assert json.loads(obs)["screen"] != o["screen"], action
        assert (reward, terminated, truncated) == (0.0, False, False)
        assert info["steps"] == 1
        assert "error" not in info
        obs, reward, terminated, truncated, info = env.step({"action_type": "navigate_back"})
        assert json.loads(obs)["screen"] == o["screen"]


def test_reference_solution_earns_reward_one(make):
    env = make(task=SIMPLE)
    env.reset(seed=0)
    actions = env.solution()
    assert actions
    assert all("action_type" in a for a in actions)
    for action in actions:
        _, reward, terminated, truncated, info = env.step(action)
    assert (reward, terminated, truncated) == (1.0, True, False)
    assert info["steps"] == len(actions)


def test_impossible_actions_say_why_and_count(make):
    env = make(task=SIMPLE)
    obs0, _ = env.reset(seed=0)
    impossible = [
        {"action_type": "click", "index": 10_000},
        {"action_type": "click", "label": "No such row"},
        {"action_type": "click"},
        {"action_type": "fly"},
        {"action_type": "scroll", "direction": "sideways"},
        {"action_type": "input_text"},
    ]
    for n, action in enumerate(impossible, 1):
        obs, reward, terminated, truncated, info = env.step(action)
        assert info.get("error"), action
        assert info["steps"] == n
        assert (reward, terminated, truncated) == (0.0, False, False)
        assert json.loads(obs)["screen"] == json.loads(obs0)["screen"]


def test_refused_actions_change_nothing(make):
    env = make(task=SIMPLE)
    env.reset(seed=0)
    env.step({"action_type": "wait", "seconds": 1})
    last, *_ = env.step({"action_type": "wait", "seconds": 1})
    for n, action in enumerate(
        (
            "not json at all",
            "[1, 2]",
            {"action_type": "click", "colour": "red"},
            '"click"',
        ),
        1,
    ):
        obs, reward, terminated, truncated, info = env.step(action)
        assert obs == last
        assert (reward, terminated, truncated) == (0.0, False, False)
        # A malformed action is a step that did nothing (it counts towards max_steps).
        assert info["error"]
        assert info["steps"] == 2 + n
    with pytest.raises(TypeError):
        env.step(42)


def test_wrong_answer_terminates_with_zero(make):
    env = make(task="what_is_my_mi_account_id")
    env.reset(seed=0)
    _, reward, terminated, truncated, info = env.step(
        {"action_type": "answer", "text": "certainly not the id"}
    )
    assert (reward, terminated, truncated) == (0.0, True, False)
    # A step after the end is refused, and still says the episode is over.
    _, reward, terminated, truncated, info = env.step({"action_type": "navigate_back"})
    assert (reward, terminated) == (0.0, True)
    assert "error" in info


def test_wrong_status_terminates_with_zero(make):
    env = make(task=SIMPLE)
    env.reset(seed=0)
    _, reward, terminated, _, _ = env.step({"action_type": "status", "goal_status": "infeasible"})
    assert (reward, terminated) == (0.0, True)


def test_truncated_at_max_steps(make):
    env = make(task=SIMPLE)
    _, info = env.reset(seed=0)
    for n in range(1, info["max_steps"] + 1):
        _, reward, terminated, truncated, step_info = env.step(
            {"action_type": "wait", "seconds": 1}
        )
        assert not terminated
        assert reward == 0.0
        assert truncated == (n == info["max_steps"])
    assert step_info["steps"] == info["max_steps"]


def test_render_ansi_and_frame_in_observation(make):
    env = make(task=SIMPLE, render_mode="ansi", frame=True)
    obs, _ = env.reset(seed=0)
    frame = env.render()
    assert isinstance(frame, str)
    assert json.loads(obs)["frame"] == frame
    lines = frame.split("\n")
    assert len(lines) == 24
    assert all(len(line) <= 60 for line in lines)
    assert "Bluetooth" in frame
    obs, *_ = env.step({"action_type": "click", "label": "Bluetooth"})
    assert json.loads(obs)["frame"] == env.render() != frame


def test_render_without_mode_returns_none(make):
    env = make(task=SIMPLE)
    env.reset(seed=0)
    with pytest.warns(UserWarning, match="without a render_mode"):
        assert env.render() is None


def _play(
    env: MiSettingsEnv, task: str, seed: int, actions_seed: int, steps: int
) -> list[tuple[Any, ...]]:
    """Observations of an episode under a fixed random policy."""
    rng = random.Random(actions_seed)
    obs, info = env.reset(seed=seed, options={"task": task})
    trace: list[tuple[Any, ...]] = [(obs, info)]
    for _ in range(steps):
        action = random_agent.random_action(json.loads(obs), rng)
        obs, reward, terminated, truncated, info = env.step(action)
        trace.append((action, obs, reward, terminated, truncated, info))
        if terminated or truncated:
            break
    return trace


@pytest.mark.parametrize(
    "task", [SIMPLE, "forgot_password_on_the_phone", "secure_the_account_on_the_website"]
)
def test_determinism(make, task):
    """Same task, seed and actions: identical observations, rewards and infos, in another
    process."""
    a, b = make(frame=True), make(frame=True)
    for seed in (0, 7):
        first = _play(a, task, seed, actions_seed=seed, steps=40)
        assert len(first) > 1
        assert first == _play(b, task, seed, actions_seed=seed, steps=40)
        assert first == _play(a, task, seed, actions_seed=seed, steps=40)  # and after a reset


def test_seeds_pick_variants(make):
    env = make(task="forgot_password_on_the_phone")
    goals = {env.reset(seed=seed)[1]["goal"] for seed in range(10)}
    assert len(goals) > 1


def test_unseeded_resets_follow_the_first_seed(make):
    a, b = make(task="*"), make(task="*")
    a.reset(seed=11)
    b.reset(seed=11)
    infos_a = [a.reset()[1] for _ in range(5)]
    infos_b = [b.reset()[1] for _ in range(5)]
    assert infos_a == infos_b
    assert len({i["task"] for i in infos_a}) > 1  # "*" draws tasks from the catalogue


def test_task_list(make):
    env = make(task=[SIMPLE, "what_is_my_mi_account_id"])
    env.reset(seed=0)
    tasks = {env.reset()[1]["task"] for _ in range(20)}
    assert tasks == {SIMPLE, "what_is_my_mi_account_id"}


def test_step_before_reset(make):
    env = make(task=SIMPLE)
    with pytest.raises(gym.error.ResetNeeded):
        env.step({"action_type": "navigate_back"})


def test_pickled_env_starts_its_own_process(make):
    env = make(task=SIMPLE, placement="process")
    env.reset(seed=0)
    copy = pickle.loads(pickle.dumps(env))
    try:
        assert copy._client is None
        obs, _ = copy.reset(seed=0)
        assert copy.client.pid != env.client.pid
        assert obs == env.reset(seed=0)[0]
    finally:
        copy.close()


def test_close_ends_the_process_and_reset_restarts(make):
    env = make(task=SIMPLE, placement="process")
    first, _ = env.reset(seed=0)
    proc = env.client._proc
    env.close()
    assert proc.returncode == 0
    env.close()
    obs, _ = env.reset(seed=0)  # usable again: a new process, the same start
    assert env.client._proc is not proc
    assert env.client.alive
    assert obs == first


def test_a_crashed_process_is_restarted_at_reset(make):
    env = make(task=SIMPLE, placement="process")
    env.reset(seed=0)
    env.client._proc.kill()
    env.client._proc.wait()
    with pytest.raises(mi_settings_gym.AgentError):
        env.step({"action_type": "navigate_back"})
    obs, _ = env.reset(seed=0)
    assert json.loads(obs)["screen"] == "settings"


def test_log_dir_writes_fixtures(make, binary, tmp_path):
    """An episode played with ``log_dir`` is logged as a fixture that names its task, holds the
    steps played and what held at the end, and replays green."""
    env = make(task=SIMPLE, log_dir=tmp_path / "episodes")
    env.reset(seed=0)
    solution = env.solution()
    for action in solution:
        env.step(action)
    env.close()
    written = list((tmp_path / "episodes").glob("*.json"))
    assert len(written) == 1
    assert SIMPLE in written[0].name
    log = json.loads(written[0].read_text(encoding="utf-8"))
    assert log["task"] == {"id": SIMPLE, "seed": 0}
    assert log["steps"][-1] == {"expect_task": True}  # the task done, as the reward said
    assert len(log["steps"]) == len(solution) + 2  # and the screen it ended on
    replayed = subprocess.run(
        [binary, "replay", str(written[0])], capture_output=True, text=True, check=False
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert replayed.stdout.endswith("1 passed, 0 failed\n"), replayed.stdout


def _compact_ascii(document: object) -> str:
    return json.dumps(document, ensure_ascii=True, separators=(",", ":"))


@pytest.mark.parametrize("frame", [False, True])
@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_observation_contract(make, binary, frame, language):
    """The one step path's contract, on every screen of a few solutions (non-ASCII labels,
    dialogs, the browser, a frame of box-drawing characters): the observation string is the
    protocol's observation object plus ``"goal"`` (last), as compact ASCII JSON exactly as
    ``json.dumps(..., ensure_ascii=True, separators=(",", ":"))`` writes it; it lies in the
    space and decodes to ``last_observation``. A bare client playing the same actions beside it
    gets the same observations, rewards and infos; a refused step repeats the last observation."""
    env = make(frame=frame)
    fields: set[str] = set()
    with AgentProcess(binary) as agent:
        for task in (
            "forgot_password_on_the_phone",
            "secure_the_account_on_the_website",
            "erase_the_phone_from_the_website",
            "sign_out_keep_data",
        ):
            obs, info = env.reset(seed=2, options={"task": task, "language": language})
            raw = agent.reset(task, 2, frame=frame, language=language)
            assert info == raw["info"]
            seen = [(obs, raw["observation"])]
            ended, steps = (False, False), 0
            for action in [*env.solution(), {"action_type": "navigate_back"}]:
                obs, reward, terminated, truncated, info = env.step(action)
                raw = agent.request({"op": "step", "action": action})
                if "observation" in raw:
                    ended, steps = (raw["terminated"], raw["truncated"]), raw["info"]["steps"]
                    assert (reward, terminated, truncated) == (float(raw["reward"]), *ended)
                    assert info == raw["info"]
                    seen.append((obs, raw["observation"]))
                else:  # the step after the end
                    assert (reward, terminated, truncated) == (0.0, *ended)
                    assert info == {"steps": steps, "error": raw["error"]}
                    assert obs == seen[-1][0]
            assert ended == (True, False), task
            for obs, observation in seen:
                assert obs.isascii()
                assert obs.isprintable()
                assert env.observation_space.contains(obs)
                document = json.loads(obs)
                assert obs == _compact_ascii(document)
                assert list(document)[-1] == "goal"
                assert document == {**observation, "goal": env.episode["goal"]}
                assert ("frame" in document) == frame
                fields.update(document)
                if "dialog" in document:
                    assert {"id", "title", "text"} <= document["dialog"].keys()
            assert json.loads(obs) == env.last_observation
    # The observation's optional members came through as they are (a dialog is an object).
    assert {"address", "dialog", "busy", "scroll", "toast", "notification"} <= fields


FAKE_AGENT = r"""
import json, pathlib, sys

observation = json.loads(pathlib.Path(sys.argv[0] + ".json").read_text(encoding="utf-8"))
text = json.dumps(observation, ensure_ascii=True, separators=(",", ":"))
for line in sys.stdin:
    request = json.loads(line)
    if request["op"] == "reset":
        assert request["options"]["observation_text"] is True, request
        info = {"goal": "G\u00e9", "task": request["task"], "steps": 0}
        answer = {"info": info, "observation_text": text}
    elif request["op"] == "step":
        info = {"steps": 1, "outcome": '},"reward":0'}
        answer = {"info": info, "truncated": False, "terminated": True, "reward": 1,
                  "observation_text": text}
    else:
        answer = {"closed": True}
    print(json.dumps(answer, ensure_ascii=False), flush=True)
"""


def test_the_step_path_does_not_depend_on_the_order_of_members(tmp_path):
    """A simulator that writes the members of its answers in another order, with strings that
    hold what a parser bound to one order would cut at (``},"reward":``), DEL, a newline, an
    emoji, Chinese: each observation is still the observation object as compact ASCII JSON."""
    label = 'a},"reward":1,"x":{"b \x7f \n \U0001f600 \u84dd\u7259 \\ "'
    observation = {"screen": "s", "elements": [{"index": 0, "label": label}], "busy": True}
    script = tmp_path / "mi-settings"
    script.write_text(f"#!{sys.executable}\n{FAKE_AGENT}", encoding="utf-8")
    script.chmod(0o755)
    (tmp_path / "mi-settings.json").write_text(json.dumps(observation), encoding="utf-8")
    env = MiSettingsEnv(task="t", binary=script)
    try:
        obs, info = env.reset(seed=0)
        expected = _compact_ascii({**observation, "goal": "G\u00e9"})
        assert obs == expected
        assert env.observation_space.contains(obs)
        assert info == {"goal": "G\u00e9", "task": "t", "steps": 0}
        obs, reward, terminated, truncated, info = env.step({"action_type": "wait", "seconds": 1})
        assert obs == expected
        assert env.last_observation == json.loads(expected)
        assert (reward, terminated, truncated) == (1.0, True, False)
        assert info == {"steps": 1, "outcome": '},"reward":0'}
    finally:
        env.close()


HANGING_AGENT = r"""
import json, sys, time

for line in sys.stdin:
    if json.loads(line)["op"] == "step":
        time.sleep(600)  # hangs
    answer = {"observation_text": "{\"screen\":\"s\"}", "info": {"goal": "g", "steps": 0}}
    print(json.dumps(answer), flush=True)
"""


def test_a_simulator_that_hangs_times_out_and_reset_starts_another(tmp_path):
    """``timeout``: a step whose answer does not come in time stops the process and raises
    AgentError (it does not hang); the next reset starts a new process."""
    script = tmp_path / "mi-settings"
    script.write_text(f"#!{sys.executable}\n{HANGING_AGENT}", encoding="utf-8")
    script.chmod(0o755)
    env = gym.make("mi_settings/turn_on_bluetooth-v0", binary=script, timeout=30)
    unwrapped = env.unwrapped
    assert isinstance(unwrapped, MiSettingsEnv)
    try:
        env.reset(seed=0)
        first = unwrapped.pid
        # The environment's timeout is its process's. Only the step that hangs is given half a
        # second: a reset on a busy machine may take longer than that without hanging.
        assert unwrapped.client.timeout == 30
        unwrapped.client.timeout = 0.5
        with pytest.raises(mi_settings_gym.AgentError, match=r"no answer within 0\.5 s"):
            env.step({"action_type": "wait", "seconds": 1})
        obs, _ = env.reset(seed=0)
        assert json.loads(obs) == {"screen": "s", "goal": "g"}
        assert unwrapped.pid not in (None, first)
    finally:
        env.close()


def test_the_solution_is_only_for_an_oracle(make):
    """An agent under evaluation cannot ask for the reference solution; an oracle started with
    ``allow_solution=True`` can."""
    from mi_settings_gym import ProtocolError

    evaluated = make(allow_solution=False)
    evaluated.reset(seed=0, options={"task": "turn_on_bluetooth"})
    with pytest.raises(ProtocolError, match="allow-solution"):
        evaluated.solution()
    oracle = make()
    oracle.reset(seed=0, options={"task": "turn_on_bluetooth"})
    for action in oracle.solution():
        _, reward, terminated, _, _ = oracle.step(action)
    assert (reward, terminated) == (1.0, True)


def test_finish_on_status_judges_at_the_status(make):
    """With ``finish: on_status`` (AndroidWorld's way) a change undone before ``status complete``
    earns nothing, and an answer waits for the status."""
    env = make()
    env.reset(seed=0, options={"task": "turn_on_bluetooth", "finish": "on_status"})
    for action in (
        {"action_type": "click", "label": "Bluetooth"},
        {"action_type": "click", "id": "bluetooth.toggle"},
        {"action_type": "click", "id": "bluetooth.toggle"},
    ):
        _, reward, terminated, _, _ = env.step(action)
        assert reward == 0
        assert not terminated
    _, reward, terminated, _, info = env.step({"action_type": "status", "goal_status": "complete"})
    assert reward == 0
    assert terminated
    assert info["outcome"].startswith("not done")
    env.reset(seed=0, options={"task": "what_is_my_mi_account_id", "finish": "on_status"})
    _, reward, terminated, _, _ = env.step({"action_type": "answer", "text": "6612345678"})
    assert reward == 0
    assert not terminated
    _, reward, terminated, _, _ = env.step({"action_type": "status", "goal_status": "complete"})
    assert reward == 1
    assert terminated
