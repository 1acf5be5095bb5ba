"""An answer with an observation, read for the environment: the members besides the observation
as a dict, and the observation as the space's text, compact ASCII JSON exactly as
``json.dumps(observation, ensure_ascii=True, separators=(",", ":"))`` writes it.

The environment asks ``mi-settings agent`` for observations as text (the reset option
``observation_text``): the simulator writes the observation into the answer as a string holding
that very text, so the answer is decoded whole, once, and the observation is taken as it came,
without building it as dicts and encoding it again (which took most of a step's time in Python:
``python/bench.py --only answer`` measures both). One path, whatever order the members come in.
"""

from __future__ import annotations

import json
from typing import Any

from .client import decode_answer

__all__ = ["encode", "read_answer"]

# ``json.dumps(value, ensure_ascii=True, separators=(",", ":"))``, made once. What it encodes was
# decoded from JSON, so it cannot hold a cycle: the check for one is left out (a tenth faster).
_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False)


def encode(value: Any) -> str:
    """Compact JSON with everything outside printable ASCII escaped: ``ensure_ascii`` escapes
    non-ASCII and control characters (DEL included), so the text lies in ``AsciiText``."""
    return _ENCODER.encode(value)


def read_answer(line: bytes, apart: str | None = None) -> tuple[dict[str, Any], str | None]:
    """The answer as a dict, and the observation's text: ``apart`` when it came apart from the
    answer (see ``AgentClient.request_apart``), else the answer's ``observation_text``; ``None``
    when it has none (an ``{"error": ...}``, or an answer that is not one to a reset or a
    step)."""
    reply = decode_answer(line)
    if apart is not None:
        return reply, apart
    text = reply.get("observation_text")
    if not isinstance(text, str):
        return reply, None
    return reply, text
