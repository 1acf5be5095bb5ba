"""The client and the protocol itself: the binary's discovery, the catalogue, malformed lines."""

from __future__ import annotations

import json
import os
import random
import string
import subprocess

import pytest

from mi_settings_gym import (
    AgentError,
    AgentProcess,
    BinaryNotFoundError,
    ProtocolError,
    find_binary,
)


def test_find_binary_order(binary, monkeypatch, tmp_path):
    monkeypatch.setenv("MI_SETTINGS_BIN", binary)
    assert find_binary() == os.path.abspath(binary)
    assert find_binary(binary) == os.path.abspath(binary)
    with pytest.raises(BinaryNotFoundError, match="not an executable"):
        find_binary(tmp_path / "nothing")
    monkeypatch.delenv("MI_SETTINGS_BIN")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BinaryNotFoundError, match="MI_SETTINGS_BIN"):
        find_binary()
    (tmp_path / "mi-settings").symlink_to(binary)
    assert find_binary() == str(tmp_path / "mi-settings")


def test_catalogue(catalogue):
    assert len(catalogue) >= 1
    ids = [t["id"] for t in catalogue]
    assert len(ids) == len(set(ids))
    for task in catalogue:
        assert {
            "id",
            "title",
            "goal",
            "difficulty",
            "seed_doc",
            "tags",
            "max_steps",
            "kind",
        } <= task.keys()
        assert task["kind"] in {"do", "answer", "infeasible"}
        assert task["max_steps"] > 0
    assert {t["kind"] for t in catalogue} == {"do", "answer", "infeasible"}


def test_request_and_call(binary):
    with AgentProcess(binary) as agent:
        assert "error" in agent.request(
            {"op": "step", "action": {"action_type": "wait", "seconds": 1}}
        )
        with pytest.raises(ProtocolError, match="no episode"):
            agent.call({"op": "render"})
        with pytest.raises(ProtocolError):
            agent.reset("no_such_task")
        with pytest.raises(ValueError, match="blank line"):
            agent.request_line("   ")  # the agent skips blank lines: no answer would come
        with pytest.raises(ValueError, match="one line"):
            agent.request_line('{"op":"tasks"}\n{"op":"tasks"}')
        assert agent.tasks()


def _process(agent: AgentProcess) -> subprocess.Popen[bytes]:
    """The agent's subprocess, while it has one."""
    assert agent._proc is not None
    return agent._proc


def test_close_ends_the_process(binary):
    agent = AgentProcess(binary)
    proc = _process(agent)
    agent.close()
    assert proc.returncode == 0
    assert not agent.alive
    agent.close()  # twice is fine
    with pytest.raises(AgentError, match="closed"):
        agent.request({"op": "tasks"})


def test_close_request_answers_then_exits(binary):
    agent = AgentProcess(binary)
    try:
        assert agent.request({"op": "close"}) == {"closed": True}
        # Only a hang takes a minute: the process ends at once, or never.
        assert _process(agent).wait(timeout=60) == 0
        with pytest.raises(AgentError, match="exit code 0"):
            agent.request({"op": "tasks"})
    finally:
        agent.close()


def test_a_dead_process_is_reported(binary):
    agent = AgentProcess(binary)
    try:
        _process(agent).kill()
        _process(agent).wait()
        with pytest.raises(AgentError, match="exit code"):
            agent.request({"op": "tasks"})
    finally:
        agent.close()


