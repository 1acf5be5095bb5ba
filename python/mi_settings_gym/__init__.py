"""Gymnasium environment for mi-settings, a terminal simulation of a Xiaomi phone's Settings -> Mi
Account area, played through the ``mi-settings agent`` JSON-lines protocol.

>>> import gymnasium as gym, json, mi_settings_gym          # doctest: +SKIP
>>> env = gym.make("mi_settings/MiSettings-v0", task="turn_on_bluetooth", render_mode="ansi")  # doctest: +SKIP
>>> obs, info = env.reset(seed=0)                           # doctest: +SKIP
>>> json.loads(obs)["screen"], info["goal"]                 # doctest: +SKIP
>>> obs, reward, terminated, truncated, info = env.step({"action_type": "navigate_back"})  # doctest: +SKIP

See :mod:`mi_settings_gym.env` for the spaces, and the package README.
"""

from __future__ import annotations

import functools
from typing import Any

import gymnasium

from .client import AgentError, AgentProcess, BinaryNotFoundError, ProtocolError, find_binary
from .env import MiSettingsEnv, parse_observation
from .spaces import ASCII_PRINTABLE, AsciiText, SharedTextBatch

__all__ = [
    "ENV_ID",
    "ASCII_PRINTABLE",
    "AgentError",
    "AgentProcess",
    "AsciiText",
    "BinaryNotFoundError",
    "MiSettingsEnv",
    "ProtocolError",
    "SharedTextBatch",
    "find_binary",
    "make_env",
    "make_vector_env",
    "parse_observation",
]

__version__ = "0.1.0"

#: The registered id: ``gymnasium.make(ENV_ID, **kwargs)`` once this package is imported.
ENV_ID = "mi_settings/MiSettings-v0"

if ENV_ID not in gymnasium.registry:
    gymnasium.register(id=ENV_ID, entry_point="mi_settings_gym.env:MiSettingsEnv")


def make_env(**kwargs: Any) -> gymnasium.Env:
    """``gymnasium.make(ENV_ID, **kwargs)``; a module-level function, so that
    ``functools.partial(make_env, ...)`` pickles by reference and imports (so registers) this
    package in a worker process whatever its start method."""
    return gymnasium.make(ENV_ID, **kwargs)


def make_vector_env(
    num_envs: int, *, shared_memory: bool = False, context: str | None = None, **kwargs: Any
) -> gymnasium.vector.AsyncVectorEnv:
    """An ``AsyncVectorEnv`` of ``num_envs`` environments, each a worker process with its own
    ``mi-settings agent`` subprocess; ``kwargs`` go to each environment.

    Both ``shared_memory`` settings work (see :mod:`mi_settings_gym.spaces`); off, the default,
    each observation is pickled through the worker's pipe, which is as fast here and allocates
    no buffer of ``max_observation_length`` cells per environment.
    """
    factory = functools.partial(make_env, **kwargs)
    return gymnasium.vector.AsyncVectorEnv(
        [factory] * num_envs, shared_memory=shared_memory, context=context
    )
