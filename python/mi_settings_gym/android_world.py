"""AndroidWorld's environment interface over ``mi-settings agent``, duck-typed.

:class:`AndroidWorldEnv` has the methods and properties of AndroidWorld's ``AsyncEnv``
(``android_world/env/interface.py``): ``reset(go_home)`` and ``get_state(wait_to_stabilize)``
give a :class:`State` (``pixels``, ``forest``, ``ui_elements``), ``execute_action`` takes a
``JSONAction`` (any object with its attributes, or a dict), and ``foreground_activity_name``,
``device_screen_size``, ``logical_screen_size``, ``interaction_cache``, ``display_message``,
``hide_automation_ui`` and ``close`` are there. An AndroidWorld agent (T3A, M3A …) can be given
this object where it expects an ``AsyncEnv``; nothing here imports the android_world package.

:class:`UIElement` and :class:`BoundingBox` have the fields of AndroidWorld's
(``android_world/env/representation_utils.py``), and :func:`ui_elements_description` writes the
element list as T3A's prompt does (``UI element {index}: {element}``, for the elements
AndroidWorld's ``validate_ui_element`` keeps).

The episode is played in pixel terms (``"coordinates":"pixels"``): ``x``, ``y`` of a click are
pixels of :attr:`State.pixels`, and every element's ``bbox_pixels`` is in the same pixels.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .client import AgentProcess

__all__ = [
    "JSON_ACTION_FIELDS",
    "AndroidWorldEnv",
    "BoundingBox",
    "JSONAction",
    "State",
    "UIElement",
    "action_fields",
    "ui_element_from",
    "ui_elements_description",
    "validate_ui_element",
]

#: The Android widget class each element role of the protocol is drawn as.
CLASS_NAMES = {
    "section": "android.widget.TextView",
    "text": "android.widget.TextView",
    "error": "android.widget.TextView",
    "notice": "android.widget.TextView",
    "info": "android.widget.TextView",
    "header": "android.widget.LinearLayout",
    "row": "android.widget.LinearLayout",
    "switch": "android.widget.Switch",
    "checkbox": "android.widget.CheckBox",
    "button": "android.widget.Button",
    "text_field": "android.widget.EditText",
    "password_field": "android.widget.EditText",
    "tab": "android.widget.TextView",
}

#: The app (package) each surface of the protocol stands for.
PACKAGES = {"phone": "com.android.settings", "browser": "com.android.chrome"}
#: ``foreground_activity_name`` for each surface, as ``adb``'s ``dumpsys`` names activities.
ACTIVITIES = {
    "phone": "com.android.settings/.Settings",
    "browser": "com.android.chrome/com.google.android.apps.chrome.Main",
}
#: Where the phone shows its home screen.
HOME_ACTIVITY = "com.miui.home/.launcher.Launcher"


@dataclasses.dataclass
class JSONAction:
    """AndroidWorld's ``JSONAction``'s fields, in its order (``android_world/env/json_action.py``),
    to write actions without the android_world package; :meth:`AndroidWorldEnv.execute_action`
    takes this, AndroidWorld's own, or a dict."""

    action_type: str | None = None
    index: str | int | None = None
    x: int | None = None
    y: int | None = None
    text: str | None = None
    direction: str | None = None
    goal_status: str | None = None
    app_name: str | None = None
    keycode: str | None = None
    clear_text: bool | None = None


#: AndroidWorld's ``JSONAction`` fields, in its order.
JSON_ACTION_FIELDS = tuple(field.name for field in dataclasses.fields(JSONAction))


@dataclasses.dataclass
class BoundingBox:
    """AndroidWorld's ``BoundingBox``: the edges, left/right and top/bottom."""

    x_min: float | int
    x_max: float | int
    y_min: float | int
    y_max: float | int

    @property
    def center(self) -> tuple[float, float]:
        return (self.x_min + self.x_max) / 2.0, (self.y_min + self.y_max) / 2.0

    @property
    def width(self) -> float | int:
        return self.x_max - self.x_min

    @property
    def height(self) -> float | int:
        return self.y_max - self.y_min

    @property
    def area(self) -> float | int:
        return self.width * self.height


