"""MiSettingsVectorEnv: N environments in one ``mi-settings agent --batch`` process, held to N
single environments stepped with the same seeds and actions."""

from __future__ import annotations

import json
import os
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AutoresetMode, SyncVectorEnv

import mi_settings_gym
from mi_settings_gym import MiSettingsEnv, MiSettingsVectorEnv, ProtocolError

TASKS = ["turn_on_bluetooth", "sign_out_keep_data", "turn_off_find_device_without_password"]

# Actions that move, err, refuse and end episodes: a click by index, a back, a status (which
# ends the episode), a wait, a malformed action, text that is not JSON, and a dict.
ACTIONS: list[Any] = [
    '{"action_type":"click","index":3}',
    '{"action_type":"click","index":1}',
    '{"action_type":"navigate_back"}',
    '{"action_type":"status","goal_status":"complete"}',
    '{"action_type":"wait"}',
    '{"action_type":"bogus"}',
    "not json at all",
    {"action_type": "scroll", "direction": "down"},
    '{"action_type":"click","label":"Bluetooth"}',
]


def _singles(n: int, mode: AutoresetMode, **kwargs: Any) -> SyncVectorEnv:
    return SyncVectorEnv(
        [lambda: MiSettingsEnv(**kwargs) for _ in range(n)], autoreset_mode=mode, copy=False
    )


def _same_infos(batch: dict[str, Any], single: dict[str, Any]) -> None:
    assert batch.keys() == single.keys()
    for key, value in single.items():
        if isinstance(value, dict):
            _same_infos(batch[key], value)
            continue
        got = batch[key]
        assert got.dtype == value.dtype, key
        assert got.shape == value.shape, key
        for a, b in zip(got, value, strict=True):
            if isinstance(b, dict):
                _same_infos(a, b)
            else:
                assert a == b or (a is None and b is None), (key, a, b)


@pytest.mark.parametrize("placement", ["in-process", "process"])
@pytest.mark.parametrize(
    "mode", [AutoresetMode.NEXT_STEP, AutoresetMode.SAME_STEP, AutoresetMode.DISABLED]
)
def test_the_batch_equals_single_envs_stepped_alike(mode, placement):
    n, steps = 3, 40
    batch = MiSettingsVectorEnv(n, TASKS, autoreset_mode=mode, placement=placement)
    assert batch.client.placement == ("in-process" if placement == "in-process" else "free")
    singles = _singles(n, mode, task=TASKS)
    rng = np.random.default_rng(7)
    ended = 0
    try:
        assert batch.metadata["autoreset_mode"] == mode
        assert batch.single_observation_space == singles.single_observation_space
        assert batch.single_action_space == singles.single_action_space
        assert batch.observation_space == singles.observation_space
        got, single = batch.reset(seed=11), singles.reset(seed=11)
        assert got[0] == single[0]
        _same_infos(got[1], single[1])
        for _ in range(steps):
            actions = tuple(ACTIONS[int(k)] for k in rng.integers(len(ACTIONS), size=n))
            got_step = batch.step(actions)
            single_step = singles.step(actions)
            assert got_step[0] == single_step[0]  # the observations, byte for byte
            assert batch.observation_space.contains(got_step[0])
            for a, b in zip(got_step[1:4], single_step[1:4], strict=True):
                assert a.dtype == b.dtype
                assert np.array_equal(a, b)
            _same_infos(got_step[4], single_step[4])
            done = np.logical_or(got_step[2], got_step[3])
            ended += int(done.sum())
            if mode == AutoresetMode.DISABLED and done.any():
                got = batch.reset(options={"reset_mask": done})
                single = singles.reset(options={"reset_mask": done})
                assert got[0] == single[0]
                _same_infos(got[1], single[1])
    finally:
        batch.close()
        singles.close()
    assert ended >= 3, "the actions end episodes, so autoreset is exercised"


def test_next_step_autoreset_resets_the_ended_env_and_ignores_its_action():
    with MiSettingsVectorEnv(2, "turn_on_bluetooth") as envs:
        first, _ = envs.reset(seed=[5, 6])
        status = '{"action_type":"status","goal_status":"complete"}'
        back = '{"action_type":"navigate_back"}'
        _, rewards, terminated, truncated, _ = envs.step([status, back])
        assert list(terminated) == [True, False]
        assert rewards[0] == 0.0  # Bluetooth is still off: a wrong status
        obs, rewards, terminated, truncated, infos = envs.step([status, back])
        # Environment 0 was reset (its action ignored): reward 0, no end, a reset's info.
        assert not terminated.any()
        assert not truncated.any()
        assert rewards[0] == 0.0
        assert infos["_goal"].tolist() == [True, False]
        assert infos["steps"].tolist() == [0, 2]
        assert json.loads(obs[0])["screen"] == "settings"
        assert json.loads(obs[0])["goal"] == json.loads(first[0])["goal"]


def test_actions_in_a_numpy_array_are_steps_through_the_truncation_and_its_autoreset():
    # A numpy array's items are numpy.str_, not str: they must still be sent as steps.
    with MiSettingsVectorEnv(2, "turn_on_bluetooth") as envs:
        _, infos = envs.reset(seed=[5, 6])
        limit = int(infos["max_steps"][0])
        back = np.array(['{"action_type":"navigate_back"}'] * 2)
        for step in range(1, limit + 1):
            _, _, terminated, truncated, infos = envs.step(back)
            assert infos["steps"].tolist() == [step, step]
            assert not terminated.any()
            assert truncated.tolist() == [step == limit] * 2
        _, _, _, truncated, infos = envs.step(back)
        assert infos["steps"].tolist() == [0, 0]  # reset, as the next step autoresets
        assert not truncated.any()


