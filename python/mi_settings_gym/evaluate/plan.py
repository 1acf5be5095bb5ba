"""The run's episodes: which tasks, seeds, languages and observation modes, in one order.

:func:`plan` selects from the catalogue (``{"op":"tasks"}``: each task's ``id``, ``difficulty``
and ``tags``) and lists the episodes in catalogue order, then language, then observation mode,
then seed. :func:`parse_seeds` and :func:`parse_names` read the command line's lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LANGUAGES",
    "LEVELS",
    "MAX_EPISODES",
    "MAX_SEEDS",
    "OBSERVATIONS",
    "Episode",
    "SelectionError",
    "level_order",
    "parse_names",
    "parse_seeds",
    "plan",
]

#: The phone's languages (``mi-settings agent``'s reset option ``language``).
LANGUAGES = ("en", "zh-CN")
#: What an observation holds (``MiSettingsEnv``'s ``observation``).
OBSERVATIONS = ("text", "pixels", "both")
#: Bounds of what a command line may ask for: seeds in one run, and episodes in one run.
MAX_SEEDS = 100_000
MAX_EPISODES = 1_000_000
#: The largest seed (the protocol's seeds are non-negative 64-bit; kept to what JSON and every
#: client read exactly).
MAX_SEED = 2**53 - 1


#: The catalogue's difficulties, easiest first.
LEVELS = ("easy", "medium", "hard")


def level_order(level: str) -> tuple[int, str]:
    """A sort key putting difficulties easiest first (any other after, by name)."""
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


class SelectionError(ValueError):
    """A selection that names nothing or something unknown: the message says what."""


@dataclass(frozen=True)
class Episode:
    """One episode of the run: a task's variant ``seed``, in a language, observed so."""

    task: str
    seed: int
    language: str = "en"
    observation: str = "text"

    @property
    def key(self) -> str:
        """Unique per episode, and a relative path: ``task/language/observation/seed``."""
        return f"{self.task}/{self.language}/{self.observation}/{self.seed}"


def parse_seeds(text: str) -> list[int]:
    """``"0..99"`` (both ends included: 100 seeds), ``"7"``, ``"1,5,7"`` or a mix
    (``"0..9,20,30..39"``): the seeds in the order given, each once."""
    seeds: list[int] = []
    seen: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            raise SelectionError(f"seeds {text!r}: an empty item (write e.g. 0..99 or 1,5,7)")
        first, dots, last = part.partition("..")
        low = _seed(first, text)
        high = _seed(last, text) if dots else low
        if high < low:
            raise SelectionError(f"seeds {text!r}: {part} runs backwards")
        if high - low + 1 + len(seeds) > MAX_SEEDS:
            raise SelectionError(f"seeds {text!r}: more than {MAX_SEEDS:,} seeds")
        for seed in range(low, high + 1):
            if seed not in seen:
                seen.add(seed)
                seeds.append(seed)
    return seeds


def _seed(word: str, text: str) -> int:
    word = word.strip()
    if not word.isascii() or not word.isdigit():
        raise SelectionError(
            f"seeds {text!r}: {word!r} is not a non-negative whole number "
            "(write e.g. 0..99 or 1,5,7)"
        )
    seed = int(word)
    if seed > MAX_SEED:
        raise SelectionError(f"seeds {text!r}: {seed} is larger than {MAX_SEED}")
    return seed


def parse_names(text: str, what: str, known: Iterable[str] | None = None) -> list[str]:
    """A comma-separated list (``"a,b"``), each name once in the order given; with ``known``,
    a name not in it is refused by name."""
    names: list[str] = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            raise SelectionError(f"{what} {text!r}: an empty item")
        if name not in names:
            names.append(name)
    if known is not None:
        allowed = list(known)
        unknown = [n for n in names if n not in allowed]
        if unknown:
            raise SelectionError(
                f"unknown {what} {', '.join(map(repr, unknown))}: "
                f"the choices are {', '.join(allowed)}"
            )
    return names


def plan(
    catalogue: Sequence[Mapping[str, Any]],
    *,
    seeds: Sequence[int],
    tasks: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    difficulties: Sequence[str] | None = None,
    languages: Sequence[str] = ("en",),
    observations: Sequence[str] = ("text",),
) -> list[Episode]:
    """The episodes of a run, in catalogue order, then language, then observation, then seed.

    A task is played when it is among ``tasks`` (``None``: all), has one of ``tags`` (``None``:
    any) and one of ``difficulties`` (``None``: any). An unknown task id, tag, difficulty,
    language or observation, or a selection of nothing, raises :class:`SelectionError`.
    """
    ids = [str(t["id"]) for t in catalogue]
    if tasks is not None:
        unknown = [t for t in tasks if t not in ids]
        if unknown:
            raise SelectionError(
                f"unknown task {', '.join(map(repr, unknown))}: `mi-settings tasks list` "
                "lists the catalogue"
            )
    known_tags = sorted({str(tag) for t in catalogue for tag in t.get("tags", [])})
    if tags:
        parse_names(",".join(tags), "tag", known_tags)
    known_levels = sorted({str(t.get("difficulty")) for t in catalogue}, key=level_order)
    if difficulties:
        parse_names(",".join(difficulties), "difficulty", known_levels)
    for language in languages:
        if language not in LANGUAGES:
            raise SelectionError(
                f"unknown language {language!r}: the choices are {', '.join(LANGUAGES)}"
            )
    for observation in observations:
        if observation not in OBSERVATIONS:
            raise SelectionError(
                f"unknown observation {observation!r}: the choices are {', '.join(OBSERVATIONS)}"
            )
    chosen = [
        task
        for task in catalogue
        if (tasks is None or task["id"] in tasks)
        and (tags is None or any(tag in tags for tag in task.get("tags", [])))
        and (difficulties is None or task.get("difficulty") in difficulties)
    ]
    if not chosen:
        raise SelectionError("the selection holds no task (tasks, tags and difficulty together)")
    if not seeds:
        raise SelectionError("no seeds")
    count = len(chosen) * len(languages) * len(observations) * len(seeds)
    if count > MAX_EPISODES:
        raise SelectionError(f"{count:,} episodes: at most {MAX_EPISODES:,} in one run")
    return [
        Episode(str(task["id"]), seed, language, observation)
        for task in chosen
        for language in dict.fromkeys(languages)
        for observation in dict.fromkeys(observations)
        for seed in dict.fromkeys(seeds)
    ]