@dataclasses.dataclass
class UIElement:
    """AndroidWorld's ``UIElement``: its fields, in its order (its ``str`` is T3A's text)."""

    text: str | None = None
    content_description: str | None = None
    class_name: str | None = None
    bbox: BoundingBox | None = None
    bbox_pixels: BoundingBox | None = None
    hint_text: str | None = None
    is_checked: bool | None = None
    is_checkable: bool | None = None
    is_clickable: bool | None = None
    is_editable: bool | None = None
    is_enabled: bool | None = None
    is_focused: bool | None = None
    is_focusable: bool | None = None
    is_long_clickable: bool | None = None
    is_scrollable: bool | None = None
    is_selected: bool | None = None
    is_visible: bool | None = None
    package_name: str | None = None
    resource_name: str | None = None
    tooltip: str | None = None
    resource_id: str | None = None


@dataclasses.dataclass(frozen=True)
class State:
    """AndroidWorld's ``State``.

    ``pixels``: the screen, ``height x width x 3`` ``uint8`` (RGB), a copy of its own.
    ``forest``: the protocol's observation object (a dict) standing in for the accessibility
    forest: ``screen`` (the screen's stable name), ``title``, ``surface`` (``phone`` or
    ``browser``), ``address``, ``status``, ``dialog``, ``busy``, ``scroll``, ``toast``,
    ``notification`` and ``elements`` (the element tree, flattened, each with ``index``, ``id``,
    ``role``, ``label``, ``value``, ``checked``, ``bbox`` in cells and ``bbox_pixels``); see
    docs/agent-protocol.md. ``ui_elements``: :class:`UIElement` for each of ``elements``, in
    the same order (an action's ``index`` counts in it). ``auxiliaries`` (newer AndroidWorld's
    ``State`` has it): the answer's ``info`` (``goal``, ``task``, ``seed``, ``steps``,
    ``outcome``, ``error`` …).
    """

    pixels: np.ndarray[Any, np.dtype[np.uint8]]
    forest: Any
    ui_elements: list[UIElement]
    auxiliaries: dict[str, Any] = dataclasses.field(default_factory=dict)


def _text(value: Any) -> str | None:
    """A string, or ``None`` for what is absent or empty (as AndroidWorld's ``text_or_none``)."""
    return value if isinstance(value, str) and value else None


def ui_element_from(
    element: Mapping[str, Any], screen_size: tuple[int, int], surface: str = "phone"
) -> UIElement:
    """One element of the protocol's observation as AndroidWorld's :class:`UIElement`.

    ``class_name`` from its role (``android.widget.Switch``, ``EditText`` for text and password
    fields, ``Button``, ``CheckBox``, ``TextView`` for text, ``LinearLayout`` for rows);
    ``text`` is the label (a field's: what it holds, its label then ``hint_text``);
    ``content_description`` the value a row shows beside its label (or its summary);
    ``resource_name`` the element's stable id; ``bbox_pixels`` in the frame's pixels, ``bbox``
    the same divided by ``screen_size`` (width, height), as AndroidWorld normalizes it.
    """
    role = str(element.get("role", ""))
    editable = role in ("text_field", "password_field")
    label = _text(element.get("label"))
    value = _text(element.get("value"))
    box = element.get("bbox_pixels")
    pixels = normalized = None
    if isinstance(box, Sequence) and len(box) == 4 and all(isinstance(v, int) for v in box):
        x, y, w, h = box
        pixels = BoundingBox(x, x + w, y, y + h)
        width, height = screen_size
        if width > 0 and height > 0:
            normalized = BoundingBox(x / width, (x + w) / width, y / height, (y + h) / height)
    checked = element.get("checked")
    clickable = bool(element.get("clickable"))
    return UIElement(
        text=value if editable else label,
        content_description=None if editable else (value or _text(element.get("summary"))),
        class_name=CLASS_NAMES.get(role, "android.view.View"),
        bbox=normalized,
        bbox_pixels=pixels,
        hint_text=label if editable else None,
        is_checked=bool(checked) if isinstance(checked, bool) else False,
        is_checkable=isinstance(checked, bool),
        is_clickable=clickable,
        is_editable=editable,
        is_enabled=bool(element.get("enabled", True)),
        is_focused=bool(element.get("focused")),
        is_focusable=clickable,
        is_long_clickable=False,
        is_scrollable=False,
        is_selected=bool(element.get("focused")),
        is_visible=bool(element.get("on_screen", True)),
        package_name=PACKAGES.get(surface),
        resource_name=_text(element.get("id")),
    )


def validate_ui_element(element: UIElement, screen_width_height_px: tuple[int, int]) -> bool:
    """AndroidWorld's ``m3a_utils.validate_ui_element``: visible, with a box on the screen."""
    if not element.is_visible:
        return False
    box = element.bbox_pixels
    if box:
        width, height = screen_width_height_px
        if (
            box.x_min >= box.x_max
            or box.x_min >= width
            or box.x_max <= 0
            or box.y_min >= box.y_max
            or box.y_min >= height
            or box.y_max <= 0
        ):
            return False
    return True


