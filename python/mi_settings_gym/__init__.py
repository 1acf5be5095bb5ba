"""Gymnasium environment for mi-settings, a terminal simulation of a Xiaomi phone's Settings -> Mi
Account area, played through the ``mi-settings agent`` JSON-lines protocol: by default with the
simulator built into the package (running in this process), else as a ``mi-settings agent``
subprocess (see :mod:`mi_settings_gym.inprocess`).

>>> import gymnasium as gym, json, mi_settings_gym          # doctest: +SKIP
>>> env = gym.make("mi_settings/turn_on_bluetooth-v0", render_mode="ansi")  # doctest: +SKIP
>>> obs, info = env.reset(seed=0)                           # doctest: +SKIP
>>> json.loads(obs)["screen"], info["goal"]                 # doctest: +SKIP
>>> obs, reward, terminated, truncated, info = env.step({"action_type": "wait"})  # doctest: +SKIP

Importing the package registers ``mi_settings/MiSettings-v0`` (any task: ``task=...``) and one id
per task of the catalogue, ``mi_settings/<task id>-v0`` (see :mod:`mi_settings_gym.registration`).
See :mod:`mi_settings_gym.env` for the spaces, and the package README.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import gymnasium

from ._placement import PLACEMENT_ENV, PLACEMENTS
from .android_world import (
    AndroidWorldEnv,
    BoundingBox,
    JSONAction,
    State,
    UIElement,
    ui_elements_description,
)
from .client import (
    AgentClient,
    AgentError,
    AgentProcess,
    BinaryNotFoundError,
    ProtocolError,
    find_binary,
)
from .env import MiSettingsEnv, parse_observation
from .inprocess import InProcessAgent
from .registration import ENV_ID, TASK_IDS, register_envs, register_task_envs, task_env_id
from .spaces import ASCII_PRINTABLE, AsciiText, SharedTextBatch
from .vector import MiSettingsVectorEnv

__all__ = [
    "ASCII_PRINTABLE",
    "ENV_ID",
    "PLACEMENTS",
    "PLACEMENT_ENV",
    "TASK_IDS",
    "AgentClient",
    "AgentError",
    "AgentProcess",
    "AndroidWorldEnv",
    "AsciiText",
    "BinaryNotFoundError",
    "BoundingBox",
    "InProcessAgent",
    "JSONAction",
    "MiSettingsEnv",
    "MiSettingsVectorEnv",
    "ProtocolError",
    "SharedTextBatch",
    "State",
    "UIElement",
    "__version__",
    "find_binary",
    "make_env",
    "make_vector_env",
    "parse_observation",
    "register_task_envs",
    "task_env_id",
    "ui_elements_description",
]

# The version is written once, in pyproject.toml; the installed distribution's metadata has it.
try:
    __version__ = version("mi-settings-gym")
except PackageNotFoundError:  # imported from a source tree that is not installed
    __version__ = "0+unknown"

register_envs()


def make_env(env_id: str = ENV_ID, **kwargs: Any) -> gymnasium.Env[str, str]:
    """``gymnasium.make(env_id, **kwargs)``; a module-level function, so that
    ``functools.partial(make_env, ...)`` pickles by reference and imports (so registers) this
    package in a worker process whatever its start method."""
    env: gymnasium.Env[str, str] = gymnasium.make(env_id, **kwargs)
    return env


def make_vector_env(
    num_envs: int,
    *,
    env_id: str = ENV_ID,
    shared_memory: bool = False,
    context: str | None = None,
    **kwargs: Any,
) -> gymnasium.vector.AsyncVectorEnv:
    """An ``AsyncVectorEnv`` of ``num_envs`` environments of ``env_id`` (default the generic
    id; a task's id, ``mi_settings/<task>-v0``, plays that task), each a worker process with its
    own ``mi-settings agent`` subprocess; ``kwargs`` go to each environment.

    Both ``shared_memory`` settings work (see :mod:`mi_settings_gym.spaces`); off, the default,
    each observation is pickled through the worker's pipe, which is as fast here and allocates
    no buffer of ``max_observation_length`` cells per environment.
    """
    factory = functools.partial(make_env, env_id, **kwargs)
    return gymnasium.vector.AsyncVectorEnv(
        [factory] * num_envs, shared_memory=shared_memory, context=context
    )
