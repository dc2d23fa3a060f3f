"""Values from the URL, read defensively: anyone can type a link. A number is bounded to the
nearest value the page can show (`cut=1e400` → 100, `cut=-5` → 0; `nan` or `abc` → the
default) and the page says so; an identifier is a positive 64-bit integer or nothing; a
structured value (the saved what-if scenarios, JSON) is refused before it is parsed when it is
too long or nested deeper than its format, so that no link can exhaust the interpreter."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

MAX_NUMBER_CHARS = 40  # no number the pages take needs more; a longer value is not read
MAX_ID = 2 ** 63 - 1  # the databases' BIGINT
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?inf(inity)?|nan", re.IGNORECASE)

OK, BOUNDED, INVALID = None, "bounded", "invalid"


@dataclass(frozen=True)
class Reading:
    """What a URL value gave: the value to show and the problem to report (None: as asked;
    "bounded": moved to the nearest valid value; "invalid": not a value, the default shown)."""
    value: Any
    problem: str | None = OK


def bounded_number(raw: str | None, lo: float, hi: float, default, *, step: float | None = None,
                   digits: int | None = None) -> Reading:
    """A number within [lo, hi] (on the grid lo + k·step when a step is given), as an int, or
    rounded to `digits` places when digits is given. Infinite and out-of-range values go to the
    nearest bound, off-grid ones to the nearest step; NaN and non-numbers give the default."""
    if raw is None or not str(raw).strip():
        return Reading(default)
    text = str(raw).strip()
    if len(text) > MAX_NUMBER_CHARS or not _NUMBER.fullmatch(text):
        return Reading(default, INVALID)
    x = float(text)  # 1e400 reads as inf, which is bounded below like any large value
    if math.isnan(x):
        return Reading(default, INVALID)
    asked = _rounded(x, digits) if math.isfinite(x) else x
    value = min(max(asked, lo), hi)
    if step:
        value = min(lo + round((value - lo) / step) * step, hi)
    value = _rounded(value, digits)
    return Reading(value, OK if value == asked else BOUNDED)


def _rounded(x: float, digits: int | None):
    return round(x, digits) if digits is not None else int(round(x))


def parse_id(raw: str | None) -> int | None:
    """A database identifier: digits only, 1 … 2⁶³−1; anything else is None."""
    text = (raw or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (strings skipped), counted
    without parsing it: a parser recurses once per level."""
    depth = deepest = 0
    in_string = escaped = False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth -= 1
    return deepest


def bounded_json(raw: str, max_chars: int, max_depth: int) -> Any:
    """The JSON value of `raw`; ValueError when it is longer than max_chars, nests deeper than
    max_depth or is not JSON (checked in that order, so that no parser sees a hostile text)."""
    if len(raw) > max_chars:
        raise ValueError(f"longer than {max_chars} characters")
    if json_depth(raw) > max_depth:
        raise ValueError(f"nested deeper than {max_depth}")
    return json.loads(raw)
