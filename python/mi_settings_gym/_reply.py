"""An answer with an observation, read for the environment: the members besides the observation
as a dict, and the observation as the space's text, compact ASCII JSON exactly as
``json.dumps(observation, ensure_ascii=True, separators=(",", ":"))`` writes it.

``mi-settings agent`` writes its answers so (printable ASCII only, Python's escapes, members in
their order, no spaces) with the observation first: ``{"observation":{...},"reward":...}`` for a
step, ``{"observation":{...},"info":{...}}`` for a reset. So the observation's text is cut out
of the line as it came and only the rest is decoded, instead of decoding the whole answer and
encoding the observation again, which took most of a step's time in Python (for a 5.4 KB answer,
16 to 19 µs against 228 to 254 µs on a busy 2-core machine: ``python/bench.py --only answer``).

Why the cut is where the observation ends: the simulator's tests (``src/shells/agent.rs``) hold
it to writing the observation first and ``reward`` (a step) or ``info`` (a reset) right after
it, and to no object inside an observation or an info having a member named ``reward``,
``terminated``, ``truncated`` or ``info``; a string cannot hold ``,"info":`` (its quotes are
escaped). And a cut anywhere else than between two members of the answer leaves a rest that
does not decode (it closes brackets it never opened). An answer of another shape (the members in
another order, text outside printable ASCII, as an older simulator writes) is decoded whole and
its observation encoded again: the same text, by the slower path. With
``MI_SETTINGS_GYM_CHECK_SPLIT=1`` in the environment (the package's tests set it) each cut is
checked against that path.
"""

from __future__ import annotations

import json
import os
from typing import Any

from .client import decode_answer

__all__ = ["CHECK_SPLIT", "encode", "read_answer"]

#: Check each cut against the answer decoded whole (for tests; it costs what the cut saves).
CHECK_SPLIT = os.environ.get("MI_SETTINGS_GYM_CHECK_SPLIT", "") not in ("", "0")

# ``json.dumps(value, ensure_ascii=True, separators=(",", ":"))``, made once. What it encodes was
# decoded from JSON, so it cannot hold a cycle: the check for one is left out (a tenth faster).
_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False)


def encode(value: Any) -> str:
    """Compact JSON with everything outside printable ASCII escaped: ``ensure_ascii`` escapes
    non-ASCII and control characters (DEL included), so the text lies in ``AsciiText``."""
    return _ENCODER.encode(value)


# What an answer with an observation begins with, as the simulator writes it (no spaces).
_HEAD = '{"observation":'
# The members that may follow the observation: a step's ``reward``, ``terminated``,
# ``truncated`` and ``info``, a reset's ``info``.
_NEXT_MEMBERS = (',"reward":', ',"terminated":', ',"truncated":', ',"info":')
# The bytes of printable ASCII, the only ones an answer written as Python writes it holds.
_PRINTABLE = bytes(range(0x20, 0x7F))


def _cut(line: bytes) -> tuple[dict[str, Any], str] | None:
    """The answer's members with ``observation`` null, and the observation's text as it came;
    ``None`` when the line is not an answer in printable ASCII with the observation first."""
    if line.translate(None, _PRINTABLE):  # a byte outside printable ASCII
        return None
    text = line.decode("ascii")
    if not text.startswith(_HEAD):
        return None
    start = len(_HEAD)
    # Each of these names is the key of one member and of nothing else in an answer, and a
    # string cannot hold the pattern (its quotes would be escaped): so each is found once, from
    # the end, where the members after the observation are; the first of them ends it.
    found = [at for at in (text.rfind(member, start) for member in _NEXT_MEMBERS) if at >= 0]
    if not found:
        return None
    end = min(found)
    observation = text[start:end]
    if not (observation.startswith("{") and observation.endswith("}")):
        return None
    try:
        # What is left, with the observation as null, decodes only if the cut was between two
        # members of the answer: a cut inside the observation (or inside any value) leaves
        # brackets closed that were never opened.
        rest = json.loads(f"{_HEAD}null{text[end:]}")
    except ValueError:
        return None
    if not isinstance(rest, dict):
        return None
    return rest, observation


def read_answer(line: bytes) -> tuple[dict[str, Any], str | None]:
    """The answer as a dict and its observation's text: ``None`` when it has no observation
    object (an ``{"error": ...}``, or something that is not an answer to a reset or a step). The
    dict's ``observation`` is not to be read: it is ``None`` when the text was cut out of the
    line."""
    cut = _cut(line)
    if cut is not None:
        if CHECK_SPLIT:
            _check(line, *cut)
        return cut
    reply = decode_answer(line)
    observation = reply.get("observation")
    if not isinstance(observation, dict):
        return reply, None
    return reply, encode(observation)


def _check(line: bytes, rest: dict[str, Any], observation: str) -> None:
    """Raises ``AssertionError`` unless the cut gives what decoding the line whole gives."""
    whole = decode_answer(line)
    expected = encode(whole.get("observation"))
    if observation != expected or rest != {**whole, "observation": None}:
        raise AssertionError(
            "the observation cut out of an answer differs from the answer decoded whole: "
            f"cut {observation[:300]!r} and {rest!r}, whole {line[:600]!r}"
        )
