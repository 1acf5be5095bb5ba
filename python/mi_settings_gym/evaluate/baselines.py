"""The baselines: the random agent and the oracle over every task x 20 seeds x both languages,
as the table in docs/baselines.md.

    python -m mi_settings_gym.evaluate.baselines                  # rewrites docs/baselines.md
    python -m mi_settings_gym.evaluate.baselines --workers 2 --out runs/baselines

Each agent's run goes to ``<out>/<agent>`` (an ordinary evaluation: resumed when rerun), then
the table is written whole. ``--check`` writes nothing and exits 1 when the file differs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..client import AgentError, AgentProcess, BinaryNotFoundError
from .local import run_local
from .plan import LANGUAGES, Episode, SelectionError, level_order, parse_names, parse_seeds, plan
from .runner import RunError, run, write_whole
from .worker import WorkerConfig

PROG = "python -m mi_settings_gym.evaluate.baselines"
#: The agents of the table, by the name of their column.
AGENTS = {
    "random": "mi_settings_gym.examples.random_agent:RandomAgent",
    "oracle": "mi_settings_gym.examples.oracle_agent:OracleAgent",
}
SEEDS = "0..19"
#: The table's file, from the repository's root.
DOC = os.path.join("docs", "baselines.md")


@dataclass(frozen=True)
class Line:
    """One task's line of the table."""

    task: str
    difficulty: str
    episodes: int
    #: Per agent: (successes, mean steps).
    random: tuple[int, float]
    oracle: tuple[int, float]

    def cells(self) -> list[str]:
        return [
            f"`{self.task}`",
            self.difficulty,
            _percent(self.random[0], self.episodes),
            _percent(self.oracle[0], self.episodes),
            f"{self.random[1]:.1f}",
            f"{self.oracle[1]:.1f}",
        ]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def _backend(workers: int) -> Any:
    def backend(config: WorkerConfig, todo: list[Episode]) -> Iterator[dict[str, Any]]:
        return run_local(config, todo, workers)

    return backend


def lines(
    catalogue: Sequence[Mapping[str, Any]],
    out: str,
    *,
    seeds: Sequence[int],
    tasks: Sequence[str] | None = None,
    workers: int = 1,
    binary: str | None = None,
) -> list[Line]:
    """Runs both agents (into ``<out>/random`` and ``<out>/oracle``) and gives the table's lines,
    in catalogue order."""
    episodes = plan(catalogue, seeds=seeds, tasks=tasks, languages=list(LANGUAGES))
    per_agent: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, agent in AGENTS.items():
        config = WorkerConfig(agent=agent, binary=binary)
        summary = run(config, episodes, os.path.join(out, name), _backend(workers))
        rows: dict[str, list[dict[str, Any]]] = {}
        for row in summary.rows:
            rows.setdefault(row["task"], []).append(row)
        per_agent[name] = rows

    def figures(rows: list[dict[str, Any]]) -> tuple[int, float]:
        wins = sum(r["outcome"] == "success" for r in rows)
        return wins, sum(r["steps"] for r in rows) / len(rows)

    result = []
    for task in catalogue:
        task_id = str(task["id"])
        if task_id not in per_agent["random"]:
            continue
        random_rows = per_agent["random"][task_id]
        result.append(
            Line(
                task_id,
                str(task.get("difficulty")),
                len(random_rows),
                figures(random_rows),
                figures(per_agent["oracle"][task_id]),
            )
        )
    return result


def _total(name: str, group: Sequence[Line]) -> list[str]:
    episodes = sum(line.episodes for line in group)

    def mean(agent: str) -> str:
        steps = sum(getattr(line, agent)[1] * line.episodes for line in group)
        return f"{steps / episodes:.1f}" if episodes else "-"

    return [
        name,
        f"{len(group)} tasks",
        _percent(sum(line.random[0] for line in group), episodes),
        _percent(sum(line.oracle[0] for line in group), episodes),
        mean("random"),
        mean("oracle"),
    ]


HEADER = [
    "task",
    "difficulty",
    "random success %",
    "oracle success %",
    "random mean steps",
    "oracle mean steps",
]


