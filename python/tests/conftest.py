"""Shared fixtures: the mi-settings binary, the catalogue, environments that are closed after each
test.

The binary is ``$MI_SETTINGS_BIN`` if set, else the repository's newest build
(target/release or target/debug beside this folder), else ``mi-settings`` on PATH. It is exported
as ``MI_SETTINGS_BIN`` so that worker processes (``AsyncVectorEnv``) find it too.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gymnasium.utils.env_checker import check_env

from mi_settings_gym import AgentProcess, MiSettingsEnv

HERE = Path(__file__).resolve().parent
PYTHON_DIR = HERE.parent
REPO = PYTHON_DIR.parent


def _find_binary() -> str:
    named = os.environ.get("MI_SETTINGS_BIN")
    if named:
        return named
    builds = [REPO / "target" / kind / "mi-settings" for kind in ("release", "debug")]
    builds = [b for b in builds if b.is_file()]
    if builds:
        return str(max(builds, key=lambda b: b.stat().st_mtime))
    found = shutil.which("mi-settings")
    if found:
        return found
    raise pytest.UsageError(
        "no mi-settings binary: set MI_SETTINGS_BIN or run `cargo build` in the repository"
    )


BINARY = _find_binary()
os.environ["MI_SETTINGS_BIN"] = BINARY


@pytest.fixture(scope="session")
def binary() -> str:
    return BINARY


@pytest.fixture(scope="session")
def catalogue(binary: str) -> list[dict[str, Any]]:
    with AgentProcess(binary) as agent:
        return agent.tasks()


@pytest.fixture(params=["in-process", "process"])
def make(request: pytest.FixtureRequest) -> Iterator[Callable[..., MiSettingsEnv]]:
    """``make(**kwargs)``: an unwrapped MiSettingsEnv, closed at the end of the test; each test
    runs twice, with the simulator in this process (the default) and as a process (unless it
    asks for a placement itself)."""
    envs: list[MiSettingsEnv] = []

    def factory(**kwargs: Any) -> MiSettingsEnv:
        # The tests play reference solutions: the simulator hands them out (an agent under
        # evaluation would not be started so).
        kwargs.setdefault("allow_solution", True)
        if request.param == "process":
            kwargs.setdefault("placement", "process")
        env = MiSettingsEnv(**kwargs)
        envs.append(env)
        return env

    yield factory
    for env in envs:
        env.close()


def _check_env_without_warnings(env: Any) -> None:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            check_env(env.unwrapped)
        assert not caught, [str(w.message) for w in caught]
    finally:
        env.close()


@pytest.fixture
def check_quietly() -> Callable[[Any], None]:
    """``check_quietly(env)``: Gymnasium's ``check_env`` on ``env`` (made by ``gym.make``,
    checked unwrapped) passes without a warning; ``env`` is closed after."""
    return _check_env_without_warnings
