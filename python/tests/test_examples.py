"""The example scripts as a person runs them: with no binary anywhere they play on the simulator
built into the package; told to use a process where there is no binary to find, they say so in
one line (how to point at one) and exit, with no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent


def _run_without_a_binary(script, tmp_path, **extra):
    env = {
        k: v for k, v in os.environ.items() if k not in ("MI_SETTINGS_BIN", "MI_SETTINGS_PLACEMENT")
    }
    # No mi-settings on PATH either: only the interpreter's own folder.
    env["PATH"] = os.path.dirname(sys.executable)
    env.update(extra)
    few = ["--episodes", "1"] if script == "random_agent.py" else ["--seeds", "1"]
    return subprocess.run(
        [sys.executable, str(PYTHON_DIR / "examples" / script), *few],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("script", ["random_agent.py", "oracle_agent.py"])
def test_an_example_without_a_binary_plays_in_process(script, tmp_path):
    done = _run_without_a_binary(script, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "episodes reached reward 1" in done.stdout, done.stdout


@pytest.mark.parametrize("script", ["random_agent.py", "oracle_agent.py"])
def test_an_example_told_to_use_a_process_without_a_binary_prints_the_message_only(
    script, tmp_path
):
    done = _run_without_a_binary(script, tmp_path, MI_SETTINGS_PLACEMENT="process")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "MI_SETTINGS_BIN" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
