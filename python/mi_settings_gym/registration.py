"""The Gymnasium ids: ``mi_settings/MiSettings-v0`` for any task, and one id per task of the
catalogue, ``mi_settings/<task id>-v0`` (as BrowserGym registers ``browsergym/<task>``), whose
environment plays that task.

The ids of the tasks come from a list in the package (:mod:`mi_settings_gym._task_ids`), written
from the binary's catalogue by :mod:`mi_settings_gym.write_task_ids` and checked against it by
the tests, not from the binary at import time: importing the package starts no process, needs
no binary (a worker of an ``AsyncVectorEnv`` imports it too, and a machine may install the
package before it builds the binary), and registers the same ids every time. A binary with
tasks the list lacks (a newer catalogue) still plays them through ``mi_settings/MiSettings-v0``
with ``task=...``, and :func:`register_task_envs` registers ids for them from the running
binary's catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import gymnasium

from ._task_ids import TASK_IDS

__all__ = [
    "ENTRY_POINT",
    "ENV_ID",
    "NAMESPACE",
    "TASK_IDS",
    "VECTOR_ENTRY_POINT",
    "register_envs",
    "register_task_envs",
    "task_env_id",
]

NAMESPACE = "mi_settings"
#: The generic id: ``gymnasium.make(ENV_ID, task=...)`` plays any task (or a list, or ``"*"``).
ENV_ID = f"{NAMESPACE}/MiSettings-v0"
ENTRY_POINT = "mi_settings_gym.env:MiSettingsEnv"
#: ``gymnasium.make_vec(id, num_envs=N, vectorization_mode="vector_entry_point")``: N
#: environments in one simulator process (:mod:`mi_settings_gym.vector`).
VECTOR_ENTRY_POINT = "mi_settings_gym.vector:MiSettingsVectorEnv"

# A task id as it may stand in a Gymnasium id (and in a Python string literal as written).
_TASK_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def task_env_id(task: str) -> str:
    """The registered id of one task: ``mi_settings/<task>-v0``."""
    if not _TASK_ID.fullmatch(task):
        raise ValueError(f"{task!r} cannot be part of a Gymnasium id")
    return f"{NAMESPACE}/{task}-v0"


def register_task_envs(task_ids: Iterable[str]) -> list[str]:
    """Registers ``mi_settings/<task>-v0`` for each task not registered yet (its environment
    plays that task: ``task`` is the spec's keyword argument, which ``gymnasium.make`` keywords
    may still override). Returns the ids of all the tasks given, in order.

    Import time registers the package's list; call this for a binary whose catalogue has more,
    e.g. ``register_task_envs(env.unwrapped.task_ids)``.
    """
    ids = []
    for task in task_ids:
        env_id = task_env_id(task)
        if env_id not in gymnasium.registry:
            gymnasium.register(
                id=env_id,
                entry_point=ENTRY_POINT,
                vector_entry_point=VECTOR_ENTRY_POINT,
                kwargs={"task": task},
            )
        ids.append(env_id)
    return ids


def register_envs() -> None:
    """Registers :data:`ENV_ID` and every task's id of the package's list (done at import)."""
    if ENV_ID not in gymnasium.registry:
        gymnasium.register(
            id=ENV_ID, entry_point=ENTRY_POINT, vector_entry_point=VECTOR_ENTRY_POINT
        )
    register_task_envs(TASK_IDS)
