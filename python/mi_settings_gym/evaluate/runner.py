"""The run: the journal, resuming, the final results and the summary, whatever the backend.

In the output folder ``<out>``:

* ``run.json``: what makes results comparable (the agent, ``max_steps``, seconds per action); a
  run resumed with another of these is refused (``fresh=True`` starts over);
* ``results.partial.jsonl``, the journal: each row appended as it arrives, one flushed line, so
  that a run stopped or killed loses no episode done; a rerun skips every key in it, and a second
  row for a key is ignored (an episode retried is never counted twice);
* ``results.jsonl``: at the end, the rows of the plan in plan order, written whole (a temporary
  file renamed): the same bytes whatever the backend and the number of workers;
* ``summary.json`` and ``summary.md``: success by task, difficulty, tag; mean steps; crashes; and
  the wall-clock figures of this session (episodes/s), which are nowhere else;
* ``logs/<task>/<language>/<observation>/<seed>.json``: each episode's log.

One runner at a time per folder (a lock, ``.lock``); ``fresh`` removes these files (and only
these) first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from .plan import Episode, level_order
from .worker import OUTCOMES, WorkerConfig

__all__ = [
    "JOURNAL",
    "RESULTS",
    "RunError",
    "Summary",
    "read_journal",
    "run",
    "summarise",
    "write_whole",
]

JOURNAL = "results.partial.jsonl"
RESULTS = "results.jsonl"
RUN = "run.json"
SUMMARY_JSON = "summary.json"
SUMMARY_MD = "summary.md"
LOGS = "logs"
LOCK = ".lock"
#: What ``fresh`` removes: the runner's own files, nothing else.
OWN_FILES = (JOURNAL, RESULTS, RUN, SUMMARY_JSON, SUMMARY_MD)

Backend = Callable[[WorkerConfig, list[Episode]], Iterator[dict[str, Any]]]


class RunError(RuntimeError):
    """The output folder cannot be used as asked: the message says why and what to do."""


def encode_row(row: Mapping[str, Any]) -> str:
    """A row as its line (without the newline)."""
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def write_whole(path: str, text: str) -> None:
    """Writes ``text`` to ``path`` whole or not at all: a temporary file beside it, renamed over
    it (a link planted at ``path`` is replaced, never followed)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_journal(path: str) -> dict[str, dict[str, Any]]:
    """The rows of a journal by key, the first row of a key kept. A last line cut short (the
    run was killed while writing it) is dropped from the file, so that appending goes on after
    the last whole line."""
    rows: dict[str, dict[str, Any]] = {}
    if os.path.islink(path):
        raise RunError(
            f"the journal {path} is a symbolic link: the runner writes no file through one"
        )
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return rows
    except OSError as error:
        raise RunError(f"cannot read the journal {path}: {error}") from None
    whole = data.rfind(b"\n") + 1
    if whole < len(data):
        with open(path, "r+b") as file:
            file.truncate(whole)
    for number, line in enumerate(data[:whole].splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise RunError(
                f"{path}:{number}: not a JSON line; remove the file (or run with --fresh) "
                "to start the run over"
            ) from None
        if not isinstance(row, dict) or not isinstance(row.get("key"), str):
            raise RunError(f"{path}:{number}: a row without a key")
        rows.setdefault(row["key"], row)
    return rows


@dataclass
class Summary:
    """What :func:`run` did: the rows of the plan (in plan order), and this session's figures."""

    rows: list[dict[str, Any]]
    #: Episodes played in this session (not those found in the journal).
    played: int
    #: Episodes found done in the journal.
    resumed: int
    seconds: float
    tables: dict[str, Any] = field(default_factory=dict)

    @property
    def episodes_per_second(self) -> float:
        return self.played / self.seconds if self.seconds > 0 else 0.0


def _open_journal(path: str) -> IO[str]:
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as error:
        raise RunError(f"cannot open the journal {path}: {error}") from None
    return os.fdopen(fd, "a", encoding="utf-8", newline="\n")


def _lock(out: str) -> IO[bytes]:
    path = os.path.join(out, LOCK)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as error:
        raise RunError(f"cannot make the lock {path}: {error}") from None
    handle = os.fdopen(fd, "r+b")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise RunError(f"another evaluation is running in {out} (it holds {path})") from None
    return handle


def _settings(config: WorkerConfig) -> dict[str, Any]:
    return {
        "agent": config.agent,
        "max_steps": config.max_steps,
        "seconds_per_action": config.seconds_per_action,
    }


def _clear(out: str) -> None:
    for name in OWN_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(out, name))
    logs = os.path.join(out, LOGS)
    if os.path.islink(logs):
        os.unlink(logs)
    elif os.path.isdir(logs):
        shutil.rmtree(logs)


