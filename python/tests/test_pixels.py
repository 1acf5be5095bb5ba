"""Pixels: the ``observation`` and ``render_mode="rgb_array"`` of the environment, the frame as
raw bytes after each answer, the same pixels as the simulator's PNG, and a video of an episode."""

from __future__ import annotations

import io
import json

import gymnasium as gym
import numpy as np
import pytest

import mi_settings_gym
from mi_settings_gym import AgentProcess, MiSettingsEnv

SIMPLE = "turn_on_bluetooth"
CLICK = {"action_type": "click", "label": "Bluetooth"}
SHAPE = (384, 480, 3)


def png_pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        assert image.mode == "RGB"
        return np.asarray(image).copy()


@pytest.mark.parametrize(
    ("observation", "render_mode"),
    [("pixels", "rgb_array"), ("both", None), ("text", "rgb_array"), ("pixels", None)],
)
def test_check_env_passes_with_pixels(binary, check_quietly, observation, render_mode):
    check_quietly(
        gym.make(
            mi_settings_gym.ENV_ID, task=SIMPLE, observation=observation, render_mode=render_mode
        )
    )


def test_pixel_observations_are_arrays_of_ones_own(make):
    env = make(task=SIMPLE, observation="pixels", render_mode="rgb_array")
    assert env.observation_space == gym.spaces.Box(0, 255, SHAPE, np.uint8)
    first, info = env.reset(seed=0)
    assert info["task"] == SIMPLE
    assert first.shape == SHAPE
    assert first.dtype == np.uint8
    assert env.observation_space.contains(first)
    kept = first.copy()
    rendered = env.render()
    assert rendered is not None
    assert np.array_equal(rendered, first)
    after, _, terminated, _, info = env.step(CLICK)
    assert (info["steps"], terminated) == (1, False)
    # The buffer the bytes are read into is reused: what was handed out is not overwritten.
    assert np.array_equal(first, kept)
    assert not np.array_equal(after, first)
    again = env.render()
    assert again is not None
    assert np.array_equal(again, after)
    again[:] = 0
    assert not np.array_equal(env.render(), again), "render() returns a copy"
    # A malformed action changes nothing.
    same, _, _, _, info = env.step('{"action_type": "click", "bogus": 1}')
    assert "error" in info
    assert np.array_equal(same, after)


def test_both_holds_the_text_and_the_pixels(make):
    env = make(task=SIMPLE, observation="both", scale=2)
    obs, _ = env.reset(seed=0)
    assert set(obs) == {"text", "pixels"}
    assert obs["pixels"].shape == (768, 960, 3)
    assert json.loads(obs["text"])["screen"] == "settings"
    assert env.observation_space.contains(obs)
    with pytest.warns(UserWarning, match="without a render_mode"):
        assert env.render() is None


def test_text_observations_stay_as_they_were(make):
    plain = make(task=SIMPLE)
    rendered = make(task=SIMPLE, render_mode="rgb_array")
    for env in (plain, rendered):
        assert isinstance(env.observation_space, mi_settings_gym.AsciiText)
    a, _ = plain.reset(seed=3)
    b, _ = rendered.reset(seed=3)
    assert a == b
    a = plain.step(CLICK)
    b = rendered.step(CLICK)
    assert a == b
    assert plain.client.frame is None, "no pixels were sent"
    assert rendered.render().shape == SHAPE


def test_pixels_are_the_pngs_pixels(make):
    for language in ("en", "zh-CN"):
        env = make(task="change_the_password", observation="pixels", render_mode="rgb_array")
        obs, _ = env.reset(seed=1, options={"language": language})
        for action in [None, *env.solution()[:3]]:
            if action is not None:
                obs, *_ = env.step(action)
            png = env.render_png()
            assert png.startswith(b"\x89PNG\r\n\x1a\n")
            assert np.array_equal(png_pixels(png), obs), (language, action)
            assert np.array_equal(env.render(), obs)


