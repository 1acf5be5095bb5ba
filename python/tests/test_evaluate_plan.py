"""The evaluation runner's selection: seeds, names, and the plan's order (no simulator)."""

from __future__ import annotations

import pytest

from mi_settings_gym.evaluate.plan import (
    MAX_EPISODES,
    MAX_SEEDS,
    Episode,
    SelectionError,
    parse_names,
    parse_seeds,
    plan,
)

CATALOGUE = [
    {"id": "b_task", "difficulty": "easy", "tags": ["phone", "wifi"]},
    {"id": "a_task", "difficulty": "hard", "tags": ["website"]},
    {"id": "c_task", "difficulty": "medium", "tags": ["phone"]},
]


@pytest.mark.parametrize(
    ("text", "seeds"),
    [
        ("0..4", [0, 1, 2, 3, 4]),
        ("7", [7]),
        ("1,5,7", [1, 5, 7]),
        ("0..2,10,1..3", [0, 1, 2, 10, 3]),
        (" 3 .. 4 , 9 ", [3, 4, 9]),
        ("0..99", list(range(100))),
    ],
)
def test_seeds_are_read_in_the_order_given_each_once(text, seeds):
    assert parse_seeds(text) == seeds


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0..abc", "'abc' is not a non-negative whole number"),
        ("-1", "'-1' is not a non-negative whole number"),
        ("5..2", "5..2 runs backwards"),
        ("1,,2", "an empty item"),
        ("", "an empty item"),
        ("0..", "'' is not a non-negative whole number"),
        ("\uff11", "is not a non-negative whole number"),
        (f"0..{MAX_SEEDS}", f"more than {MAX_SEEDS:,} seeds"),
        ("9007199254740992", "is larger than"),
    ],
)
def test_bad_seeds_are_refused_naming_what(text, says):
    with pytest.raises(SelectionError, match="seeds") as caught:
        parse_seeds(text)
    assert says in str(caught.value)


def test_names_are_split_and_checked():
    assert parse_names("a, b,a", "tag") == ["a", "b"]
    with pytest.raises(SelectionError, match=r"unknown tag 'x': the choices are a, b"):
        parse_names("a,x", "tag", ["a", "b"])


def test_the_plan_is_in_catalogue_then_language_then_observation_then_seed_order():
    episodes = plan(
        CATALOGUE,
        seeds=[3, 1],
        tasks=["c_task", "b_task"],
        languages=["zh-CN", "en"],
        observations=["text", "pixels"],
    )
    assert [e.key for e in episodes[:5]] == [
        "b_task/zh-CN/text/3",
        "b_task/zh-CN/text/1",
        "b_task/zh-CN/pixels/3",
        "b_task/zh-CN/pixels/1",
        "b_task/en/text/3",
    ]
    assert len(episodes) == 2 * 2 * 2 * 2
    assert episodes[-1] == Episode("c_task", 1, "en", "pixels")
    assert len({e.key for e in episodes}) == len(episodes)


def test_tags_and_difficulty_select_together():
    assert {e.task for e in plan(CATALOGUE, seeds=[0], tags=["phone"])} == {"b_task", "c_task"}
    chosen = plan(CATALOGUE, seeds=[0], tags=["phone"], difficulties=["medium", "hard"])
    assert [e.task for e in chosen] == ["c_task"]
    assert [e.task for e in plan(CATALOGUE, seeds=[0])] == ["b_task", "a_task", "c_task"]


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"tasks": ["nope"]}, "unknown task 'nope'"),
        ({"tags": ["nope"]}, "unknown tag 'nope': the choices are phone, website, wifi"),
        ({"difficulties": ["trivial"]}, "unknown difficulty 'trivial'"),
        ({"languages": ["fr"]}, "unknown language 'fr'"),
        ({"observations": ["audio"]}, "unknown observation 'audio'"),
        ({"tags": ["website"], "difficulties": ["easy"]}, "the selection holds no task"),
        ({"seeds": []}, "no seeds"),
        ({"seeds": range(MAX_EPISODES)}, "at most"),
    ],
)
def test_a_bad_selection_is_refused_naming_what(kwargs, says):
    kwargs.setdefault("seeds", [0])
    with pytest.raises(SelectionError) as caught:
        plan(CATALOGUE, **kwargs)
    assert says in str(caught.value)
