"""The registered ids (one per task of the binary's catalogue), the package's list of task ids,
and the version written in one place."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import gymnasium as gym
import pytest

import mi_settings_gym
from mi_settings_gym import TASK_IDS, MiSettingsEnv, task_env_id
from mi_settings_gym import _task_ids as task_ids_module
from mi_settings_gym.write_task_ids import COMMAND, difference, main, render_task_ids_module

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_package_lists_the_binarys_catalogue(catalogue):
    """The list the ids are registered from is the binary's catalogue, in its order; when this
    fails, the catalogue changed: write the list again (the message says how)."""
    ids = [task["id"] for task in catalogue]
    assert difference(TASK_IDS, ids) is None, f"{difference(TASK_IDS, ids)}; run: {COMMAND}"


def test_the_list_is_as_the_writer_writes_it():
    text = Path(task_ids_module.__file__).read_text(encoding="utf-8")
    assert text == render_task_ids_module(TASK_IDS)


def test_the_writer_prints_and_checks(binary, capsys):
    assert main(["--binary", binary]) == 0
    assert capsys.readouterr().out == render_task_ids_module(TASK_IDS)
    assert main(["--binary", binary, "--check"]) == 0
    assert difference(["a", "b"], ["b", "a"]) == (
        "the package lists the catalogue's task ids in another order"
    )
    assert "['c']" in (difference(["a", "b"], ["a", "b", "c"]) or "")


def test_every_task_of_the_catalogue_has_an_id_that_plays_it(catalogue):
    """``mi_settings/<task>-v0`` for every task of the binary's catalogue: registered, and its
    environment resets to that task (whatever the seed), and can be told another."""
    assert mi_settings_gym.ENV_ID in gym.registry
    for n, entry in enumerate(catalogue):
        env_id = f"mi_settings/{entry['id']}-v0"
        assert task_env_id(entry["id"]) == env_id
        assert env_id in gym.registry, env_id
        assert gym.spec(env_id).kwargs == {"task": entry["id"]}
        env = gym.make(env_id)
        try:
            assert isinstance(env.unwrapped, MiSettingsEnv)
            obs, info = env.reset(seed=n % 3)
            assert info["task"] == entry["id"]
            assert info["max_steps"] == entry["max_steps"]
            assert json.loads(obs)["goal"] == info["goal"]
            assert env.reset()[1]["task"] == entry["id"]
        finally:
            env.close()
    env = gym.make("mi_settings/turn_on_bluetooth-v0", task="what_is_my_mi_account_id")
    try:
        assert env.reset(seed=0)[1]["task"] == "what_is_my_mi_account_id"
        _, info = env.reset(seed=0, options={"task": "check_login_history"})
        assert info["task"] == "check_login_history"
    finally:
        env.close()


def test_registering_the_tasks_of_another_catalogue():
    ids = mi_settings_gym.register_task_envs(["a_task_of_my_own", "turn_on_bluetooth"])
    try:
        assert ids == ["mi_settings/a_task_of_my_own-v0", "mi_settings/turn_on_bluetooth-v0"]
        assert gym.spec(ids[0]).kwargs == {"task": "a_task_of_my_own"}
        assert mi_settings_gym.register_task_envs(["a_task_of_my_own"]) == ids[:1]  # once
    finally:
        del gym.registry[ids[0]]
    with pytest.raises(ValueError, match="Gymnasium id"):
        task_env_id("not/an id")


@pytest.mark.parametrize("placement", ["auto", "process"])
def test_import_starts_no_process_and_needs_no_binary(tmp_path, placement):
    """Importing the package registers every id without starting a process, on a machine with no
    binary; making an environment starts nothing either. Its first reset plays the simulator
    built into the package, still starting no process; asked for a process, it says what is
    missing."""
    code = """
import subprocess, sys
def refuse(*args, **kwargs):
    raise AssertionError("a process was started")
subprocess.Popen = refuse
import gymnasium as gym
import mi_settings_gym
ids = [i for i in gym.registry if i.startswith("mi_settings/")]
assert len(ids) == len(mi_settings_gym.TASK_IDS) + 1, ids
env = gym.make("mi_settings/turn_on_bluetooth-v0")
try:
    obs, info = env.reset()
    print("played", env.unwrapped.client.placement, info["task"])
except mi_settings_gym.BinaryNotFoundError as e:
    print("missing:", e)
"""
    environ = {k: v for k, v in os.environ.items() if k != "MI_SETTINGS_BIN"}
    environ["PATH"] = str(tmp_path)  # no mi-settings there
    environ["MI_SETTINGS_PLACEMENT"] = placement
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        cwd=tmp_path,  # the installed package, not a source folder beside
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    if placement == "auto":
        assert done.stdout.strip() == "played in-process turn_on_bluetooth", done.stdout
    else:
        assert "missing: cannot find the 'mi-settings' binary" in done.stdout


def test_the_version_is_written_once():
    """The package's version is the installed distribution's, which is pyproject.toml's."""
    assert mi_settings_gym.__version__ == importlib.metadata.version("mi-settings-gym")
    written = re.findall(r'^version = "([^"]+)"$', PYPROJECT.read_text(encoding="utf-8"), re.M)
    assert written == [mi_settings_gym.__version__]
    # (and the package does not write it again)
    assert written[0] not in Path(mi_settings_gym.__file__).read_text(encoding="utf-8")