def test_the_client_reads_pixels_after_each_answer_and_stays_in_step(binary):
    with AgentProcess(binary) as agent:
        reset = agent.reset(SIMPLE, 0, observation="pixels", scale=1)
        assert reset["pixels"] == {"width": 480, "height": 384, "bytes": 480 * 384 * 3}
        assert "observation" not in reset
        assert agent.frame is not None
        shape, data = agent.frame
        assert shape == (384, 480)
        assert len(data) == 480 * 384 * 3
        # Answers without pixels in between: the next line is read where it should be.
        assert "Bluetooth" in agent.render()
        assert agent.tasks()
        step = agent.step(CLICK)
        assert step["info"]["steps"] == 1
        assert step["pixels"]["bytes"] == len(data)
        with pytest.raises(mi_settings_gym.ProtocolError, match="scale 9"):
            agent.reset(SIMPLE, 0, observation="pixels", scale=9)


def test_bad_arguments_are_refused(make):
    with pytest.raises(ValueError, match="observation must be"):
        MiSettingsEnv(observation="rgb")
    with pytest.raises(ValueError, match="scale must be"):
        MiSettingsEnv(scale=5)
    env = make(task=SIMPLE, observation="pixels")
    with pytest.raises(ValueError, match="fixed at construction"):
        env.reset(seed=0, options={"width": 80})


def test_record_video_writes_a_video_of_an_episode(tmp_path):
    pytest.importorskip("moviepy")
    env = gym.make(mi_settings_gym.ENV_ID, task="change_the_password", render_mode="rgb_array")
    folder = tmp_path / "videos"
    env = gym.wrappers.RecordVideo(
        env, str(folder), episode_trigger=lambda episode: True, disable_logger=True
    )
    try:
        env.reset(seed=0)
        frames = 1
        for action in [{"action_type": "scroll", "direction": "down"}] * 4:
            _, _, terminated, truncated, _ = env.step(action)
            frames += 1
            if terminated or truncated:
                break
    finally:
        env.close()  # writes the video
    videos = list(folder.glob("*.mp4"))
    assert len(videos) == 1, list(folder.iterdir())
    assert videos[0].stat().st_size > 1000
    assert frames == 5


def test_shared_memory_and_the_pipe_give_the_same_pixels_and_leave_no_file(make):
    import glob
    import os

    from mi_settings_gym.client import SHARED_MEMORY_DIR

    pattern = os.path.join(SHARED_MEMORY_DIR, "mi-settings-pixels-*")
    before = set(glob.glob(pattern))
    shared = make(task=SIMPLE, observation="pixels", render_mode="rgb_array")
    piped = make(task=SIMPLE, observation="pixels", render_mode="rgb_array", shared_pixels=False)
    frames = 0
    for seed in (0, 1):
        a, _ = shared.reset(seed=seed)
        b, _ = piped.reset(seed=seed)
        for action in [None, CLICK, {"action_type": "navigate_back"}]:
            if action is not None:
                a, *_ = shared.step(action)
                b, *_ = piped.step(action)
            assert np.array_equal(a, b)
            assert np.array_equal(shared.render(), b)
            frames += 1
    assert frames == 6
    if os.path.isdir(SHARED_MEMORY_DIR):
        assert shared.client._frame_shared, "the frames came through shared memory"
    assert not piped.client._frame_shared
    assert set(glob.glob(pattern)) == before, "the files are removed once opened"


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_pixels_equal_the_command_lines_png_of_the_same_state(binary, make, tmp_path, language):
    """The frame an agent gets is the picture `mi-settings replay --png` draws for that state:
    the episode's log, replayed with pictures, ends on the same pixels."""
    import subprocess

    logs = tmp_path / "logs"
    env = make(task=SIMPLE, observation="pixels", render_mode="rgb_array", log_dir=logs)
    env.reset(seed=2, options={"language": language})
    last, _, terminated, _, _ = env.step({"action_type": "click", "index": 0})
    assert not terminated
    env.close()  # the log is written when the episode ends
    (log,) = sorted(logs.glob("*.json"))
    pictures = tmp_path / "pictures"
    subprocess.run(
        [binary, "replay", str(log), "--png", str(pictures)],
        check=True,
        capture_output=True,
    )
    drawn = sorted((pictures / log.stem).glob("*.png"))
    assert len(drawn) >= 2, drawn  # the start, and after the step
    assert np.array_equal(png_pixels(drawn[-1].read_bytes()), last)
    assert not np.array_equal(png_pixels(drawn[0].read_bytes()), last)