def ui_elements_description(
    ui_elements: Sequence[UIElement], screen_width_height_px: tuple[int, int]
) -> str:
    """The element list as T3A's prompt gives it (its
    ``_generate_ui_elements_description_list_full``): a line ``UI element {index}: {element}``
    for each element :func:`validate_ui_element` keeps, the index counting all elements."""
    return "".join(
        f"UI element {index}: {element}\n"
        for index, element in enumerate(ui_elements)
        if validate_ui_element(element, screen_width_height_px)
    )


def action_fields(action: Any) -> dict[str, Any]:
    """An action as the protocol takes it: a dict as it is; any other object (a ``JSONAction``)
    as ``dataclasses.asdict`` writes one, each of JSONAction's fields, ``None`` where absent."""
    if isinstance(action, Mapping):
        return dict(action)
    if dataclasses.is_dataclass(action) and not isinstance(action, type):
        fields = dataclasses.asdict(action)
        return {name: fields.get(name) for name in JSON_ACTION_FIELDS} | fields
    if not hasattr(action, "action_type"):
        raise TypeError(f"an action needs an action_type (a JSONAction or a dict): {action!r}")
    return {name: getattr(action, name, None) for name in JSON_ACTION_FIELDS}


class AndroidWorldEnv:
    """One task of mi-settings behind AndroidWorld's ``AsyncEnv`` interface.

    >>> env = AndroidWorldEnv("turn_on_bluetooth", seed=0)        # doctest: +SKIP
    >>> state = env.reset(go_home=False)                          # doctest: +SKIP
    >>> print(ui_elements_description(state.ui_elements, env.logical_screen_size))  # doctest: +SKIP
    >>> env.execute_action({"action_type": "click", "index": 5})  # doctest: +SKIP
    >>> env.execute_action({"action_type": "status", "goal_status": "complete"})  # doctest: +SKIP
    >>> env.is_successful()                                       # doctest: +SKIP
    1.0

    ``task``, ``seed`` and ``language`` (``"en"``, ``"zh-CN"``; default the agent's) choose the
    episode each :meth:`reset` starts; :meth:`set_task` chooses another. ``seconds_per_action``
    simulated seconds pass after each action (5 recommended, docs/agent-protocol.md);
    ``scale`` (1 to 4) magnifies the pixels; ``finish`` is ``"on_status"`` (AndroidWorld's way:
    the task is judged when the agent says ``status``) or ``"on_success"``. ``options`` go to
    the reset as they are (``width``, ``height``, ``skin`` …). The goal is :attr:`goal`; after
    the episode, :meth:`is_successful` (AndroidWorld's task method's name) scores it.
    """

    def __init__(
        self,
        task: str,
        seed: int = 0,
        *,
        language: str | None = None,
        seconds_per_action: float = 5,
        scale: int = 1,
        finish: str = "on_status",
        options: Mapping[str, Any] | None = None,
        binary: str | os.PathLike[str] | None = None,
        allow_solution: bool = False,
    ) -> None:
        self.task = task
        self.seed = int(seed)
        self.language = language
        self.seconds_per_action = seconds_per_action
        self.scale = scale
        self.finish = finish
        self.options = dict(options or {})
        args = ["agent", "--allow-solution"] if allow_solution else ["agent"]
        self._agent = AgentProcess(binary, args=args)
        #: What the agent answered with ``answer`` (AndroidWorld's ``interaction_cache``).
        self.interaction_cache = ""
        #: The messages :meth:`display_message` was given, ``(header, message)``, newest last
        #: (the simulated phone has no overlay to show them on).
        self.messages: list[tuple[str, str]] = []
        self._answer: dict[str, Any] | None = None
        self._state: State | None = None
        #: The episode's reward so far, and whether it ended (terminated or truncated).
        self.reward = 0.0
        self.terminated = False
        self.truncated = False
        #: The ``info`` of the last answer (``goal``, ``outcome``, ``error`` …).
        self.info: dict[str, Any] = {}
        self.goal = ""

    # --- AndroidWorld's AsyncEnv ----------------------------------------------------------

    @property
    def controller(self) -> AgentProcess:
        """The ``mi-settings agent`` process (where AndroidWorld has its device controller)."""
        return self._agent

    def reset(self, go_home: bool = False) -> State:
        """Starts the task's episode afresh (``go_home``: then presses Home, as AndroidWorld)."""
        options: dict[str, Any] = {
            "observation": "both",
            "coordinates": "pixels",
            "scale": self.scale,
            "seconds_per_action": self.seconds_per_action,
            "finish": self.finish,
        }
        if self.language is not None:
            options["language"] = self.language
        options.update(self.options)
        answer = self._agent.reset(self.task, self.seed, **options)
        self.interaction_cache = ""
        self.reward = 0.0
        self.terminated = self.truncated = False
        self._take(answer)
        self.goal = str(self.info.get("goal", ""))
        if go_home:
            self.execute_action({"action_type": "navigate_home"})
        return self.get_state()

    def set_task(self, task: str, seed: int | None = None) -> None:
        """The task (and seed) the next :meth:`reset` starts."""
        self.task = task
        if seed is not None:
            self.seed = int(seed)

    def get_state(self, wait_to_stabilize: bool = False) -> State:
        """The screen as the last answer showed it. The simulation moves only with actions,
        so it is always stable (``wait_to_stabilize`` changes nothing)."""
        del wait_to_stabilize
        if self._state is None:
            raise RuntimeError("no episode: call reset() first")
        return self._state

    def execute_action(self, action: Any) -> None:
        """Plays one action: a ``JSONAction`` (any object with its attributes) or a dict, in
        AndroidWorld's words (docs/agent-protocol.md). ``answer`` also sets
        :attr:`interaction_cache`, as AndroidWorld's environment does. What the action did is
        in :attr:`info` (``info["error"]`` when it could not be done), the episode's end in
        :attr:`terminated`, :attr:`truncated`, :attr:`reward`."""
        if self._answer is None:
            raise RuntimeError("no episode: call reset() first")
        fields = action_fields(action)
        if fields.get("action_type") == "answer":
            self.interaction_cache = str(fields.get("text") or "")
        answer = self._agent.step(fields)
        self.reward += float(answer.get("reward", 0.0))
        self.terminated = bool(answer.get("terminated"))
        self.truncated = bool(answer.get("truncated"))
        self._take(answer)

    def display_message(self, message: str, header: str = "") -> None:
        """Kept in :attr:`messages` (AndroidWorld shows it in an overlay app)."""
        self.messages.append((header, message))

    def hide_automation_ui(self) -> None:
        """Nothing to hide: the simulated phone draws no pointer location."""

    @property
    def foreground_activity_name(self) -> str:
        """The app in front, as Android names its activity: Settings, the browser, or the
        home screen's launcher."""
        forest = self._answer.get("observation", {}) if self._answer else {}
        if forest.get("screen") == "home_screen":
            return HOME_ACTIVITY
        return ACTIVITIES.get(str(forest.get("surface", "phone")), "")

    @property
    def device_screen_size(self) -> tuple[int, int]:
        """The screen in pixels, ``(width, height)`` (of :attr:`State.pixels`)."""
        frame = self._agent.frame
        if frame is None:
            return (0, 0)
        (height, width), _ = frame
        return (width, height)

    @property
    def logical_screen_size(self) -> tuple[int, int]:
        """The same as :attr:`device_screen_size`: the frame is drawn upright, one to one."""
        return self.device_screen_size

    def close(self) -> None:
        self._agent.close()

    # --- scoring --------------------------------------------------------------------------

    def is_successful(self) -> float:
        """1.0 if the episode ended with the task done (judged at ``status`` with
        ``finish="on_status"``), else 0.0: AndroidWorld's ``task.is_successful(env)``."""
        return 1.0 if self.terminated and self.reward >= 1.0 else 0.0

    # --- the rest -------------------------------------------------------------------------

    def _take(self, answer: dict[str, Any]) -> None:
        """Keeps an answer and the state it shows."""
        info = answer.get("info")
        self.info = dict(info) if isinstance(info, dict) else {}
        observation = answer.get("observation")
        if not isinstance(observation, dict):
            raise RuntimeError(f"the agent's answer has no observation: {answer!r}"[:500])
        frame = self._agent.frame
        if frame is None:
            raise RuntimeError("the agent's answer has no pixels")
        (height, width), data = frame
        pixels = np.frombuffer(data, dtype=np.uint8).reshape(height, width, 3).copy()
        surface = str(observation.get("surface", "phone"))
        elements = observation.get("elements") or []
        ui_elements = [
            ui_element_from(element, (width, height), surface)
            for element in elements
            if isinstance(element, Mapping)
        ]
        self._answer = answer
        self._state = State(
            pixels=pixels,
            forest=observation,
            ui_elements=ui_elements,
            auxiliaries=dict(self.info),
        )

    def __enter__(self) -> AndroidWorldEnv:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
