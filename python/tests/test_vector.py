"""AsyncVectorEnv: one worker process, so one mi-settings subprocess, per environment."""

from __future__ import annotations

import functools
import json

import gymnasium as gym
import numpy as np
import pytest

import mi_settings_gym

SIMPLE = "turn_on_bluetooth"


def _run(envs: gym.vector.AsyncVectorEnv, steps: int) -> None:
    obs, infos = envs.reset(seed=[0, 1])
    assert len(obs) == 2
    assert [json.loads(o)["screen"] for o in obs] == ["settings", "settings"]
    assert list(infos["seed"]) == [0, 1]
    actions = [{"action_type": "click", "label": "Bluetooth"}, {"action_type": "navigate_back"}]
    for n in range(steps):
        action = json.dumps(actions[n % 2])
        obs, rewards, terminated, truncated, infos = envs.step((action, action))
        assert len(obs) == 2
        assert all(envs.single_observation_space.contains(o) for o in obs)
        assert rewards.shape == (2,)
        assert not terminated.any()
        assert not truncated.any()
        assert json.loads(obs[0])["screen"] == (
            "settings" if n % 2 else json.loads(obs[1])["screen"]
        )


@pytest.mark.parametrize("shared_memory", [False, True])
def test_async_vector_env_two_envs(shared_memory):
    envs = mi_settings_gym.make_vector_env(
        2, shared_memory=shared_memory, task=SIMPLE, placement="process"
    )
    try:
        _run(envs, 6)
        pids = envs.get_attr("pid")
        assert len(set(pids)) == 2
        assert None not in pids
    finally:
        envs.close()


def test_async_vector_env_shared_memory_and_spawn():
    # The default AsyncVectorEnv (shared memory for the Text space), workers started by spawn:
    # the factory is pickled by reference and imports (so registers) the package itself.
    factory = functools.partial(mi_settings_gym.make_env, task=SIMPLE)
    envs = gym.vector.AsyncVectorEnv([factory, factory], context="spawn")
    try:
        _run(envs, 4)
    finally:
        envs.close()


def test_async_vector_env_autoresets_after_the_end():
    envs = mi_settings_gym.make_vector_env(2, task=SIMPLE)
    try:
        envs.reset(seed=[0, 0])
        solution = [
            json.dumps({"action_type": "click", "label": "Bluetooth"}),
            json.dumps({"action_type": "click", "id": "bluetooth.toggle"}),
        ]
        for action in solution:
            _, rewards, terminated, _, _ = envs.step((action, action))
        assert rewards.tolist() == [1.0, 1.0]
        assert terminated.all()
        # Gymnasium's default (next-step) autoreset: this step's action is ignored and the
        # environments start new episodes.
        obs, rewards, terminated, _, _ = envs.step(("{}", "{}"))
        assert rewards.tolist() == [0.0, 0.0]
        assert not terminated.any()
        assert [json.loads(o)["screen"] for o in obs] == ["settings", "settings"]
    finally:
        envs.close()


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_make_vec_through_the_registry(mode):
    envs = gym.make_vec(mi_settings_gym.ENV_ID, num_envs=2, vectorization_mode=mode, task=SIMPLE)
    try:
        obs, _ = envs.reset(seed=0)
        assert len(obs) == 2
        assert json.loads(obs[0])["screen"] == "settings"
        obs, rewards, *_ = envs.step(('{"action_type":"click","label":"Bluetooth"}',) * 2)
        assert np.array_equal(rewards, [0.0, 0.0])
        assert json.loads(obs[1])["screen"] != "settings"
    finally:
        envs.close()