def table(rows: Sequence[Line]) -> list[str]:
    """The task table, then the totals by difficulty and overall."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    out = [line(HEADER), "| --- | --- | ---: | ---: | ---: | ---: |"]
    out += [line(r.cells()) for r in rows]
    out += ["", line(["total", "tasks", *HEADER[2:]]), "| --- | --- | ---: | ---: | ---: | ---: |"]
    levels = sorted({r.difficulty for r in rows}, key=level_order)
    for level in levels:
        out.append(line(_total(level, [r for r in rows if r.difficulty == level])))
    out.append(line(_total("all", rows)))
    return out


def document(rows: Sequence[Line], seeds: str) -> str:
    episodes = rows[0].episodes if rows else 0
    return "\n".join(
        [
            "# Baselines",
            "",
            "Two reference agents over every task of the catalogue, each task played with seeds "
            f"{seeds.replace('..', ' to ')} in both languages (English and Chinese): {episodes} "
            "episodes a task and agent, each ending at the task's own `max_steps`. As "
            "AndroidWorld publishes one table per agent, this is the floor and the ceiling an "
            "agent's figures sit between:",
            "",
            "- **random** (`mi_settings_gym.examples.random_agent:RandomAgent`): a random action "
            "among those the screen makes possible, drawn from the episode's seed;",
            "- **oracle** (`mi_settings_gym.examples.oracle_agent:OracleAgent`): each episode's "
            "reference solution, then `status complete` (it reads the solution, which an agent "
            "under evaluation cannot).",
            "",
            "A success is an episode that ended with reward 1; mean steps count the actions "
            "of every episode, successful or not. The episodes are deterministic: the table is "
            "the same on any machine. Made, and remade after a change to the catalogue or the "
            "agents, by one command from the repository (the runs it keeps are resumed when it "
            "is run again with the same `--out`):",
            "",
            "    python -m mi_settings_gym.evaluate.baselines --workers 2",
            "",
            "`--check` compares instead of writing. The test `python/tests/test_baselines.py` "
            "replays two tasks' lines and checks the totals against the rows, so a stale table "
            "fails CI. How to evaluate an agent of your own: [evaluation.md](evaluation.md).",
            "",
            *table(rows),
            "",
        ]
    )


def parse_table(text: str) -> tuple[list[list[str]], list[list[str]]]:
    """The task rows and the total rows of a baselines document, as cells."""
    tasks: list[list[str]] = []
    totals: list[list[str]] = []
    current = None
    for raw in text.splitlines():
        if not raw.startswith("| "):
            continue
        cells = [c.strip() for c in raw.strip().strip("|").split("|")]
        if cells[0] == "task":
            current = tasks
        elif cells[0] == "total":
            current = totals
        elif current is not None and not cells[0].startswith("---"):
            current.append(cells)
    return tasks, totals


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="The baselines table, docs/baselines.md.")
    p.add_argument("--seeds", default=SEEDS, help=f"seeds ({SEEDS})")
    p.add_argument("--tasks", help="only these task ids (comma-separated): a slice, for a try")
    p.add_argument("--workers", type=int, default=1, help="local worker processes (1)")
    p.add_argument("--out", default=os.path.join("target", "baselines"), help="the runs' folder")
    p.add_argument("--doc", default=DOC, help=f"the table's file ({DOC})")
    p.add_argument("--check", action="store_true", help="compare with --doc, write nothing")
    p.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not 1 <= args.workers <= 256:
        print(f"{PROG}: --workers {args.workers}: from 1 to 256", file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        with AgentProcess(args.binary) as agent:
            catalogue = agent.tasks()
        tasks = None if args.tasks is None else parse_names(args.tasks, "task")
        rows = lines(
            catalogue,
            args.out,
            seeds=parse_seeds(args.seeds),
            tasks=tasks,
            workers=args.workers,
            binary=args.binary,
        )
    except (SelectionError, RunError, BinaryNotFoundError, AgentError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    text = document(rows, args.seeds)
    seconds = time.perf_counter() - start
    episodes = sum(r.episodes for r in rows) * len(AGENTS)
    print(f"{episodes} episodes, the table made in {seconds:.1f} s", file=sys.stderr)
    if args.check:
        try:
            with open(args.doc, encoding="utf-8") as file:
                same = file.read() == text
        except OSError as error:
            print(f"{PROG}: cannot read {args.doc}: {error}", file=sys.stderr)
            return 2
        print(f"{args.doc}: {'up to date' if same else 'STALE: rerun without --check'}")
        return 0 if same else 1
    try:
        write_whole(args.doc, text)
    except OSError as error:
        print(
            f"{PROG}: cannot write {args.doc} (run it from the repository): {error}",
            file=sys.stderr,
        )
        return 2
    print(f"wrote {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
