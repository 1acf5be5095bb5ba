"""The command: ``python -m mi_settings_gym.evaluate`` (or ``mi-settings-evaluate``).

    python -m mi_settings_gym.evaluate --agent mi_settings_gym.examples.random_agent:RandomAgent \\
        --seeds 0..19 --language both --workers 2 --out runs/random

Exit status: 0 when the run is complete (whatever the agent scored), 1 when it stopped before
(interrupted: rerun the same command to resume), 2 for a usage error (a message, no traceback).
See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..client import AgentError, AgentProcess, BinaryNotFoundError
from .agent import AgentLoadError, load_agent_class
from .plan import (
    LANGUAGES,
    OBSERVATIONS,
    Episode,
    SelectionError,
    parse_names,
    parse_seeds,
    plan,
)
from .runner import RunError, overview, run
from .worker import WorkerConfig

PROG = "python -m mi_settings_gym.evaluate"
DESCRIPTION = (
    "Evaluate an agent over mi-settings tasks, seeds, languages and observation modes: every "
    "episode's log, results.jsonl and a summary in --out (resumed when the folder holds a run)."
)
#: Bounds of what a user sizes.
MAX_WORKERS = 256
MAX_STEPS = 100_000


def _positive(limit: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"{value} is not from 1 to {limit:,}")
        return value

    return parse


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION)
    p.add_argument(
        "--agent",
        required=True,
        metavar="MODULE:CLASS",
        help="the agent class, e.g. mi_settings_gym.examples.random_agent:RandomAgent "
        "or mi_settings_gym.examples.oracle_agent:OracleAgent",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="the output folder")
    p.add_argument(
        "--tasks", default="all", metavar="all|ID,...", help="task ids, comma-separated (all)"
    )
    p.add_argument("--tag", metavar="TAG,...", help="only tasks with one of these tags")
    p.add_argument(
        "--difficulty", metavar="LEVEL,...", help="only tasks of these difficulties (easy, ...)"
    )
    p.add_argument(
        "--seeds", default="0..9", help="seeds: 0..99 (both ends in), 1,5,7, or a mix (0..9)"
    )
    p.add_argument("--language", default="en", choices=[*LANGUAGES, "both"])
    p.add_argument(
        "--observation",
        default="text",
        metavar="text|pixels|both,...",
        help="what the agent observes: the JSON text, the screen's pixels, or both (a dict); "
        "a list (text,pixels) plays every episode in each (text)",
    )
    p.add_argument("--workers", type=_positive(MAX_WORKERS), help="local worker processes (1)")
    p.add_argument(
        "--max-steps",
        type=_positive(MAX_STEPS),
        metavar="N",
        help="at most N actions an episode (default: each task's own max_steps)",
    )
    p.add_argument(
        "--seconds-per-action",
        type=int,
        default=0,
        metavar="S",
        help="simulated seconds after each action (the reset option; 0)",
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="start over: remove the run in --out (its journal, results, summary, logs) first",
    )
    p.add_argument(
        "--ray",
        metavar="auto|ADDRESS",
        help="play the episodes on Ray actors (mi-settings-gym[ray]); --workers then sets "
        "the number of actors when given",
    )
    p.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    return p


def _catalogue(binary: str | None) -> list[dict[str, Any]]:
    with AgentProcess(binary, args=("agent",)) as agent:
        return agent.tasks()


def _episodes(args: argparse.Namespace, catalogue: list[dict[str, Any]]) -> list[Episode]:
    tasks = None if args.tasks.strip() == "all" else parse_names(args.tasks, "task")
    tags = None if args.tag is None else parse_names(args.tag, "tag")
    levels = None if args.difficulty is None else parse_names(args.difficulty, "difficulty")
    languages = list(LANGUAGES) if args.language == "both" else [args.language]
    observations = parse_names(args.observation, "observation", OBSERVATIONS)
    try:
        seeds = parse_seeds(args.seeds)
    except SelectionError as error:
        raise SelectionError(f"--{error}") from None
    return plan(
        catalogue,
        seeds=seeds,
        tasks=tasks,
        tags=tags,
        difficulties=levels,
        languages=languages,
        observations=observations,
    )


def _ray_backend(address: str, actors: int | None) -> Any:
    if importlib.util.find_spec("ray") is None:
        raise RunError(
            "--ray needs Ray: install mi-settings-gym[ray] (pip install 'mi-settings-gym[ray]')"
        )
    try:
        from .ray_backend import run_ray  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        raise RunError(
            f"--ray: the Ray backend cannot be loaded ({error}); install mi-settings-gym[ray]"
        ) from None

    def backend(config: WorkerConfig, episodes: list[Episode]) -> Iterator[dict[str, Any]]:
        rows: Iterator[dict[str, Any]] = run_ray(config, episodes, address, actors)
        return rows

    return backend


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)

    def fail(message: str) -> int:
        print(f"{PROG}: {message}", file=sys.stderr)
        return 2

    if not 0 <= args.seconds_per_action <= 3600:
        return fail(f"--seconds-per-action {args.seconds_per_action}: from 0 to 3600")
    try:
        cls = load_agent_class(args.agent)
        try:
            cls()
        except Exception as error:
            raise AgentLoadError(
                f"--agent {args.agent!r}: making the agent raised {type(error).__name__}: {error}"
            ) from None
        catalogue = _catalogue(args.binary)
        episodes = _episodes(args, catalogue)
        config = WorkerConfig(
            agent=args.agent,
            binary=args.binary,
            max_steps=args.max_steps,
            seconds_per_action=args.seconds_per_action,
        )
        if args.ray:
            backend = _ray_backend(args.ray, args.workers)
        else:
            from .local import run_local

            workers = args.workers or 1

            def backend(config: WorkerConfig, todo: list[Episode]) -> Iterator[dict[str, Any]]:
                return run_local(config, todo, workers)

        reporter = None if args.quiet else _Progress()
        summary = run(
            config,
            episodes,
            args.out,
            backend,
            catalogue=catalogue,
            fresh=args.fresh,
            progress=reporter,
        )
    except (AgentLoadError, SelectionError, RunError, BinaryNotFoundError) as error:
        return fail(str(error))
    except AgentError as error:
        return fail(f"the simulator failed before the run: {error}")
    except KeyboardInterrupt:
        print(
            f"{PROG}: interrupted; the episodes done are kept in {args.out}: "
            "rerun the same command to resume",
            file=sys.stderr,
        )
        return 1
    print(overview(summary))
    print(f"results: {args.out}/results.jsonl, summary: {args.out}/summary.md")
    return 0


class _Progress:
    """A line on standard error at every tenth of the run."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        tenth = 10 * done // total
        if tenth != self.shown:
            self.shown = tenth
            print(f"{done}/{total} episodes", file=sys.stderr, flush=True)
