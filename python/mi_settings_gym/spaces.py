"""``AsciiText``: a ``Text`` space of printable ASCII, fast and correct in shared memory.

It is a :class:`gymnasium.spaces.Text` whose character set is the 95 printable ASCII characters
(``" "`` to ``"~"``, in that order), so a JSON document serialised with ``ensure_ascii=True`` and
no newlines lies in it. Two things differ from a plain ``Text``:

* ``contains`` is one ``str.isascii() and str.isprintable()`` test, not a loop over characters.
* ``AsyncVectorEnv(..., shared_memory=True)`` (its default) works. For a plain ``Text``,
  Gymnasium reads the shared buffer into a tuple of strings once, when the vector environment is
  made, so every later observation is that first read (the buffer's zeros: spaces); and it
  converts each character in Python. Here the batch read from shared memory is a
  :class:`SharedTextBatch`, a sequence that decodes the buffer when it is read (the vector
  environment returns a deep copy of it by default: a plain tuple of strings), and characters
  are converted with numpy.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any, overload

import numpy as np
import numpy.typing as npt
from gymnasium import spaces
from gymnasium.spaces.utils import flatten, unflatten
from gymnasium.vector.utils import (
    create_shared_memory,
    read_from_shared_memory,
    write_to_shared_memory,
)

__all__ = ["ASCII_PRINTABLE", "AsciiText", "SharedTextBatch"]

_FIRST = 0x20
#: The 95 printable ASCII characters, in order: the character set of :class:`AsciiText`.
ASCII_PRINTABLE = "".join(chr(c) for c in range(_FIRST, 0x7F))
_PAD = len(ASCII_PRINTABLE)  # Gymnasium's padding index for a Text of this character set


class AsciiText(spaces.Text):
    """A ``Text`` space of printable ASCII (see the module's docstring)."""

    def __init__(self, max_length: int, *, min_length: int = 1, seed: Any = None) -> None:
        super().__init__(
            max_length=max_length, min_length=min_length, charset=ASCII_PRINTABLE, seed=seed
        )

    def contains(self, x: Any) -> bool:
        return (
            isinstance(x, str)
            and self.min_length <= len(x) <= self.max_length
            and x.isascii()
            and x.isprintable()
        )

    def __repr__(self) -> str:
        return f"AsciiText({self.min_length}, {self.max_length})"


_Codes = npt.NDArray[np.int32]


def _too_long(space: AsciiText, length: int) -> str:
    return f"a text of {length} characters does not fit the space's max_length={space.max_length}"


def _codes(space: AsciiText, text: str) -> _Codes:
    """The space's flat form of ``text``: character indices, padded with ``_PAD``."""
    if len(text) > space.max_length:
        raise ValueError(_too_long(space, len(text)))
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError as e:
        raise ValueError(f"not printable ASCII: {e}") from None
    codes = np.full(space.max_length, _PAD, dtype=np.int32)
    codes[: len(raw)] = np.frombuffer(raw, dtype=np.uint8).astype(np.int32) - _FIRST
    return codes


def _text(codes: _Codes) -> str:
    kept = codes[(codes >= 0) & (codes < _PAD)]
    return (kept + _FIRST).astype(np.uint8).tobytes().decode("ascii")


# In shared memory each text is a row of 1 + max_length int32: its length, then its characters'
# codes (the byte minus 0x20), so that a write copies and a read decodes only the text itself.


def _rows(shared: Any, n: int, max_length: int) -> _Codes:
    return np.frombuffer(shared.get_obj(), dtype=np.int32).reshape(n, max_length + 1)


def _row_text(row: _Codes) -> str:
    return (row[1 : 1 + int(row[0])] + _FIRST).astype(np.uint8).tobytes().decode("ascii")


class SharedTextBatch(Sequence[str]):
    """The observations of an ``AsyncVectorEnv`` in shared memory, decoded when read."""

    def __init__(self, shared: Any, n: int, max_length: int) -> None:
        self._shared = shared
        self._n = n
        self._max_length = max_length

    def _rows(self) -> _Codes:
        return _rows(self._shared, self._n, self._max_length)

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        return _row_text(self._rows()[index])

    def __iter__(self) -> Iterator[str]:
        return (_row_text(row) for row in self._rows())

    def __deepcopy__(self, memo: dict[int, Any]) -> tuple[str, ...]:
        return tuple(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (tuple, list, SharedTextBatch)) and tuple(self) == tuple(other)

    # (Defining __eq__ leaves __hash__ None: a batch that changes with the buffer is unhashable.)

    def __repr__(self) -> str:
        return f"SharedTextBatch({tuple(self)!r})"


@create_shared_memory.register(AsciiText)
def _create(space: AsciiText, n: int = 1, ctx: ModuleType = mp) -> Any:
    return ctx.Array(np.dtype(np.int32).char, n * (space.max_length + 1))  # zeros: empty texts


@read_from_shared_memory.register(AsciiText)
def _read(space: AsciiText, shared_memory: Any, n: int = 1) -> SharedTextBatch:
    return SharedTextBatch(shared_memory, n, space.max_length)


@write_to_shared_memory.register(AsciiText)
def _write(space: AsciiText, index: int, value: str, shared_memory: Any) -> None:
    if len(value) > space.max_length:
        raise ValueError(_too_long(space, len(value)))
    try:
        raw = value.encode("ascii")
    except UnicodeEncodeError as e:
        raise ValueError(f"not printable ASCII: {e}") from None
    size = space.max_length + 1
    row = np.frombuffer(shared_memory.get_obj(), dtype=np.int32)[index * size : (index + 1) * size]
    row[1 : 1 + len(raw)] = np.frombuffer(raw, dtype=np.uint8)
    row[1 : 1 + len(raw)] -= _FIRST
    row[0] = len(raw)


def _flatten(space: AsciiText, x: str) -> _Codes:
    return _codes(space, x)


def _unflatten(space: AsciiText, x: npt.ArrayLike) -> str:
    return _text(np.asarray(x, dtype=np.int32))


# Registered by call, not as decorators: mypy's singledispatch check cannot match a subclass of
# Text against these functions' generic first parameter (``Space[T]``).
flatten.register(AsciiText, _flatten)
unflatten.register(AsciiText, _unflatten)
