"""The observation's text cut out of an answer line (``mi_settings_gym._reply``): the same text as
the answer decoded whole and the observation encoded again, or that slower path when the line is
not as the simulator writes it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mi_settings_gym import AgentProcess, MiSettingsEnv, _reply


def _python(document: object) -> str:
    """As Python writes it, and as the simulator must."""
    return json.dumps(document, ensure_ascii=True, separators=(",", ":"))


def _step_line(observation: dict[str, Any], info: dict[str, Any] | None = None) -> bytes:
    answer = {
        "observation": observation,
        "reward": 0.0,
        "terminated": False,
        "truncated": False,
        "info": info or {"steps": 1},
    }
    return _python(answer).encode()


HOSTILE_LABELS = [
    "蓝牙",  # CJK
    "设置 → 蓝牙 😀 é",  # arrows, an emoji (a surrogate pair), Latin-1
    '"reward":1',  # a label holding what the cut looks for
    'a},"reward":1,"terminated":true,"info":{"steps":9}',
    ',"info":{},"truncated":',
    "del \x7f, nul \x00, tab \t, new\nline",
    'back\\slash \\","info":',
]


@pytest.mark.parametrize("label", HOSTILE_LABELS)
def test_a_cut_is_the_text_python_writes(label):
    observation = {"screen": "s", "elements": [{"index": 0, "label": label, "value": label}]}
    line = _step_line(observation, {"steps": 3, "outcome": label})
    cut = _reply._cut(line)
    assert cut is not None, "the cut is taken"
    rest, text = cut
    assert text == _python(observation)
    assert rest == {
        "observation": None,
        "reward": 0.0,
        "terminated": False,
        "truncated": False,
        "info": {"steps": 3, "outcome": label},
    }
    assert _reply.read_answer(line) == cut


def test_a_reset_is_cut_at_its_info():
    observation = {"screen": "s", "title": "设置", "busy": True}
    line = _python({"observation": observation, "info": {"goal": "G", "steps": 0}}).encode()
    assert _reply._cut(line) == (
        {"observation": None, "info": {"goal": "G", "steps": 0}},
        _python(observation),
    )


def _fallback(line: bytes, observation: dict[str, Any]) -> dict[str, Any]:
    """The line is not cut; read whole, it gives the same text as a cut would."""
    assert _reply._cut(line) is None
    reply, text = _reply.read_answer(line)
    assert text == _python(observation)
    return reply


@pytest.mark.parametrize(
    "label",
    ["蓝牙", "del \x7f"],  # as a simulator that does not escape them writes them
)
def test_text_outside_printable_ascii_is_read_whole(label):
    observation = {"screen": "s", "label": label}
    answer = {"observation": observation, "info": {"steps": 0}}
    line = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
    assert _fallback(line, observation)["info"] == {"steps": 0}


def test_members_in_another_order_or_spaced_are_read_whole():
    observation = {"screen": "s", "elements": []}
    answer = {"info": {"steps": 1}, "reward": 1, "observation": observation}
    assert _fallback(_python(answer).encode(), observation)["reward"] == 1
    spaced = json.dumps({"observation": observation, "info": {"steps": 0}}).encode()
    assert _fallback(spaced, observation)["info"] == {"steps": 0}


@pytest.mark.parametrize(
    ("observation", "info"),
    [
        # A member named as those after the observation, inside it or inside the info (the
        # simulator writes none: its tests hold it to that): the cut is still right (found from
        # the end, the answer's own member comes first), or it does not decode and the line is
        # read whole.
        ({"screen": "s", "x": {"a": 1, "info": {"b": 2}}}, {"steps": 1}),
        ({"screen": "s", "x": [{"a": 1, "truncated": True}]}, {"steps": 1}),
        ({"screen": "s"}, {"steps": 1, "x": {"a": 1, "reward": 2}}),
        ({"screen": "s"}, {"steps": 1, "x": {"a": {}, "info": 2}}),
    ],
)
def test_a_member_named_like_those_after_the_observation_does_not_mislead(observation, info):
    line = _step_line(observation, info)
    cut = _reply._cut(line)
    reply, text = _reply.read_answer(line)
    assert text == _python(observation)
    assert reply["info"] == info
    assert cut is None or cut == (reply, text)


def test_answers_without_an_observation():
    assert _reply.read_answer(b'{"error":"no"}') == ({"error": "no"}, None)
    assert _reply.read_answer(b'{"observation":5,"info":{}}') == (
        {"observation": 5, "info": {}},
        None,
    )


def test_the_check_finds_a_member_the_cut_does_not_know(monkeypatch):
    """The one answer the cut cannot tell from a good one: an unknown member between the
    observation and the next it knows (the simulator's tests pin the member after it). The check
    mode, which the tests run in, catches it."""
    line = b'{"observation":{"a":1},"x":{},"info":{"steps":0}}'
    monkeypatch.setattr(_reply, "CHECK_SPLIT", False)
    assert _reply.read_answer(line)[1] == '{"a":1},"x":{}'
    monkeypatch.setattr(_reply, "CHECK_SPLIT", True)
    with pytest.raises(AssertionError, match="differs from the answer decoded whole"):
        _reply.read_answer(line)


def test_the_simulator_writes_answers_as_python_writes_them(binary):
    """Against the binary: every answer of a Chinese episode with its frame (box-drawing
    characters, newlines) and of an episode where text holding what the cut looks for is typed
    into a field is cut, and the cut is the observation as Python writes it."""
    typed = 'x"reward":1,"info":{"a":1},\\ 蓝牙 😀'
    shown = []
    with AgentProcess(binary, args=("agent", "--allow-solution")) as agent:
        for request in [
            {"op": "reset", "task": "create_account_with_email", "seed": 0},
            {"op": "reset", "task": "turn_on_bluetooth", "seed": 1,
             "options": {"language": "zh-CN", "frame": True}},
        ]:  # fmt: skip
            lines = [agent.request_line(json.dumps(request))]
            for action in agent.solution():
                typing = action["action_type"] == "input_text"
                if typing:
                    action = {**action, "text": typed}
                lines.append(agent.request_line(json.dumps({"op": "step", "action": action})))
                if typing:
                    shown += [
                        e.get("value") for e in json.loads(lines[-1])["observation"]["elements"]
                    ]
            for line in lines:
                assert line.isascii(), line[:200]
                whole = json.loads(line)
                if "observation" not in whole:  # a step after the end
                    assert _reply.read_answer(line) == (whole, None)
                    continue
                cut = _reply._cut(line)
                assert cut is not None, line[:200]
                assert cut[1] == _python(whole["observation"])
                assert cut[0] == {**whole, "observation": None}
    assert typed in shown


def test_the_environment_hands_on_the_cut_with_its_goal_last(make):
    env: MiSettingsEnv = make(task="turn_on_bluetooth")
    obs, info = env.reset(seed=0, options={"language": "zh-CN"})
    assert env.last_observation is not None
    assert obs == _python(env.last_observation)
    assert list(env.last_observation)[-1] == "goal"
    assert env.last_observation["goal"] == info["goal"]
    assert "\\u84dd\\u7259" in obs  # 蓝牙, escaped as Python escapes it
