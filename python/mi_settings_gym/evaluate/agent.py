"""The interface an agent under evaluation implements, and loading one from ``module:Class``.

An agent is a class the runner makes once per worker, with no arguments, and reuses for every
episode that worker plays::

    class MyAgent:
        def reset(self, goal: str, seed: int, info: dict) -> None:
            '''A new episode: its goal (in the episode's language) and seed, and the reset's
            info: task, seed, max_steps, kind, language, observation (and solution, below).'''

        def act(self, observation) -> dict | str:
            '''The next action for this observation: an AndroidWorld-style action, a dict such
            as {"action_type": "click", "index": 3} or that dict as a JSON string.'''

``observation`` is what :class:`mi_settings_gym.MiSettingsEnv` gives for the episode's
observation mode: the observation as a JSON string (``text``, the goal as its ``"goal"``
member), the screen as an HxWx3 ``uint8`` array (``pixels``), or a dict of both (``both``).

Optional: ``close()``, called when the worker ends; ``uses_solution = True`` as a class
attribute, for oracles only: the simulator is then started with ``--allow-solution`` and the
reset's info holds ``"solution"``, the episode's reference solution as a list of actions.

An agent must be deterministic given what it is told (draw its randomness from ``seed``): the
runner's results are then the same whatever the number of workers or the order of episodes.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

__all__ = ["Agent", "AgentLoadError", "load_agent_class"]


@runtime_checkable
class Agent(Protocol):
    def reset(self, goal: str, seed: int, info: Mapping[str, Any]) -> None: ...

    def act(self, observation: Any) -> Mapping[str, Any] | str: ...


class AgentLoadError(ValueError):
    """``module:Class`` names no agent class: the message says what and where."""


def load_agent_class(spec: str) -> type[Any]:
    """The class ``spec`` (``"package.module:Class"``) names; :class:`AgentLoadError` if it
    cannot be imported or is not a class with ``reset`` and ``act``."""
    module_name, colon, class_name = spec.partition(":")
    if not colon or not module_name or not class_name:
        raise AgentLoadError(
            f"--agent {spec!r}: write it as module:Class, "
            "e.g. mi_settings_gym.examples.random_agent:RandomAgent"
        )
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        raise AgentLoadError(
            f"--agent {spec!r}: cannot import the module {module_name!r} "
            f"({type(error).__name__}: {error})"
        ) from None
    cls: object = module
    for part in class_name.split("."):
        cls = getattr(cls, part, None)
        if cls is None:
            raise AgentLoadError(
                f"--agent {spec!r}: the module {module_name!r} ({module.__file__}) has no "
                f"{class_name!r}"
            )
    if not isinstance(cls, type):
        raise AgentLoadError(f"--agent {spec!r}: {class_name!r} is not a class")
    missing = [name for name in ("reset", "act") if not callable(getattr(cls, name, None))]
    if missing:
        raise AgentLoadError(
            f"--agent {spec!r}: the class {class_name!r} has no method "
            f"{' nor '.join(missing)} (an agent has reset(goal, seed, info) and act(observation))"
        )
    return cls
