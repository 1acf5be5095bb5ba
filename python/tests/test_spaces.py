"""AsciiText: the Text space of printable ASCII, and its shared-memory handlers."""

from __future__ import annotations

import copy
import json
import multiprocessing as mp
from typing import Any

import numpy as np
from gymnasium import spaces
from gymnasium.spaces.utils import flatdim, flatten, unflatten
from gymnasium.vector.utils import (
    batch_space,
    create_shared_memory,
    read_from_shared_memory,
    write_to_shared_memory,
)

from mi_settings_gym import ASCII_PRINTABLE, AsciiText, SharedTextBatch


def test_is_a_text_space_of_printable_ascii():
    space = AsciiText(max_length=100)
    assert isinstance(space, spaces.Text)
    assert space.character_set == frozenset(ASCII_PRINTABLE)
    assert len(ASCII_PRINTABLE) == 95
    assert space == spaces.Text(max_length=100, charset=ASCII_PRINTABLE)
    assert space.contains('{"a":"\\u00e9\\n"}')
    assert json.dumps({"label": "caf\u00e9 \u2022\n"}) in space  # json.dumps escapes what is not
    assert not space.contains("caf\u00e9")
    assert not space.contains("a\nb")
    assert not space.contains("")
    assert not space.contains("x" * 101)
    assert not space.contains(b"bytes")
    space.seed(0)
    for _ in range(20):
        assert space.contains(space.sample())


def test_flatten_round_trip():
    space = AsciiText(max_length=64)
    text = '{"screen":"settings","x":[1,2]} ~'
    flat = flatten(space, text)
    assert isinstance(flat, np.ndarray)
    assert flat.shape == (flatdim(space),)
    assert flat.dtype == np.int32
    plain = flatten(spaces.Text(max_length=64, charset=ASCII_PRINTABLE), text)
    assert isinstance(plain, np.ndarray)
    assert np.array_equal(flat, plain)
    assert unflatten(space, flat) == text


def _write(space: AsciiText, index: int, text: str, shared: Any) -> None:
    """``write_to_shared_memory`` as an ``AsyncVectorEnv`` worker calls it for this space.
    (Gymnasium types the generic function's value as an array; a ``Text`` space's is a string.)"""
    write_to_shared_memory.dispatch(type(space))(space, index, text, shared)


def test_shared_memory_follows_the_writes():
    space = AsciiText(max_length=32)
    shared = create_shared_memory(space, n=3, ctx=mp)
    batch = read_from_shared_memory(space, shared, n=3)
    assert isinstance(batch, SharedTextBatch)
    assert tuple(batch) == ("", "", "")
    _write(space, 1, '{"a":1}', shared)
    _write(space, 2, "x" * 32, shared)
    assert tuple(batch) == ("", '{"a":1}', "x" * 32)
    assert batch[1] == '{"a":1}'
    assert len(batch) == 3
    snapshot = copy.deepcopy(batch)
    assert snapshot == ("", '{"a":1}', "x" * 32)
    assert isinstance(snapshot, tuple)
    _write(space, 1, "b", shared)
    assert batch[1] == "b"
    assert snapshot[1] == '{"a":1}'
    assert batch_space(space, 3) == spaces.Tuple([space] * 3)