def run(
    config: WorkerConfig,
    episodes: Sequence[Episode],
    out: str,
    backend: Backend,
    *,
    catalogue: Sequence[Mapping[str, Any]] = (),
    fresh: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Plays the episodes of ``episodes`` not yet in ``out``'s journal through ``backend`` and
    writes the results and the summary (see the module). ``config.log_dir`` is set to
    ``<out>/logs``. ``progress(done, total)`` is told after each row."""
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as error:
        raise RunError(f"cannot make the output folder {out}: {error}") from None
    if not os.path.isdir(out):
        raise RunError(f"the output {out} is not a folder")
    lock = _lock(out)
    try:
        return _run_locked(config, list(episodes), out, backend, catalogue, fresh, progress)
    finally:
        lock.close()


def _run_locked(
    config: WorkerConfig,
    episodes: list[Episode],
    out: str,
    backend: Backend,
    catalogue: Sequence[Mapping[str, Any]],
    fresh: bool,
    progress: Callable[[int, int], None] | None,
) -> Summary:
    keys = {e.key for e in episodes}
    if len(keys) != len(episodes):
        raise RunError("the plan names an episode twice")
    if fresh:
        _clear(out)
    settings = _settings(config)
    run_file = os.path.join(out, RUN)
    journal_file = os.path.join(out, JOURNAL)
    if os.path.exists(run_file):
        try:
            with open(run_file, encoding="utf-8") as file:
                before = json.load(file)
        except (OSError, ValueError) as error:
            raise RunError(f"cannot read {run_file}: {error}") from None
        if before != settings:
            raise RunError(
                f"{out} holds a run of {json.dumps(before)}, not {json.dumps(settings)}: "
                "use another --out, or --fresh to replace it"
            )
    elif os.path.exists(journal_file):
        raise RunError(f"{journal_file} has no {RUN} beside it: use another --out, or --fresh")
    else:
        write_whole(run_file, json.dumps(settings, indent=2) + "\n")
    logs = os.path.join(out, LOGS)
    if os.path.islink(logs):
        raise RunError(f"{logs} is a symbolic link: the runner writes no log through one")
    os.makedirs(logs, exist_ok=True)
    # Staging folders a killed run left behind (one runner at a time holds the lock).
    for name in os.listdir(logs):
        if name.startswith(".staging-"):
            shutil.rmtree(os.path.join(logs, name), ignore_errors=True)
    config = dataclasses.replace(config, log_dir=logs)

    done = read_journal(journal_file)
    resumed = sum(1 for key in done if key in keys)
    todo = [e for e in episodes if e.key not in done]
    start = time.perf_counter()
    played = 0
    with _open_journal(journal_file) as journal:
        if todo:
            for row in backend(config, todo):
                key = row.get("key")
                if not isinstance(key, str) or key in done or key not in keys:
                    continue  # a retried episode's second row, or none of this run's
                journal.write(encode_row(row) + "\n")
                journal.flush()
                done[key] = row
                played += 1
                if progress is not None:
                    progress(resumed + played, len(episodes))
    seconds = time.perf_counter() - start
    missing = [e.key for e in episodes if e.key not in done]
    if missing:
        raise RunError(
            f"the backend gave no row for {len(missing)} episodes (the first: {missing[0]}); "
            "rerun to play them"
        )
    rows = [done[e.key] for e in episodes]
    write_whole(os.path.join(out, RESULTS), "".join(encode_row(r) + "\n" for r in rows))
    summary = Summary(rows, played, resumed, seconds)
    summary.tables = summarise(rows, catalogue)
    wall = {
        "episodes_played": played,
        "episodes_resumed": resumed,
        "seconds": round(seconds, 3),
        "episodes_per_second": round(summary.episodes_per_second, 2),
    }
    write_whole(
        os.path.join(out, SUMMARY_JSON),
        json.dumps({**summary.tables, "this_session": wall}, indent=2, ensure_ascii=False) + "\n",
    )
    write_whole(os.path.join(out, SUMMARY_MD), summary_markdown(summary, settings))
    return summary


def _group(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(rows)
    n = len(rows)
    outcomes = {o: sum(r["outcome"] == o for r in rows) for o in OUTCOMES}
    return {
        "episodes": n,
        **outcomes,
        "success_rate": round(outcomes["success"] / n, 4) if n else 0.0,
        "mean_steps": round(sum(r["steps"] for r in rows) / n, 2) if n else 0.0,
    }


def summarise(
    rows: Sequence[dict[str, Any]], catalogue: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    """Success and mean steps overall, by task, difficulty, tag, language and observation (no
    wall-clock figure: the same for the same rows)."""
    info = {str(t["id"]): t for t in catalogue}
    by: dict[str, dict[str, list[dict[str, Any]]]] = {
        name: defaultdict(list) for name in ("task", "difficulty", "tag", "language", "observation")
    }
    for row in rows:
        task = info.get(row["task"], {})
        by["task"][row["task"]].append(row)
        by["difficulty"][str(task.get("difficulty", "?"))].append(row)
        for tag in task.get("tags", []):
            by["tag"][str(tag)].append(row)
        by["language"][row["language"]].append(row)
        by["observation"][row["observation"]].append(row)
    return {
        "overall": _group(rows),
        "by_task": {k: _group(v) for k, v in by["task"].items()},
        "by_difficulty": {
            k: _group(by["difficulty"][k]) for k in sorted(by["difficulty"], key=level_order)
        },
        "by_tag": {k: _group(by["tag"][k]) for k in sorted(by["tag"])},
        "by_language": {k: _group(v) for k, v in by["language"].items()},
        "by_observation": {k: _group(v) for k, v in by["observation"].items()},
    }


def _table(title: str, groups: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = [
        f"## By {title}",
        "",
        f"| {title} | episodes | success % | failure | truncated | crashed | mean steps |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, g in groups.items():
        lines.append(
            f"| {name} | {g['episodes']} | {100 * g['success_rate']:.1f} | {g['failure']} | "
            f"{g['truncated']} | {g['crashed']} | {g['mean_steps']:.1f} |"
        )
    lines.append("")
    return lines


def overview(summary: Summary) -> str:
    """A few lines for the terminal."""
    o = summary.tables["overall"]
    lines = [
        f"{o['episodes']} episodes: {o['success']} success ({100 * o['success_rate']:.1f}%), "
        f"{o['failure']} failure, {o['truncated']} truncated, {o['crashed']} crashed; "
        f"mean steps {o['mean_steps']:.1f}",
    ]
    for level, g in summary.tables["by_difficulty"].items():
        lines.append(
            f"  {level:8} {g['success']:5}/{g['episodes']:<5} success "
            f"({100 * g['success_rate']:.1f}%), mean steps {g['mean_steps']:.1f}"
        )
    lines.append(
        f"played {summary.played} in {summary.seconds:.1f} s "
        f"({summary.episodes_per_second:.1f} episodes/s); {summary.resumed} already done"
    )
    return "\n".join(lines)


def summary_markdown(summary: Summary, settings: Mapping[str, Any]) -> str:
    t = summary.tables
    lines = [
        "# Evaluation summary",
        "",
        f"Agent `{settings['agent']}`, max steps {settings['max_steps'] or 'as each task says'}, "
        f"{settings['seconds_per_action']} simulated seconds per action.",
        "",
        "```",
        overview(summary),
        "```",
        "",
    ]
    lines += _table("difficulty", t["by_difficulty"])
    lines += _table("language", t["by_language"])
    lines += _table("observation", t["by_observation"])
    lines += _table("task", t["by_task"])
    lines += _table("tag", t["by_tag"])
    return "\n".join(lines)
