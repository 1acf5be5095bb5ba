"""AndroidWorld's action shapes from Python, as ``dataclasses.asdict(JSONAction(...))`` writes them:
every field present, ``None`` as null (a stand-in with JSONAction's fields, in its order)."""

from __future__ import annotations

import dataclasses
from typing import Any

from mi_settings_gym import AgentProcess, JSONAction


def _index(answer: dict[str, Any], label: str) -> str:
    """The element's index as a model writes it: a string."""
    for element in answer["observation"]["elements"]:
        if element["label"] == label and element["clickable"]:
            return str(element["index"])
    raise AssertionError(f"no {label!r} in {answer['observation']}")


def test_signing_out_in_android_worlds_words(binary):
    with AgentProcess(binary) as agent:
        answer = agent.reset("sign_out_keep_data", 0, seconds_per_action=5, finish="on_status")

        def act(**fields: Any) -> dict[str, Any]:
            step = agent.step(dataclasses.asdict(JSONAction(**fields)))
            assert "error" not in step["info"], (fields, step["info"])
            return step

        for label in ["Mi Account", "Sign out", "Sign out"]:
            answer = act(action_type="click", index=_index(answer, label))
        field = next(e for e in answer["observation"]["elements"] if e["role"] == "password_field")
        # input_text taps, clears, types and presses Enter: the dialog is confirmed.
        answer = act(action_type="input_text", index=field["index"], text="Xiaomi#2026")
        assert answer["observation"]["dialog"]["id"] == "keep_or_remove"
        answer = act(action_type="click", index=_index(answer, "Keep"))
        # Five seconds passed after the click: "Signing out…" (2 s) is over.
        assert not answer["observation"].get("busy")
        answer = act(action_type="wait")
        answer = act(action_type="status", goal_status="task_complete")
        assert (answer["reward"], answer["terminated"]) == (1.0, True)
