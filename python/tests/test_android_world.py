"""AndroidWorld's environment interface (mi_settings_gym.android_world), driven with AndroidWorld's
``JSONAction`` shapes written out: a stand-in dataclass with its fields, and dicts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mi_settings_gym import (
    AndroidWorldEnv,
    BoundingBox,
    JSONAction,
    UIElement,
    ui_elements_description,
)
from mi_settings_gym.android_world import JSON_ACTION_FIELDS, action_fields, ui_element_from

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(binary: str) -> Iterator[AndroidWorldEnv]:
    made = AndroidWorldEnv("turn_on_bluetooth", seed=0, binary=binary, allow_solution=True)
    yield made
    made.close()


def _index(env: AndroidWorldEnv, text: str) -> int:
    for index, element in enumerate(env.get_state().ui_elements):
        if element.text == text and element.is_clickable:
            return index
    raise AssertionError(f"no {text!r} in {env.get_state().forest}")


def _act(env: AndroidWorldEnv, action: Any) -> None:
    env.execute_action(action)
    assert "error" not in env.info, (action, env.info)


def test_state_has_android_worlds_fields_and_shapes(env: AndroidWorldEnv) -> None:
    state = env.reset(go_home=False)
    assert state.pixels.shape == (384, 480, 3)
    assert state.pixels.dtype == np.uint8
    assert env.device_screen_size == env.logical_screen_size == (480, 384)
    assert state.forest["screen"] == "settings"
    assert len(state.ui_elements) == len(state.forest["elements"]) > 5
    about = state.ui_elements[0]
    assert about == UIElement(
        text="About phone",
        content_description="MIUI Global 14.0.6",
        class_name="android.widget.LinearLayout",
        bbox=BoundingBox(16 / 480, 464 / 480, 48 / 384, 64 / 384),
        bbox_pixels=BoundingBox(16, 464, 48, 64),
        is_checked=False,
        is_checkable=False,
        is_clickable=True,
        is_editable=False,
        is_enabled=True,
        is_focused=True,
        is_focusable=True,
        is_long_clickable=False,
        is_scrollable=False,
        is_selected=True,
        is_visible=True,
        package_name="com.android.settings",
        resource_name="settings.about_phone",
    )
    assert env.foreground_activity_name == "com.android.settings/.Settings"
    assert env.goal == "Turn on Bluetooth."
    assert env.interaction_cache == ""
    assert state.auxiliaries["goal"] == env.goal
    assert state.auxiliaries["steps"] == 0
    # The state is a copy: the next frame does not change it.
    before = state.pixels.copy()
    _act(env, JSONAction(action_type="click", index=str(_index(env, "Bluetooth"))))
    assert np.array_equal(state.pixels, before)
    assert not np.array_equal(env.get_state().pixels, before)
    toggle = next(e for e in env.get_state().ui_elements if (e.class_name or "").endswith("Switch"))
    assert (toggle.is_checkable, toggle.is_checked) == (True, False)
    env.display_message("hello", header="Agent answered:")
    env.hide_automation_ui()
    assert env.messages == [("Agent answered:", "hello")]


def test_click_by_pixels_from_bbox_pixels_then_status(env: AndroidWorldEnv) -> None:
    env.reset()
    box = env.get_state().ui_elements[_index(env, "Bluetooth")].bbox_pixels
    assert box is not None
    x, y = box.center
    _act(env, JSONAction(action_type="click", x=int(x), y=int(y)))
    assert env.get_state().forest["screen"] == "bluetooth"
    toggle = next(e for e in env.get_state().ui_elements if (e.class_name or "").endswith("Switch"))
    assert toggle.bbox_pixels is not None
    tx, ty = toggle.bbox_pixels.center
    _act(env, {"action_type": "click", "x": int(tx), "y": int(ty)})
    _act(env, JSONAction(action_type="wait"))
    # on_status: nothing is judged before the status.
    assert (env.terminated, env.is_successful()) == (False, 0.0)
    _act(env, JSONAction(action_type="status", goal_status="complete"))
    assert (env.terminated, env.is_successful(), env.reward) == (True, 1.0, 1.0)


def test_wrong_status_is_scored_zero(env: AndroidWorldEnv) -> None:
    env.reset()
    _act(env, JSONAction(action_type="status", goal_status="complete"))
    assert (env.terminated, env.is_successful()) == (True, 0.0)


def test_navigation_scroll_open_app_and_keys(env: AndroidWorldEnv) -> None:
    env.reset()
    forest = env.get_state().forest
    assert forest["scroll"]["position"] == 0
    _act(env, JSONAction(action_type="scroll", direction="down"))
    assert env.get_state().forest["scroll"]["position"] > 0
    _act(env, JSONAction(action_type="scroll", direction="up", index="0"))
    assert env.get_state().forest["scroll"]["position"] == 0
    _act(env, JSONAction(action_type="navigate_home"))
    assert env.foreground_activity_name == "com.miui.home/.launcher.Launcher"
    _act(env, JSONAction(action_type="open_app", app_name="Browser"))
    assert env.get_state().forest["surface"] == "browser"
    assert env.foreground_activity_name.startswith("com.android.chrome/")
    assert all(e.package_name == "com.android.chrome" for e in env.get_state().ui_elements)
    # Settings from the browser: the phone as it was left (its home screen), then Settings.
    _act(env, JSONAction(action_type="open_app", app_name="Settings"))
    assert env.get_state().forest["screen"] == "home_screen"
    _act(env, JSONAction(action_type="open_app", app_name="Settings"))
    assert env.get_state().forest["screen"] == "settings"
    _act(env, JSONAction(action_type="click", index=_index(env, "Bluetooth")))
    _act(env, JSONAction(action_type="navigate_back"))
    assert env.get_state().forest["screen"] == "settings"
    _act(env, JSONAction(action_type="press_keyboard", keycode="KEYCODE_DPAD_DOWN"))
    assert env.get_state().ui_elements[0].is_focused is False
    state = env.reset(go_home=True)
    assert state.forest["screen"] == "home_screen"


def test_a_bad_action_is_told_in_info(env: AndroidWorldEnv) -> None:
    env.reset()
    env.execute_action(JSONAction(action_type="click", index=999))
    assert "999" in env.info["error"]
    assert not env.terminated
    with pytest.raises(TypeError, match="action_type"):
        env.execute_action(object())


def test_input_text_keyboard_enter_answer_and_set_task(binary: str) -> None:
    with AndroidWorldEnv("sign_out_keep_data", seed=0, binary=binary) as env:
        env.reset()
        for label in ["Mi Account", "Sign out", "Sign out"]:
            _act(env, JSONAction(action_type="click", index=_index(env, label)))
        fields = [i for i, e in enumerate(env.get_state().ui_elements) if e.is_editable]
        assert len(fields) == 1
        field = env.get_state().ui_elements[fields[0]]
        assert field.class_name == "android.widget.EditText"
        assert field.hint_text
        _act(env, JSONAction(action_type="input_text", index=str(fields[0]), text="Xiaomi#2026"))
        assert env.get_state().forest["dialog"]["id"] == "keep_or_remove"
        _act(env, JSONAction(action_type="click", index=_index(env, "Keep")))
        _act(env, JSONAction(action_type="keyboard_enter"))
        _act(env, JSONAction(action_type="wait"))
        _act(env, JSONAction(action_type="status", goal_status="complete"))
        assert env.is_successful() == 1.0

        env.set_task("what_is_my_mi_account_id", seed=0)
        env.reset()
        assert env.task == "what_is_my_mi_account_id"
        assert "ID" in env.goal
        _act(env, JSONAction(action_type="answer", text="99"))
        assert env.interaction_cache == "99"
        assert not env.terminated
        _act(env, JSONAction(action_type="status", goal_status="complete"))
        assert (env.terminated, env.is_successful()) == (True, 0.0)


def test_t3a_text_of_the_element_list() -> None:
    size = (480, 384)
    elements = [
        ui_element_from(
            {
                "index": 0,
                "id": "bluetooth.toggle",
                "role": "switch",
                "label": "Bluetooth",
                "checked": True,
                "enabled": True,
                "focused": False,
                "clickable": True,
                "bbox_pixels": [16, 48, 448, 16],
                "on_screen": True,
            },
            size,
        ),
        # Off the screen: T3A leaves it out, and the next keeps its index.
        ui_element_from({"role": "row", "label": "Hidden", "on_screen": False}, size),
        ui_element_from(
            {"role": "password_field", "label": "Password", "value": "", "clickable": True},
            size,
            "browser",
        ),
    ]
    assert ui_elements_description(elements, size) == (
        "UI element 0: UIElement(text='Bluetooth', content_description=None, "
        "class_name='android.widget.Switch', bbox=BoundingBox(x_min=0.03333333333333333, "
        "x_max=0.9666666666666667, y_min=0.125, y_max=0.16666666666666666), "
        "bbox_pixels=BoundingBox(x_min=16, x_max=464, y_min=48, y_max=64), hint_text=None, "
        "is_checked=True, is_checkable=True, is_clickable=True, is_editable=False, "
        "is_enabled=True, is_focused=False, is_focusable=True, is_long_clickable=False, "
        "is_scrollable=False, is_selected=False, is_visible=True, "
        "package_name='com.android.settings', resource_name='bluetooth.toggle', tooltip=None, "
        "resource_id=None)\n"
        "UI element 2: UIElement(text=None, content_description=None, "
        "class_name='android.widget.EditText', bbox=None, bbox_pixels=None, "
        "hint_text='Password', is_checked=False, is_checkable=False, is_clickable=True, "
        "is_editable=True, is_enabled=True, is_focused=False, is_focusable=True, "
        "is_long_clickable=False, is_scrollable=False, is_selected=False, is_visible=True, "
        "package_name='com.android.chrome', resource_name=None, tooltip=None, "
        "resource_id=None)\n"
    )


# --- every task's reference solution, told in AndroidWorld's words -------------------------

_KEYS = {
    "enter": {"action_type": "keyboard_enter"},
    "esc": {"action_type": "navigate_back"},
    "f3": {"action_type": "navigate_home"},
    "backspace": {"action_type": "press_keyboard", "keycode": "KEYCODE_DEL"},
    "delete": {"action_type": "press_keyboard", "keycode": "KEYCODE_FORWARD_DEL"},
    "tab": {"action_type": "press_keyboard", "keycode": "KEYCODE_TAB"},
    "up": {"action_type": "press_keyboard", "keycode": "KEYCODE_DPAD_UP"},
    "down": {"action_type": "press_keyboard", "keycode": "KEYCODE_DPAD_DOWN"},
    "left": {"action_type": "press_keyboard", "keycode": "KEYCODE_DPAD_LEFT"},
    "right": {"action_type": "press_keyboard", "keycode": "KEYCODE_DPAD_RIGHT"},
    "home": {"action_type": "press_keyboard", "keycode": "KEYCODE_MOVE_HOME"},
    "end": {"action_type": "press_keyboard", "keycode": "KEYCODE_MOVE_END"},
    "space": {"action_type": "press_keyboard", "keycode": "KEYCODE_SPACE"},
}


def _seed_words() -> list[tuple[str, str, str]]:
    """The words the seed guides call elements by, ``(word, on, id)``, read from the engine's
    table (core/src/engine/seed_words.rs), as the Rust translator reads them."""
    source = (REPO / "core" / "src" / "engine" / "seed_words.rs").read_text(encoding="utf-8")
    found = re.findall(r'word: "([^"]*)",\s*on: "([^"]*)",\s*id: "([^"]*)"', source)
    assert len(found) >= 10, found
    return found


SEED_WORDS = _seed_words()


def _plain(text: str) -> str:
    return "".join(c.lower() for c in text if c.isalnum())


def _find(env: AndroidWorldEnv, action: dict[str, Any]) -> int | None:
    """The index of the element a solution's action names, by its id or label as the UI
    elements show them (``resource_name``, ``text`` or ``hint_text``)."""
    elements = [(i, e) for i, e in enumerate(env.get_state().ui_elements) if e.is_clickable]
    if "id" in action:
        return next((i for i, e in elements if e.resource_name == action["id"]), None)
    label = str(action.get("label", ""))
    for i, e in elements:
        if label in (e.text, e.hint_text):
            return i
    like = [
        i for i, e in elements if _plain(label) in (_plain(e.text or ""), _plain(e.hint_text or ""))
    ]
    if len(like) == 1:
        return like[0]
    # A word the seed guides call an element by, on this screen or dialog.
    forest = env.get_state().forest
    here = (forest.get("dialog") or {}).get("id") or forest.get("screen")
    for word, on, element_id in SEED_WORDS:
        if on == here and word.lower() == label.lower():
            return next((i for i, e in elements if e.resource_name == element_id), None)
    return None


def _seen(env: AndroidWorldEnv) -> list[str]:
    forest = env.get_state().forest
    texts = [forest[f] for f in ("toast", "notification") if isinstance(forest.get(f), str)]
    texts += [t for t in (forest.get("dialog") or {}).get("text", []) if isinstance(t, str)]
    for element in forest.get("elements", []):
        texts += [
            element[f] for f in ("label", "value", "summary") if isinstance(element.get(f), str)
        ]
    return texts


def _translate(
    env: AndroidWorldEnv, action: dict[str, Any], seen: list[str], after_input_text: bool
) -> list[dict[str, Any]] | None:
    """The solution's action in AndroidWorld's words; ``None`` for what input_text's Enter did."""
    kind = action["action_type"]
    surface = env.get_state().forest.get("surface")
    if kind in ("click", "long_press"):
        index = _find(env, action)
        if index is None:
            assert after_input_text, (action, env.get_state().forest)
            return None
        return [{"action_type": kind, "index": index}]
    if kind == "input_text":
        text = action.get("text")
        if not isinstance(text, str):
            marker = action["text_from"]["digits_after"]
            found = None
            for seen_text in reversed(seen):
                if marker in seen_text:
                    digits = re.search(r"\d+", seen_text.split(marker, 1)[1])
                    if digits:
                        found = digits.group()
                        break
            assert found, (marker, seen)
            text = found
        focused = [i for i, e in enumerate(env.get_state().ui_elements) if e.is_focused]
        assert focused, (action, env.get_state().forest)
        return [{"action_type": "input_text", "index": focused[0], "text": text}]
    if kind == "key":
        key = action["key"]
        if key == "enter" and after_input_text:
            return None
        if key == "f2":
            app = "Settings" if surface == "browser" else "Browser"
            return [{"action_type": "open_app", "app_name": app, "_settings_if_home": True}]
        if key in _KEYS:
            return [_KEYS[key]]
        assert len(key) == 1, action
        assert key.isascii(), action
        assert key.isalnum(), action
        return [{"action_type": "press_keyboard", "keycode": f"KEYCODE_{key.upper()}"}]
    if kind == "wait":
        seconds = int(action.get("seconds") or 1)
        per_wait = 1 + int(env.seconds_per_action)
        return [{"action_type": "wait"}] * max(1, -(-seconds // per_wait))
    if kind in ("navigate_back", "navigate_home", "keyboard_enter", "answer", "scroll", "open_app"):
        return [
            {
                k: v
                for k, v in action.items()
                if k in ("action_type", "text", "direction", "app_name", "index")
            }
        ]
    if kind == "status":
        return [{"action_type": "status", "goal_status": action["goal_status"]}]
    raise AssertionError(f"no AndroidWorld word for {action}")


def _ended(env: AndroidWorldEnv) -> bool:
    return env.terminated or env.truncated


def _solve(env: AndroidWorldEnv) -> float:
    """Plays the episode's reference solution in AndroidWorld's words through ``env``."""
    env.reset()
    solution = env.controller.solution()
    seen = _seen(env)
    after_input_text = False
    for action in solution:
        if _ended(env):
            break
        translated = _translate(env, action, seen, after_input_text)
        after_input_text = action["action_type"] == "input_text" or (
            after_input_text and translated is None
        )
        for given in translated or []:
            settings_if_home = given.pop("_settings_if_home", False)
            _act(env, JSONAction(**given))
            seen += _seen(env)
            if settings_if_home and env.get_state().forest.get("screen") == "home_screen":
                _act(env, JSONAction(action_type="open_app", app_name="Settings"))
            if _ended(env):
                break
    if not _ended(env):
        _act(env, JSONAction(action_type="status", goal_status="complete"))
    return env.is_successful()


def test_every_reference_solution_in_android_world_words(
    binary: str, catalogue: list[dict[str, Any]]
) -> None:
    """Every task x 3 seeds, its reference solution told only in AndroidWorld's words, at five
    simulated seconds per action, judged at the status (AndroidWorld's way)."""
    failed: list[tuple[str, int, Any]] = []
    played = solved = 0
    with AndroidWorldEnv(catalogue[0]["id"], binary=binary, allow_solution=True) as env:
        for task in catalogue:
            for seed in range(3):
                env.set_task(task["id"], seed=seed)
                played += 1
                try:
                    if _solve(env) == 1.0:
                        solved += 1
                    else:
                        failed.append((task["id"], seed, env.info))
                except AssertionError as e:
                    failed.append((task["id"], seed, str(e)[:300]))
    assert len(catalogue) >= 50
    assert not failed, failed
    assert (played, solved) == (3 * len(catalogue), 3 * len(catalogue))


def test_chinese_episode(binary: str) -> None:
    with AndroidWorldEnv("turn_on_bluetooth", seed=0, language="zh-CN", binary=binary) as env:
        state = env.reset()
        assert env.goal == "开启蓝牙。"
        assert state.forest["title"] == "设置"
        assert "text='蓝牙'" in ui_elements_description(state.ui_elements, env.logical_screen_size)


def test_action_fields_of_each_shape() -> None:
    class Plain:
        """An object with JSONAction's attributes that is no dataclass."""

        action_type = "scroll"
        direction = "down"

    assert action_fields(JSONAction(action_type="wait")) == dict.fromkeys(JSON_ACTION_FIELDS) | {
        "action_type": "wait"
    }
    assert action_fields(Plain()) == dict.fromkeys(JSON_ACTION_FIELDS) | {
        "action_type": "scroll",
        "direction": "down",
    }
    assert action_fields({"action_type": "wait", "seconds": 3}) == {
        "action_type": "wait",
        "seconds": 3,
    }
    assert len(JSON_ACTION_FIELDS) == 10
