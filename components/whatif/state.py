"""The what-if's settings: read from the URL, bound to the widgets, written back to the URL so
that a link reproduces the scenario; saved scenarios (at most four) travel in the URL too.

URL parameters: scope (the code people read of one of today's 34 provinces, "44", or a
ministry's code; absent = the nation), cover (procedure codes and f:<field code>,
comma-separated; absent = the scope's default, see domain.whatif.default_cover; "-" = none),
cut (% off the online fee), start and end (YYYY-MM; no end = open-ended), months (horizon),
resp and unc (the response and its ±), ceil (% adoption ceiling), visit (VND per visit), base
(trend | level), sc (saved scenarios, JSON). Anyone can type a link: a number outside its
control's range (1e400, inf, -5) shows the nearest value the control offers, a bad value the
default, each with a message; the saved scenarios are refused unread when too long or nested
deeper than their format (domain/params.py).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace

from domain import params, whatif
from domain.periods import Month

MAX_SAVED = 4
NAME_MAX = 60  # characters of a saved scenario's name
# The saved scenarios' text: a list of flat objects (depth 2); its length allows four
# scenarios covering every procedure of a national catalogue.
SAVED_MAX_CHARS, SAVED_DEPTH = 200_000, 2
CUT_RANGE, MONTHS_RANGE, CEIL_RANGE = (0, 100), (6, whatif.MAX_AHEAD), (50, 100)
CUT_STEP, VISIT_STEP, VISIT_MAX = 5, 5_000, 1_000_000
VISIT_LIMIT = 100_000_000  # a link may name a cost beyond the control's steps, up to this
START_SPAN = 24  # the start month can be any of the first 24 projected months
RESP_MAX, UNC_MAX = 3.0, 1.5
BASES = ("trend", "level")
FIELD_PREFIX = "f:"
# Every URL parameter the page owns (besides lang and the period, which travel everywhere).
PARAMS = ("scope", "cover", "cut", "start", "end", "months", "resp", "unc", "ceil", "visit",
          "base")


@dataclass(frozen=True)
class Spec:
    """A scenario as the user sets it (what the URL holds)."""
    scope: str = ""
    cover: tuple[str, ...] | None = None  # None: the scope's default procedures
    cut: int = 50
    start: Month | None = None  # None: the first projected month
    end: Month | None = None  # None: open-ended
    months: int = 18
    resp: float = whatif.ASSUMED_RESPONSE
    unc: float = whatif.ASSUMED_UNCERTAINTY
    ceil: int = round(whatif.DEFAULT_CEILING * 100)
    visit: int = whatif.DEFAULT_VISIT_COST
    base: str = "trend"
    name: str = ""

    def with_(self, **changes) -> "Spec":
        return replace(self, **changes)


def default_spec(first: Month, response: float, uncertainty: float) -> Spec:
    """From the month after the data to the end of next year; the response as estimated."""
    return Spec(start=first, months=whatif.months_to_end_of_next_year(first),
                resp=round(response, 2), unc=max(0.01, round(uncertainty, 2)))


# --- the URL ------------------------------------------------------------------------------
# name → (lowest, highest, step of the control, decimals of the control or None for an int)
NUMBERS = {
    "cut": (*CUT_RANGE, CUT_STEP, None),
    "months": (*MONTHS_RANGE, None, None),
    "resp": (0.0, RESP_MAX, None, 2),  # the controls move by hundredths
    "unc": (0.0, UNC_MAX, None, 2),
    "ceil": (*CEIL_RANGE, None, None),
    "visit": (0, VISIT_LIMIT, None, None),
}


def from_query(query: dict, default: Spec, scopes: set[str], first: Month
               ) -> tuple[Spec, dict[str, str]]:
    """The spec the URL names, and its problems (name → "invalid": the default shown, or
    "bounded": the nearest valid value shown): numbers out of range (inf, 1e400, -5) are moved
    to the nearest value the controls offer, other bad values replaced by the default."""
    spec, problems = default, {}

    def take(name, parse):
        nonlocal spec
        raw = query.get(name)
        if raw in (None, ""):
            return
        try:
            spec = spec.with_(**{name: parse(raw)})  # the Spec's fields are the URL's names
        except (ValueError, TypeError):
            problems[name] = params.INVALID

    def scope(raw):
        if raw not in scopes:
            raise ValueError(raw)
        return raw

    def month_within(span):
        def parse(raw):
            m = Month.parse(raw)
            if not first <= m <= first.plus(span - 1):
                raise ValueError(raw)
            return m
        return parse

    def base(raw):
        if raw not in BASES:
            raise ValueError(raw)
        return raw

    take("scope", scope)
    take("cover", parse_cover)
    take("start", month_within(START_SPAN))
    take("end", month_within(whatif.MAX_AHEAD))
    take("base", base)
    for name, (lo, hi, step, digits) in NUMBERS.items():
        reading = params.bounded_number(query.get(name), lo, hi, getattr(default, name),
                                        step=step, digits=digits)
        spec = spec.with_(**{name: reading.value})
        if reading.problem:
            problems[name] = reading.problem
    return spec, problems


def parse_cover(raw: str) -> tuple[str, ...] | None:
    if raw == "-":
        return ()
    items = tuple(x.strip() for x in raw.split(",") if x.strip())
    if not items:
        raise ValueError(raw)
    return items


def to_query(spec: Spec) -> dict[str, str]:
    out = {
        "cut": str(spec.cut), "start": str(spec.start), "months": str(spec.months),
        "resp": f"{spec.resp:g}", "unc": f"{spec.unc:g}", "ceil": str(spec.ceil),
        "visit": str(spec.visit), "base": spec.base,
    }
    if spec.scope:
        out["scope"] = spec.scope
    if spec.cover is not None:
        out["cover"] = ",".join(spec.cover) if spec.cover else "-"
    if spec.end is not None:
        out["end"] = str(spec.end)
    return out


def encode_saved(specs: list[Spec]) -> str:
    rows = [{"n": s.name, **to_query(s)} for s in specs[:MAX_SAVED]]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_saved(raw: str | None, default: Spec, scopes: set[str], first: Month
                 ) -> tuple[list[Spec], bool]:
    """The saved scenarios in the URL; False when some could not be read. A text too long or
    nested deeper than a list of flat objects is refused unread."""
    if not raw:
        return [], True
    try:
        rows = params.bounded_json(raw, SAVED_MAX_CHARS, SAVED_DEPTH)
        if not isinstance(rows, list):
            raise ValueError("not a list")
    except ValueError:
        return [], False
    out, ok = [], True
    for row in rows[:MAX_SAVED]:
        if not isinstance(row, dict):
            ok = False
            continue
        spec, problems = from_query({k: str(v) for k, v in row.items() if k != "n"},
                                    default, scopes, first)
        ok &= not problems
        out.append(spec.with_(name=str(row.get("n", ""))[:NAME_MAX]))
    return out, ok


# --- to the model -------------------------------------------------------------------------
def covered_procedures(cover: tuple[str, ...] | None, fee_procedures,
                       default: tuple[str, ...]) -> frozenset[str]:
    """Procedure codes a cover names: its procedures plus the fee procedures of its fields
    (None: the scope's default). fee_procedures: frame with code and field_code."""
    if cover is None:
        cover = default
    codes = {c for c in cover if not c.startswith(FIELD_PREFIX)}
    fields = {c[len(FIELD_PREFIX):] for c in cover if c.startswith(FIELD_PREFIX)}
    codes |= set(fee_procedures.loc[fee_procedures["field_code"].isin(fields), "code"])
    return frozenset(codes & set(fee_procedures["code"]))


def offset(first: Month, month: Month) -> int:
    return (month.year - first.year) * 12 + month.month - first.month


def to_params(spec: Spec, fee_procedures, first: Month, default: tuple[str, ...]
              ) -> whatif.Params:
    return whatif.Params(
        covered=covered_procedures(spec.cover, fee_procedures, default),
        discount=spec.cut / 100, start=max(0, offset(first, spec.start or first)),
        end=None if spec.end is None else offset(first, spec.end), horizon=spec.months,
        response=spec.resp, uncertainty=spec.unc, ceiling=spec.ceil / 100,
        visit_cost=float(spec.visit), trend=spec.base == "trend")
