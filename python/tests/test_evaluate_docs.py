"""docs/evaluation.md and docs/baselines.md name the options of the commands they document: the
evaluation runner's table lists exactly its parser's options, and every option the pages name
is one of the runner's, the baselines command's, the benchmark's (python/bench_evaluate.py), or
the simulator's they mention."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from mi_settings_gym.evaluate import baselines, cli

PYTHON_DIR = Path(__file__).resolve().parents[1]
DOCS = PYTHON_DIR.parent / "docs"
#: Options of `mi-settings agent` the evaluation page mentions.
SIMULATOR = {"--allow-solution", "--log-dir"}


def _bench_parser():
    spec = importlib.util.spec_from_file_location(
        "bench_evaluate", PYTHON_DIR / "bench_evaluate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.parser()


def _options(parser):
    return {o for action in parser._actions for o in action.option_strings if o.startswith("--")}


def _named(text):
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", text))


def test_the_option_table_is_the_parsers():
    text = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `(--[a-z-]+)", text, flags=re.MULTILINE))
    assert table == _options(cli.parser()) - {"--help"}


def test_every_option_the_pages_name_exists():
    known = (
        _options(cli.parser())
        | _options(baselines.parser())
        | _options(_bench_parser())
        | SIMULATOR
    )
    for page in ("evaluation.md", "baselines.md"):
        named = _named((DOCS / page).read_text(encoding="utf-8"))
        assert named <= known, (page, named - known)
        assert named
