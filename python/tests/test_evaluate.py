"""The evaluation runner over the simulator: the same results.jsonl bytes whatever the number of
workers, resuming (after a kill too), crashes recorded as rows, logs that replay, and the
command's messages for bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mi_settings_gym.evaluate.local import run_local
from mi_settings_gym.evaluate.plan import Episode, plan
from mi_settings_gym.evaluate.runner import JOURNAL, RESULTS, RunError, run
from mi_settings_gym.evaluate.worker import Worker, WorkerConfig

HERE = Path(__file__).resolve().parent
RANDOM = "mi_settings_gym.examples.random_agent:RandomAgent"
ORACLE = "mi_settings_gym.examples.oracle_agent:OracleAgent"
#: A few tasks of each difficulty, a short one and long ones.
TASKS = [
    "turn_on_bluetooth",
    "change_the_password",
    "put_the_phone_in_lost_mode",
    "sync_over_wifi_only",
]


@pytest.fixture(autouse=True)
def _agents_importable(monkeypatch):
    """The test agents (evaluate_agents.py) import in worker processes and commands too."""
    monkeypatch.syspath_prepend(str(HERE))
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", str(HERE) + (os.pathsep + path if path else ""))


def local(workers):
    return lambda config, todo: run_local(config, todo, workers)


def episodes(catalogue, seeds=(0, 1, 2), tasks=TASKS):
    return plan(catalogue, seeds=list(seeds), tasks=tasks, languages=["en", "zh-CN"])


def evaluate(binary, catalogue, out, *, agent=RANDOM, workers=1, chosen=None, **kwargs):
    config = WorkerConfig(agent=agent, binary=binary, **kwargs)
    return run(config, chosen or episodes(catalogue), str(out), local(workers), catalogue=catalogue)


def test_results_are_the_same_bytes_for_1_2_and_4_workers(binary, catalogue, tmp_path):
    results = {}
    for workers in (1, 2, 4):
        summary = evaluate(binary, catalogue, tmp_path / str(workers), workers=workers)
        assert summary.played == 24
        results[workers] = (tmp_path / str(workers) / RESULTS).read_bytes()
    assert results[1] == results[2] == results[4]
    rows = [json.loads(line) for line in results[1].splitlines()]
    assert [r["key"] for r in rows] == [e.key for e in episodes(catalogue)]
    # The random agent ends episodes every way but crashing (and its steps vary).
    assert {r["outcome"] for r in rows} >= {"failure", "truncated"}
    assert all(r["outcome"] != "crashed" for r in rows)
    assert len({r["steps"] for r in rows}) > 3
    # The journal holds the same rows, in the order they came.
    journal = (tmp_path / "4" / JOURNAL).read_bytes().splitlines()
    assert sorted(journal) == sorted(results[4].splitlines())


def test_the_oracle_succeeds_and_its_logs_replay(binary, catalogue, tmp_path):
    summary = evaluate(binary, catalogue, tmp_path, agent=ORACLE, workers=2)
    assert summary.tables["overall"]["success"] == 24
    rows = [json.loads(line) for line in (tmp_path / RESULTS).read_text().splitlines()]
    logs = [tmp_path / "logs" / r["log"] for r in rows]
    assert all(log.is_file() for log in logs)
    assert rows[0]["log"] == "change_the_password/en/text/0.json"
    # Only the logs: the staging folders are gone.
    assert sorted(p.name for p in (tmp_path / "logs").iterdir()) == sorted(TASKS)
    replayed = subprocess.run(
        [binary, "replay", *map(str, logs)], capture_output=True, text=True, check=False
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert replayed.stdout.endswith("24 passed, 0 failed\n"), replayed.stdout[-300:]


def test_a_random_episodes_log_replays(binary, catalogue, tmp_path):
    evaluate(binary, catalogue, tmp_path, chosen=episodes(catalogue, seeds=[5]))
    logs = sorted((tmp_path / "logs").rglob("*.json"))
    assert len(logs) == 8
    replayed = subprocess.run(
        [binary, "replay", *map(str, logs)], capture_output=True, text=True, check=False
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr


def test_a_rerun_plays_only_what_is_missing_and_never_counts_a_row_twice(
    binary, catalogue, tmp_path
):
    whole = tmp_path / "whole"
    evaluate(binary, catalogue, whole)
    part = tmp_path / "part"
    first = episodes(catalogue)[:10]
    assert evaluate(binary, catalogue, part, chosen=first).played == 10
    summary = evaluate(binary, catalogue, part, workers=2)
    assert (summary.played, summary.resumed) == (14, 10)
    assert (part / RESULTS).read_bytes() == (whole / RESULTS).read_bytes()
    assert len((part / JOURNAL).read_bytes().splitlines()) == 24
    # Again: nothing to play.
    assert evaluate(binary, catalogue, part).played == 0
    assert (part / RESULTS).read_bytes() == (whole / RESULTS).read_bytes()

    # A backend that gives a row twice (an episode retried elsewhere): counted once.
    again = tmp_path / "again"

    def twice(config, todo):
        for row in run_local(config, todo, 1):
            yield row
            yield dict(row, steps=-1)

    run(WorkerConfig(agent=RANDOM, binary=binary), episodes(catalogue), str(again), twice)
    assert (again / RESULTS).read_bytes() == (whole / RESULTS).read_bytes()


def test_a_journal_cut_midline_resumes_after_its_last_whole_line(binary, catalogue, tmp_path):
    whole = tmp_path / "whole"
    evaluate(binary, catalogue, whole)
    cut = tmp_path / "cut"
    evaluate(binary, catalogue, cut, chosen=episodes(catalogue)[:5])
    with open(cut / JOURNAL, "ab") as journal:
        journal.write(b'{"key":"turn_on_bluetooth/en/te')
    summary = evaluate(binary, catalogue, cut)
    assert (summary.played, summary.resumed) == (19, 5)
    assert (cut / RESULTS).read_bytes() == (whole / RESULTS).read_bytes()


def test_another_agent_in_the_same_folder_is_refused_unless_fresh(binary, catalogue, tmp_path):
    chosen = episodes(catalogue)[:2]
    evaluate(binary, catalogue, tmp_path, chosen=chosen)
    (tmp_path / "mine.txt").write_text("kept")
    with pytest.raises(RunError, match=r"holds a run of .*use another --out, or --fresh"):
        evaluate(binary, catalogue, tmp_path, agent=ORACLE, chosen=chosen)
    config = WorkerConfig(agent=ORACLE, binary=binary)
    summary = run(config, chosen, str(tmp_path), local(1), fresh=True)
    assert summary.played == 2
    assert summary.tables["overall"]["success"] == 2
    assert (tmp_path / "mine.txt").read_text() == "kept"


def test_an_agent_that_raises_crashes_its_episodes_only(binary, catalogue, tmp_path):
    summary = evaluate(binary, catalogue, tmp_path, agent="evaluate_agents:RaisingAgent", workers=2)
    rows = summary.rows
    crashed = [r for r in rows if r["outcome"] == "crashed"]
    # Seed 1's episodes, but for those that ended before a third action.
    assert crashed
    assert {r["seed"] for r in crashed} == {1}
    assert all(
        r["error"] == "the agent raised ValueError at step 3: the model timed out" for r in crashed
    )
    assert all(r["steps"] == 2 for r in crashed)
    # The others are the random agent's own.
    evaluate(binary, catalogue, tmp_path / "random")
    plain = {
        json.loads(line)["key"]: json.loads(line)
        for line in (tmp_path / "random" / RESULTS).read_text().splitlines()
    }
    for row in rows:
        if row["seed"] != 1:
            assert row == plain[row["key"]]
    # A crashed episode's log is kept too, and replays.
    logs = [str(tmp_path / "logs" / r["log"]) for r in crashed]
    replayed = subprocess.run(
        [binary, "replay", *logs], capture_output=True, text=True, check=False
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr


def test_an_agent_that_returns_garbage_crashes_its_episodes(binary, catalogue, tmp_path):
    chosen = plan(catalogue, seeds=[0, 1, 2, 3, 4], tasks=["change_the_password"])
    summary = evaluate(
        binary, catalogue, tmp_path, agent="evaluate_agents:GarbageAgent", chosen=chosen
    )
    by_seed = {r["seed"]: r for r in summary.rows}
    assert by_seed[0]["outcome"] != "crashed"
    assert (
        by_seed[1]["error"]
        == "the agent returned int at step 2, not an action (a dict or a JSON object): 42"
    )
    assert (
        by_seed[2]["error"]
        == "the agent returned a string that is not JSON at step 2: 'click the blue thing'"
    )
    assert (
        by_seed[3]["error"]
        == "the agent returned list at step 2, not an action (a dict or a JSON object): [1, 2]"
    )
    assert by_seed[4]["error"].startswith("the agent returned NoneType at step 2")
    assert all(
        by_seed[s]["outcome"] == "crashed" and by_seed[s]["steps"] == 1 for s in (1, 2, 3, 4)
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_simulator_killed_mid_episode_crashes_that_episode_and_the_run_goes_on(
    binary, catalogue, tmp_path, workers
):
    summary = evaluate(
        binary, catalogue, tmp_path, agent="evaluate_agents:KillerAgent", workers=workers
    )
    crashed = [r for r in summary.rows if r["outcome"] == "crashed"]
    assert crashed
    assert {r["seed"] for r in crashed} == {1}
    for row in crashed:
        assert row["error"].startswith(
            "AgentError: the mi-settings agent process (mi-settings) "
        ), row
        assert "exit code -9" in row["error"], row
        assert row["log"] is None  # killed: it could not write it
    # Every other episode is played as the random agent plays it, on a fresh simulator.
    evaluate(binary, catalogue, tmp_path / "random")
    plain = [json.loads(line) for line in (tmp_path / "random" / RESULTS).read_text().splitlines()]
    for row, expected in zip(summary.rows, plain, strict=True):
        if row["seed"] != 1:
            assert row == expected


def test_the_worker_plays_on_after_a_crash(binary):
    config = WorkerConfig(agent="evaluate_agents:KillerAgent", binary=binary)
    with Worker(config) as worker:
        rows = [worker.run(Episode("change_the_password", seed)) for seed in (0, 1, 0)]
    assert [r["outcome"] == "crashed" for r in rows] == [False, True, False]
    assert rows[0] == rows[2]


def command(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "mi_settings_gym.evaluate", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        **kwargs,
    )


def test_the_command_stopped_midway_resumes_to_the_same_bytes(binary, tmp_path):
    args = ["--agent", "evaluate_agents:SlowAgent", "--tasks", ",".join(TASKS), "--seeds", "0..4"]
    assert command(*args, "--out", str(tmp_path / "whole"), "--quiet").returncode == 0
    whole = (tmp_path / "whole" / RESULTS).read_bytes()
    assert len(whole.splitlines()) == 20

    for how in (signal.SIGKILL, signal.SIGINT):
        out = tmp_path / how.name
        runner = subprocess.Popen(
            [sys.executable, "-m", "mi_settings_gym.evaluate", *args, "--out", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        journal = out / JOURNAL
        for _ in range(6000):  # bounded: at most a minute
            if journal.exists() and len(journal.read_bytes().splitlines()) >= 5:
                break
            time.sleep(0.01)
        runner.send_signal(how)
        _, stderr = runner.communicate(timeout=60)
        done = len(journal.read_bytes().splitlines())
        assert 5 <= done < 20, done
        assert not (out / RESULTS).exists()
        if how == signal.SIGINT:
            assert runner.returncode == 1
            assert "interrupted; the episodes done are kept in" in stderr
            assert "Traceback" not in stderr
        resumed = command(*args, "--out", str(out))
        assert resumed.returncode == 0, resumed.stderr
        assert f"played {20 - done} in" in resumed.stdout
        assert f"{done} already done" in resumed.stdout
        assert (out / RESULTS).read_bytes() == whole


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--agent", "nope.module:Agent"],
            "--agent 'nope.module:Agent': cannot import the module 'nope.module'",
        ),
        (["--agent", "mi_settings_gym"], "--agent 'mi_settings_gym': write it as module:Class"),
        (["--agent", "evaluate_agents:Nobody"], "has no 'Nobody'"),
        (["--agent", "evaluate_agents:NotAnAgent"], "has no method act"),
        (
            ["--agent", "evaluate_agents:BrokenConstructor"],
            "making the agent raised RuntimeError: no API key",
        ),
        (["--seeds", "0..abc"], "--seeds '0..abc': 'abc' is not a non-negative whole number"),
        (
            ["--tasks", "turn_on_bluetooth,fly_to_the_moon"],
            "unknown task 'fly_to_the_moon': `mi-settings tasks list` lists the catalogue",
        ),
        (["--tag", "underwater"], "unknown tag 'underwater': the choices are"),
        (
            ["--difficulty", "trivial"],
            "unknown difficulty 'trivial': the choices are easy, medium, hard",
        ),
        (["--workers", "0"], "argument --workers: 0 is not from 1 to 256"),
        (["--max-steps", "many"], "argument --max-steps: 'many' is not a whole number"),
        (["--language", "fr"], "argument --language: invalid choice: 'fr'"),
        (["--observation", "text,audio"], "unknown observation 'audio': the choices are text"),
        (["--ray", "auto"], "install mi-settings-gym[ray]"),
    ],
)
def test_bad_input_gets_one_clear_message(args, says, tmp_path):
    if "--agent" not in args:
        args = ["--agent", RANDOM, *args]
    env = None
    if "--ray" in args:
        # Ray may be installed (python/run-tests installs the extra [ray]): hidden here, as
        # if it were not (sys.modules["ray"] = None: the import fails, find_spec says None).
        hidden = tmp_path / "hidden"
        hidden.mkdir()
        (hidden / "sitecustomize.py").write_text("import sys\n\nsys.modules['ray'] = None\n")
        path = os.pathsep.join(p for p in (str(hidden), os.environ.get("PYTHONPATH")) if p)
        env = {**os.environ, "PYTHONPATH": path}
    done = command(*args, "--out", str(tmp_path / "out"), env=env)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / JOURNAL).exists()


def test_the_command_writes_results_summary_and_logs(binary, tmp_path):
    out = tmp_path / "out"
    done = command(
        "--agent",
        ORACLE,
        "--difficulty",
        "easy",
        "--tag",
        "phone",
        "--seeds",
        "3,1",
        "--language",
        "both",
        "--observation",
        "pixels,both",
        "--workers",
        "2",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (out / RESULTS).read_text().splitlines()]
    assert rows
    assert all(r["outcome"] == "success" for r in rows)
    assert {(r["language"], r["observation"]) for r in rows} == {
        (lang, obs) for lang in ("en", "zh-CN") for obs in ("pixels", "both")
    }
    assert [r["seed"] for r in rows[:4]] == [3, 1, 3, 1]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["overall"]["success"] == len(rows)
    assert set(summary["by_difficulty"]) == {"easy"}
    assert summary["this_session"]["episodes_played"] == len(rows)
    assert "| easy |" in (out / "summary.md").read_text()
    assert f"{len(rows)} episodes: {len(rows)} success (100.0%)" in done.stdout


def test_no_file_is_written_through_a_planted_link(binary, catalogue, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    chosen = plan(catalogue, seeds=[0], tasks=["turn_on_bluetooth", "sync_over_wifi_only"])
    out = tmp_path / "out"
    (out / "logs").mkdir(parents=True)
    (out / "logs" / "turn_on_bluetooth").symlink_to(elsewhere)
    (out / JOURNAL).symlink_to(elsewhere / "journal")
    (out / "run.json").write_text(
        json.dumps({"agent": RANDOM, "max_steps": None, "seconds_per_action": 0})
    )
    with pytest.raises(RunError, match="is a symbolic link"):
        evaluate(binary, catalogue, out, chosen=chosen)
    (out / JOURNAL).unlink()
    summary = evaluate(binary, catalogue, out, chosen=chosen)
    wifi, bluetooth = summary.rows
    assert bluetooth["log"] is None
    assert "is a symbolic link: no log is written through one" in bluetooth["error"]
    assert wifi["log"] == "sync_over_wifi_only/en/text/0.json"
    assert list(elsewhere.iterdir()) == []
    (out / "logs").rename(tmp_path / "logs")
    (out / "logs").symlink_to(elsewhere)
    with pytest.raises(RunError, match="logs is a symbolic link"):
        evaluate(binary, catalogue, out, chosen=chosen)


def test_max_steps_truncates_and_the_log_replays(binary, catalogue, tmp_path):
    chosen = plan(catalogue, seeds=[0, 1], tasks=["change_the_password", "turn_on_bluetooth"])
    summary = evaluate(binary, catalogue, tmp_path, agent=ORACLE, chosen=chosen, max_steps=3)
    by_task: dict[str, list[dict]] = {}
    for row in summary.rows:
        by_task.setdefault(row["task"], []).append(row)
    # The oracle needs 10 actions here: stopped at 3, each episode on a fresh simulator.
    for row in by_task["change_the_password"]:
        assert (row["outcome"], row["steps"]) == ("truncated", 3)
        assert row["end"] == "out of steps (--max-steps 3)"
    # Two actions do it: the limit is not reached.
    assert [r["outcome"] for r in by_task["turn_on_bluetooth"]] == ["success", "success"]
    logs = [str(tmp_path / "logs" / r["log"]) for r in summary.rows]
    replayed = subprocess.run(
        [binary, "replay", *logs], capture_output=True, text=True, check=False
    )
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert replayed.stdout.endswith("4 passed, 0 failed\n"), replayed.stdout


def test_the_agent_is_told_the_goal_in_the_episodes_language_and_sees_its_mode(binary):
    config = WorkerConfig(agent="evaluate_agents:RecordingAgent", binary=binary, max_steps=1)
    with Worker(config) as worker:
        worker.run(Episode("turn_on_bluetooth", 4, "zh-CN", "both"))
        goal, seed, info = worker.agent.told
        first = worker.agent.seen[0]
        assert seed == 4
        assert "\u84dd\u7259" in goal  # 蓝牙, Bluetooth
        assert (info["task"], info["language"], info["observation"]) == (
            "turn_on_bluetooth",
            "zh-CN",
            "both",
        )
        assert "solution" not in info
        assert set(first) == {"text", "pixels"}
        assert first["pixels"].shape == (384, 480, 3)
        worker.run(Episode("turn_on_bluetooth", 4, "en", "text"))
        goal, _, info = worker.agent.told
        assert "Bluetooth" in goal
        assert isinstance(worker.agent.seen[0], str)