def _garbled_lines(rng: random.Random, count: int) -> list[bytes]:
    """Lines that are not requests: not JSON, JSON of the wrong shape, mangled requests, bytes
    that are not UTF-8. None is blank (the agent skips blank lines without answering)."""
    valid = [
        '{"op":"tasks"}',
        '{"op":"reset","task":"turn_on_bluetooth","seed":3,"options":{"width":60,"height":24}}',
        '{"op":"step","action":{"action_type":"click","id":"settings.wifi"}}',
        '{"op":"render"}',
        '{"op":"solution"}',
    ]
    wrong_shapes = [
        "[]",
        "null",
        "42",
        '"tasks"',
        "{}",
        '{"op":"fly"}',
        '{"op":"reset","task":"x","extra":1}',
        '{"op":"reset"}',
        '{"op":"reset","task":7}',
        '{"op":"reset","task":"x","seed":-1}',
        '{"op":"reset","task":"x","options":{"width":"wide"}}',
        '{"op":"step"}',
        '{"op":"step","action":"click"}',
        '{"op":"step","action":{"action_type":"click","colour":1}}',
        '{"op":"step","action":{"action_type":"click","index":-1}}',
        '{"op":"step","action":[]}',
        '{"OP":"tasks"}',
        '{"op":null}',
        '{"op":"tasks"',
        '{"op":"tasks"}}',
        "{'op':'tasks'}",
    ]
    lines: list[bytes] = []
    while len(lines) < count:
        kind = rng.randrange(5)
        if kind == 0:
            text = "".join(
                rng.choice(string.printable.strip() + '{}[]":,') for _ in range(rng.randint(1, 200))
            )
        elif kind == 1:
            text = rng.choice(wrong_shapes)
        elif kind == 2:
            base = list(rng.choice(valid))
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(base))
                op = rng.randrange(3)
                if op == 0 and len(base) > 1:
                    del base[at]
                elif op == 1:
                    base.insert(at, rng.choice('{}[]":,\\x0 '))
                else:
                    base[at] = rng.choice('{}[]":,\\x0')
            text = "".join(base)
        elif kind == 3:
            text = "".join(
                chr(
                    rng.choice(
                        [
                            rng.randint(0x21, 0x7E),
                            rng.randint(0xA1, 0x2FFF),
                            rng.randint(0x1F300, 0x1F6FF),
                        ]
                    )
                )
                for _ in range(rng.randint(1, 80))
            )
        else:
            raw = bytes(
                rng.choice([b for b in range(256) if b != 0x0A]) for _ in range(rng.randint(1, 80))
            )
            if raw.strip():
                lines.append(raw)
            continue
        if not text.strip() or "\n" in text:
            continue
        if kind == 2:
            # A mangled request that still parses to one of the same shape is not garbled.
            try:
                value = json.loads(text)
            except ValueError:
                pass
            else:
                if isinstance(value, dict) and value.get("op") in {
                    "tasks",
                    "render",
                    "solution",
                    "reset",
                    "step",
                }:
                    continue
        lines.append(text.encode("utf-8"))
    return lines


def test_malformed_lines_each_get_one_error(binary):
    """1,000 garbled lines straight to the process: each is answered with exactly one
    ``{"error": ...}`` line, and the process keeps serving."""
    lines = _garbled_lines(random.Random(20240611), 1000)
    with AgentProcess(binary) as agent:
        for line in lines:
            answer = agent.request_line(line)
            reply = json.loads(answer)
            assert isinstance(reply, dict), (line, answer)
            assert set(reply) == {"error"}, (line, answer)
            assert isinstance(reply["error"], str)
            assert reply["error"]
        assert agent.alive
        # Still serving, and nothing was left over in the pipe: the next answer is this request's.
        assert agent.tasks()
        assert "observation" in agent.reset("turn_on_bluetooth", 0)
        # A huge line is refused too.
        reply = json.loads(agent.request_line(b'{"op":"tasks","x":"' + b"a" * (2 << 20) + b'"}'))
        assert set(reply) == {"error"}
        assert agent.tasks()


@pytest.mark.parametrize("op", ["tasks", "render", "solution", "close", "reset", "step"])
def test_unknown_fields_are_errors(binary, op):
    """Requests are read strictly: an unknown field is an error, whatever the op (a misspelt
    option must not be silently ignored; ``{"op":"close","x":1}`` must not close)."""
    requests = {
        "tasks": {"op": "tasks", "extra": 1},
        "render": {"op": "render", "extra": 1},
        "solution": {"op": "solution", "extra": 1},
        "close": {"op": "close", "extra": 1},
        "reset": {"op": "reset", "task": "turn_on_bluetooth", "seed": 0, "extra": 1},
        "step": {"op": "step", "action": {"action_type": "wait", "seconds": 1}, "extra": 1},
    }
    with AgentProcess(binary) as agent:
        agent.reset("turn_on_bluetooth", 0)
        reply = agent.request(requests[op])
        assert set(reply) == {"error"}, reply
        assert agent.alive
        assert agent.tasks()


def test_a_process_that_stops_answering_times_out(tmp_path):
    """A simulator that stops answering does not block a step forever: the request times out,
    the process is stopped, and the package's error says so."""
    import sys

    silent = tmp_path / "silent"
    silent.write_text(
        f"#!{sys.executable}\nimport sys, time\nsys.stdin.readline()\ntime.sleep(600)\n"
    )
    silent.chmod(0o755)
    agent = AgentProcess(str(silent), args=(), timeout=0.5)
    with pytest.raises(AgentError, match="no answer within"):
        agent.request({"op": "tasks"})
    assert not agent.alive
    agent.close()


def test_text_that_is_not_unicode_is_the_packages_error(binary):
    """A lone surrogate cannot be sent: the package's error, not a bare UnicodeEncodeError."""
    with AgentProcess(binary) as agent:
        agent.reset("turn_on_bluetooth", 0)
        with pytest.raises(AgentError, match="not Unicode"):
            agent.step({"action_type": "input_text", "text": "a\ud800b"})
        assert agent.alive
        assert agent.tasks()
