"""Observations as text (``mi_settings_gym._reply``): the simulator's ``observation_text`` is the
observation as Python writes it, and the environment hands it on as it came."""

from __future__ import annotations

import json

from mi_settings_gym import AgentProcess, MiSettingsEnv, _reply


def _python(document: object) -> str:
    """As Python writes it, and as the simulator must."""
    return json.dumps(document, ensure_ascii=True, separators=(",", ":"))


def test_an_answer_is_read_whole_in_any_order():
    text = _python({"screen": "s", "label": '"reward":1,"info":{}'})
    for answer in (
        {"observation_text": text, "reward": 0.0, "info": {"steps": 1}},
        {"info": {"steps": 1}, "reward": 0.0, "observation_text": text},
    ):
        for line in (_python(answer).encode(), json.dumps(answer).encode()):
            reply, observation = _reply.read_answer(line)
            assert observation == text
            assert reply["info"] == {"steps": 1}


def test_answers_without_an_observation():
    assert _reply.read_answer(b'{"error":"no"}') == ({"error": "no"}, None)
    assert _reply.read_answer(b'{"observation_text":5,"info":{}}')[1] is None
    assert _reply.read_answer(b'{"observation":{"a":1},"info":{}}')[1] is None


def test_the_simulator_writes_observations_as_python_writes_them(binary):
    """Against the binary: every observation of a Chinese episode with its frame (box-drawing
    characters, newlines) and of an episode where text holding JSON's own characters is typed into
    a field, asked for as text, is the object (asked for as an object) as Python writes it."""
    typed = 'x"reward":1,"info":{"a":1},\\ 蓝牙 😀'
    episodes = [
        ("create_account_with_email", 0, {}),
        ("turn_on_bluetooth", 1, {"language": "zh-CN", "frame": True}),
    ]
    shown = []
    for task, seed, options in episodes:
        answers = {}
        for as_text in (False, True):
            with AgentProcess(binary, args=("agent", "--allow-solution")) as agent:
                reset = {"op": "reset", "task": task, "seed": seed,
                         "options": {**options, "observation_text": as_text}}  # fmt: skip
                lines = [agent.request_line(json.dumps(reset))]
                for action in agent.solution():
                    if action["action_type"] == "input_text":
                        action = {**action, "text": typed}
                    lines.append(agent.request_line(json.dumps({"op": "step", "action": action})))
                answers[as_text] = lines
        for object_line, text_line in zip(answers[False], answers[True], strict=True):
            assert text_line.isascii(), text_line[:200]
            whole = json.loads(object_line)
            reply, text = _reply.read_answer(text_line)
            if "observation" not in whole:
                assert text is None
                continue
            assert text == _python(whole.pop("observation"))
            assert {k: v for k, v in reply.items() if k != "observation_text"} == whole
            shown += [e.get("value") for e in json.loads(text)["elements"]]
    assert typed in shown


def test_the_environment_hands_on_the_text_with_its_goal_last(make):
    env: MiSettingsEnv = make(task="turn_on_bluetooth")
    obs, info = env.reset(seed=0, options={"language": "zh-CN"})
    assert env.last_observation is not None
    assert obs == _python(env.last_observation)
    assert list(env.last_observation)[-1] == "goal"
    assert env.last_observation["goal"] == info["goal"]
    assert "\\u84dd\\u7259" in obs  # 蓝牙, escaped as Python escapes it
