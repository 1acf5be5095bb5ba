"""Writes :mod:`mi_settings_gym._task_ids`, the package's list of the catalogue's task ids (one
registered Gymnasium id each, see :mod:`mi_settings_gym.registration`), from a binary's catalogue
(``{"op":"tasks"}``), or checks the list against it. From the repository's root::

    python -m mi_settings_gym.write_task_ids --binary target/debug/mi-settings \\
        > python/mi_settings_gym/_task_ids.py
    python -m mi_settings_gym.write_task_ids --check    # exit 1, saying what differs

(then reinstall the package). ``python/run-tests`` checks the list (tests/test_registration.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .client import AgentProcess
from .registration import TASK_IDS, task_env_id

__all__ = ["catalogue_task_ids", "difference", "main", "render_task_ids_module"]

COMMAND = "python -m mi_settings_gym.write_task_ids > python/mi_settings_gym/_task_ids.py"


def render_task_ids_module(task_ids: Sequence[str]) -> str:
    """The text of ``_task_ids.py`` for these ids, in their order (as ``ruff format`` keeps it)."""
    for task in task_ids:
        task_env_id(task)  # each must be able to stand in a Gymnasium id (and a "..." literal)
    if len(set(task_ids)) != len(task_ids):
        raise ValueError("the catalogue names a task twice")
    lines = [
        '"""The ids of the task catalogue of `mi-settings agent` ({"op":"tasks"}), in its order:',
        "each is registered as mi_settings/<id>-v0.",
        "",
        "Written by `python -m mi_settings_gym.write_task_ids` and checked against the binary by",
        "tests/test_registration.py: write it again when the catalogue changes, do not edit it.",
        '"""',
        "",
        "TASK_IDS: tuple[str, ...] = (",
        *(f'    "{task}",' for task in task_ids),
        ")",
        "",
    ]
    return "\n".join(lines)


def catalogue_task_ids(binary: str | None = None) -> list[str]:
    """The task ids of the binary's catalogue, in its order."""
    with AgentProcess(binary) as agent:
        return [str(task["id"]) for task in agent.tasks()]


def difference(package: Sequence[str], catalogue: Sequence[str]) -> str | None:
    """``None`` when the lists are equal, else a sentence saying how they differ."""
    if list(package) == list(catalogue):
        return None
    missing = [t for t in catalogue if t not in package]
    extra = [t for t in package if t not in catalogue]
    if not missing and not extra:
        return "the package lists the catalogue's task ids in another order"
    return (
        f"tasks of the binary's catalogue not in the package: {missing}; "
        f"tasks in the package not in the catalogue: {extra}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mi_settings_gym.write_task_ids",
        description="Print mi_settings_gym/_task_ids.py for the binary's task catalogue, "
        "or check the package's list against it.",
    )
    parser.add_argument("--binary", help="the mi-settings binary (default: $MI_SETTINGS_BIN, PATH)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 unless the package's list is the binary's catalogue",
    )
    args = parser.parse_args(argv)
    ids = catalogue_task_ids(args.binary)
    if not args.check:
        sys.stdout.write(render_task_ids_module(ids))
        return 0
    differs = difference(TASK_IDS, ids)
    if differs is None:
        print(f"the package's {len(ids)} task ids are the binary's catalogue")
        return 0
    print(f"{differs}; write the list again: {COMMAND}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
