"""docs/baselines.md is what `python -m mi_settings_gym.evaluate.baselines` writes: its tasks are
the catalogue's, its totals follow from its rows, and two tasks' rows are played again here (the
whole run, 4,080 episodes, is for the command: see docs/evaluation.md for its time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mi_settings_gym.evaluate import baselines
from mi_settings_gym.evaluate.plan import parse_seeds

DOC = Path(__file__).resolve().parents[2] / "docs" / "baselines.md"
#: Played again: a task the random agent sometimes does, and one it never does.
SLICE = ["turn_on_bluetooth", "sign_in_with_email"]


@pytest.fixture(scope="module")
def doc():
    text = DOC.read_text(encoding="utf-8")
    return text, *baselines.parse_table(text)


def _line(cells, episodes):
    task, level, random_pct, oracle_pct, random_steps, oracle_steps = cells
    wins = [round(float(p) * episodes / 100) for p in (random_pct, oracle_pct)]
    return baselines.Line(
        task.strip("`"),
        level,
        episodes,
        (wins[0], float(random_steps)),
        (wins[1], float(oracle_steps)),
    )


def test_the_table_lists_the_catalogue_in_its_order(doc, catalogue):
    _, tasks, totals = doc
    assert [(row[0].strip("`"), row[1]) for row in tasks] == [
        (t["id"], t["difficulty"]) for t in catalogue
    ]
    assert [row[0] for row in totals] == ["easy", "medium", "hard", "all"]
    # The oracle does every episode.
    assert {row[3] for row in tasks} == {"100.0"}


def test_the_document_is_what_its_rows_make(doc):
    """Rebuilt from its task rows, the document (its words, its totals) comes out the same."""
    text, tasks, _ = doc
    episodes = 2 * len(parse_seeds(baselines.SEEDS))
    lines = [_line(cells, episodes) for cells in tasks]
    assert baselines.document(lines, baselines.SEEDS) == text


def test_two_tasks_played_again_give_their_rows(doc, catalogue, binary, tmp_path):
    _, tasks, _ = doc
    lines = baselines.lines(
        catalogue,
        str(tmp_path),
        seeds=parse_seeds(baselines.SEEDS),
        tasks=SLICE,
        workers=2,
        binary=binary,
    )
    written = {row[0].strip("`"): row for row in tasks}
    assert sorted(line.task for line in lines) == sorted(SLICE)
    assert [line.cells() for line in lines] == [written[line.task] for line in lines]
