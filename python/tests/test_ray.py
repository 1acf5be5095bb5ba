"""The Ray backend (mi_settings_gym.evaluate.ray_backend) on a two-node Ray cluster on this
machine, talking over loopback only, in namespaces of its own (ray_cluster.py): a run through
``--ray 127.0.0.1:PORT`` gives results byte-identical to the local run's, and so does a run
during which one actor's process is killed, with each episode once; the actors sit on both
nodes. The scenario runs once (tests/ray_two_nodes.py); each test reads what it left.

Skipped, saying why, without Ray (``pip install './python[ray]'``; python/run-tests installs it)
or where the namespaces cannot be made (not root, no ``unshare``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mi_settings_gym.evaluate.ray_backend import resolved
from mi_settings_gym.evaluate.worker import WorkerConfig

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ray_cluster import in_namespaces, namespace_problem  # noqa: E402

#: The scenario's episodes (tests/ray_two_nodes.py: 2 tasks x seeds 0..5).
EPISODES = 12
#: The longest the whole scenario may take (seconds): cluster start, three runs, stop.
SCENARIO_SECONDS = 900


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip(
        "ray", reason="Ray is not installed: pip install './python[ray]' (python/run-tests does)"
    )
    why = namespace_problem()
    if why is not None:
        pytest.skip(f"no two-node Ray cluster on loopback here: {why}")
    out = tmp_path_factory.mktemp("ray")
    done = subprocess.run(
        in_namespaces([sys.executable, str(HERE / "ray_two_nodes.py"), str(out)]),
        capture_output=True,
        text=True,
        timeout=SCENARIO_SECONDS,
        check=False,
    )
    assert done.returncode == 0, (
        f"the scenario failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    )
    return out


def report(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return loaded


def keys(path: Path) -> list[str]:
    return [json.loads(line)["key"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_ray_run_is_byte_identical_to_the_local_run(scenario: Path) -> None:
    local = (scenario / "local" / "results.jsonl").read_bytes()
    assert local.count(b"\n") == EPISODES
    assert (scenario / "ray" / "results.jsonl").read_bytes() == local
    assert len(set(keys(scenario / "ray" / "results.partial.jsonl"))) == EPISODES


def test_actors_run_on_both_nodes(scenario: Path) -> None:
    placement = report(scenario)["placement"]
    assert len(placement) == 2, placement
    assert len(set(placement.values())) == 2, f"both actors on one node: {placement}"


def test_an_actor_killed_mid_run_loses_nothing_and_counts_nothing_twice(scenario: Path) -> None:
    seen = report(scenario)
    # Killed while the run was under way: only the rows that need no gate were done.
    assert seen["rows_before_kill"] == 2
    assert str(seen["killed"]) in seen["placement"]
    # Ray restarted it: a new actor process appeared after the kill.
    assert seen["actors_after_kill"], seen
    assert seen["killed_returncode"] == 0
    killed = scenario / "killed"
    local = (scenario / "local" / "results.jsonl").read_bytes()
    assert (killed / "results.jsonl").read_bytes() == local
    journal = keys(killed / "results.partial.jsonl")
    assert len(journal) == EPISODES
    assert len(set(journal)) == EPISODES, journal
    logs = list((killed / "logs").rglob("*.json"))
    assert len(logs) == EPISODES
    # The killed actor's staging folder is gone too.
    assert not [p.name for p in (killed / "logs").iterdir() if p.name.startswith(".staging-")]


def test_the_driver_hands_actors_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = resolved(WorkerConfig(agent="a:B", log_dir="logs"))
    assert config.log_dir == str(tmp_path / "logs")
    assert config.binary is not None
    assert os.path.isabs(config.binary)
    assert os.path.samefile(config.binary, os.environ["MI_SETTINGS_BIN"])


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("127.0.0.1:1", "no Ray cluster answers there"),
        ("nowhere", "write auto, HOST:PORT"),
    ],
)
def test_an_address_without_a_cluster_is_refused_by_name(
    tmp_path: Path, address: str, said: str
) -> None:
    pytest.importorskip("ray", reason="Ray is not installed: pip install './python[ray]'")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mi_settings_gym.evaluate",
            "--agent",
            "mi_settings_gym.examples.random_agent:RandomAgent",
            "--out",
            str(tmp_path / "out"),
            "--tasks",
            "check_login_history",
            "--seeds",
            "0",
            "--ray",
            address,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"--ray {address}: {said}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "results.jsonl").exists()