def test_make_vec_finds_the_vector_entry_point_for_every_id():
    for env_id in (mi_settings_gym.ENV_ID, mi_settings_gym.task_env_id("sign_out_keep_data")):
        envs = gym.make_vec(env_id, num_envs=2, vectorization_mode="vector_entry_point")
        try:
            assert isinstance(envs, MiSettingsVectorEnv)
            assert envs.num_envs == 2
            obs, infos = envs.reset(seed=0)
            assert len(obs) == 2
            assert all(envs.single_observation_space.contains(o) for o in obs)
            assert envs.observation_space.contains(obs)  # Gymnasium's batch: a tuple
            if env_id != mi_settings_gym.ENV_ID:
                assert infos["task"].tolist() == ["sign_out_keep_data", "sign_out_keep_data"]
        finally:
            envs.close()


def test_a_reset_mask_resets_only_the_envs_it_names():
    with MiSettingsVectorEnv(3, "turn_on_bluetooth") as envs:
        envs.reset(seed=0)
        envs.step(['{"action_type":"click","label":"Bluetooth"}'] * 3)
        mask = np.array([False, True, False])
        obs, infos = envs.reset(seed=[None, 9, None], options={"reset_mask": mask})
        assert infos["_seed"].tolist() == [False, True, False]
        assert infos["seed"][1] == 9
        screens = [json.loads(o)["screen"] for o in obs]
        assert screens[1] == "settings"
        assert screens[0] == screens[2] != "settings"


def test_errors_are_clear():
    with pytest.raises(ValueError, match="num_envs"):
        MiSettingsVectorEnv(0)
    with pytest.raises(ValueError, match="num_envs"):
        MiSettingsVectorEnv(100_000)
    with pytest.raises(ValueError, match="text only"):
        MiSettingsVectorEnv(2, observation="pixels")
    with MiSettingsVectorEnv(2, "turn_on_bluetooth") as envs:
        with pytest.raises(gym.error.ResetNeeded):
            envs.step(['{"action_type":"wait"}'] * 2)
        mask = np.array([False, True])
        with pytest.raises(ProtocolError, match=r"environment 1: envs\[1\]: .*no_such_task"):
            envs.reset(seed=0, options={"reset_mask": mask, "task": "no_such_task"})
        envs.reset(seed=0)
        with pytest.raises(ValueError, match="3 actions for 2 environments"):
            envs.step(['{"action_type":"wait"}'] * 3)
        with pytest.raises(TypeError, match="an action is a dict or a JSON string"):
            envs.step([object(), object()])


def test_close_ends_the_in_process_session_and_may_be_repeated():
    envs = MiSettingsVectorEnv(4, "turn_on_bluetooth")
    envs.reset(seed=0)
    client = envs.client
    assert client.placement == "in-process"
    assert client.alive
    assert envs.pid is None
    envs.close()
    envs.close()
    assert not client.alive


def test_close_ends_the_process_and_may_be_repeated():
    envs = MiSettingsVectorEnv(4, "turn_on_bluetooth", placement="process")
    envs.reset(seed=0)
    pid = envs.pid
    assert pid is not None
    envs.close()
    envs.close()
    assert envs.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_every_episode_is_logged(tmp_path):
    with MiSettingsVectorEnv(3, "turn_on_bluetooth", log_dir=tmp_path) as envs:
        envs.reset(seed=0)
        envs.step(['{"action_type":"status","goal_status":"complete"}'] * 3)
        envs.step(['{"action_type":"wait"}'] * 3)  # the autoreset
    logs = sorted(p.name for p in tmp_path.iterdir())
    # Three ended by the status, three more (the reset ones) logged at the close only if they
    # took a step: none did.
    assert len(logs) == 3, logs
    assert {name.split("-seed")[1] for name in logs} == {"0.json", "1.json", "2.json"}


def test_without_shared_memory_observations_come_through_the_pipe(monkeypatch):
    monkeypatch.setattr(mi_settings_gym.vector, "SHARED_MEMORY_DIR", "/nonexistent/shm")
    batch = MiSettingsVectorEnv(2, TASKS)
    singles = _singles(2, AutoresetMode.NEXT_STEP, task=TASKS)
    try:
        assert batch._rows is None
        assert batch.reset(seed=3)[0] == singles.reset(seed=3)[0]
        for k in range(12):
            actions = (ACTIONS[k % len(ACTIONS)], ACTIONS[(k * 5) % len(ACTIONS)])
            assert batch.step(actions)[0] == singles.step(actions)[0]
    finally:
        batch.close()
        singles.close()


def test_the_reference_solutions_play_through_the_batch():
    with MiSettingsVectorEnv(3, TASKS, allow_solution=True) as envs:
        envs.reset(seed=4)
        solutions = envs.call("solution")
        assert len(solutions) == 3
        assert all(solutions)
        rewards: list[float | None] = [None, None, None]
        wait = json.dumps({"action_type": "wait"})
        for k in range(max(len(s) for s in solutions)):
            actions = [json.dumps(s[k]) if k < len(s) else wait for s in solutions]
            _, reward, terminated, truncated, _ = envs.step(actions)
            for i in range(3):
                if rewards[i] is None and (terminated[i] or truncated[i]):
                    rewards[i] = float(reward[i])
        assert rewards == [1.0, 1.0, 1.0]
    with MiSettingsVectorEnv(2, TASKS) as envs:
        envs.reset(seed=0)
        with pytest.raises(ProtocolError, match="environment 0: envs\\[0\\]: the reference"):
            envs.call("solution")
        with pytest.raises(AttributeError, match="render"):
            envs.call("render")
