"""The example scripts as a person runs them: without a binary to find, they say so in one line
(how to point at one) and exit, with no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["random_agent.py", "oracle_agent.py"])
def test_an_example_without_a_binary_prints_the_message_only(script, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MI_SETTINGS_BIN"}
    # No mi-settings on PATH either: only the interpreter's own folder.
    env["PATH"] = os.path.dirname(sys.executable)
    few = ["--episodes", "1"] if script == "random_agent.py" else ["--seeds", "1"]
    done = subprocess.run(
        [sys.executable, str(PYTHON_DIR / "examples" / script), *few],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "MI_SETTINGS_BIN" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
