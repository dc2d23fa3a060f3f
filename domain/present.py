"""Big-screen mode (`?present=1`): the slides a bridge point shows in turn, and how long each
stays, read from the URL and bounded, so that one URL opened and left on a shared screen shows
the same thing every time.

    ?present=1&interval=30&views=nation,map,bottom10,top10,province:24,bottom10:B-CA

A view is one slide: `nation` (the verdict against the target, the headline figures and who is
furthest behind), `map` (the choropleth of the provinces), `bottom10` / `top10` (the ten
children furthest behind / furthest ahead), and for one province or ministry, named by the
code people read, `province:24`, `bottom10:24`, `top10:24` (its agencies). Codes are checked
against the reference lists by the caller; here only their shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from domain.drill import top_bottom
from domain.metrics import Metric
from domain.params import BOUNDED, INVALID, bounded_number

INTERVAL_DEFAULT = 30  # seconds a slide stays
INTERVAL_MIN = 5  # below this a room cannot read a slide
INTERVAL_MAX = 600
MAX_VIEWS = 20
RANK_SIZE = 10  # rows in a top / bottom ranking
SHOWN_CHARS = 40  # of a rejected URL value, in the message that names it

SUMMARY, MAP, BOTTOM, TOP = "summary", "map", "bottom", "top"
_NAMES = {"nation": (SUMMARY, False), "province": (SUMMARY, True), "map": (MAP, False),
          f"bottom{RANK_SIZE}": (BOTTOM, None), f"top{RANK_SIZE}": (TOP, None)}
# A province of either era (two digits, as the URL and the pages name them) or a ministry (B-CA).
_CODE = re.compile(r"^(?:\d{1,2}|B-[A-Z0-9]{1,12})$", re.ASCII)


@dataclass(frozen=True)
class View:
    kind: str  # SUMMARY | MAP | BOTTOM | TOP
    code: str | None = None  # a province or ministry; None: the nation

    @property
    def token(self) -> str:
        """The view as the URL names it."""
        if self.kind == SUMMARY:
            return f"province:{self.code}" if self.code else "nation"
        name = {MAP: "map", BOTTOM: f"bottom{RANK_SIZE}", TOP: f"top{RANK_SIZE}"}[self.kind]
        return f"{name}:{self.code}" if self.code else name


NATION_VIEWS = (View(SUMMARY), View(MAP), View(BOTTOM), View(TOP))


def shown(value: str) -> str:
    """A rejected URL value, cut short for the message that names it."""
    return value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS - 1] + "…"


def parse_interval(raw: str | None) -> tuple[int, str | None]:
    """Seconds per slide from ?interval=, and what was wrong with it: None, "bad" (not a
    number: the default), "low" or "high" (brought to the nearest bound; 1e400 and inf too),
    read as every number in a URL is (domain/params.py)."""
    reading = bounded_number(raw, INTERVAL_MIN, INTERVAL_MAX, INTERVAL_DEFAULT)
    if reading.problem == INVALID:
        return INTERVAL_DEFAULT, "bad"
    if reading.problem == BOUNDED:
        return reading.value, "low" if reading.value == INTERVAL_MIN else "high"
    return reading.value, None


def parse_view(token: str) -> View | None:
    """One entry of ?views= ("nation", "bottom10:24", "province:B-CA"), or None."""
    name, sep, code = token.strip().partition(":")
    known = _NAMES.get(name.strip().lower())
    if known is None:
        return None
    kind, needs_code = known
    code = code.strip().upper() if sep else None
    if code is not None:
        if not _CODE.match(code):
            return None
        code = code.zfill(2) if code.isdigit() else code  # province:1 is province:01
    if (code is None and needs_code) or (code is not None and needs_code is False):
        return None
    return View(kind, code)


def parse_views(raw: str | None, default: tuple[View, ...]) -> tuple[list[View], list[str]]:
    """The slides of ?views= (a comma list), in order, and the entries dropped (unknown, or
    beyond MAX_VIEWS), cut short for the message. None of them valid: the default."""
    tokens = [tok.strip() for tok in (raw or "").split(",") if tok.strip()]
    views, dropped = [], []
    for token in tokens:
        view = parse_view(token)
        if view is None or len(views) >= MAX_VIEWS:
            dropped.append(shown(token))
        else:
            views.append(view)
    return (views or list(default)), dropped


def default_views(page_file: str, code: str | None) -> tuple[View, ...]:
    """What a page shows on the big screen when the URL names no views: a province's or
    ministry's page its own summary then its agencies furthest behind; the map page the map
    first; any other page the nation."""
    if code is not None:
        return View(SUMMARY, code), View(BOTTOM, code)
    if page_file == "pages/map.py":
        return View(MAP), View(SUMMARY), View(BOTTOM), View(TOP)
    return NATION_VIEWS


def rank_ends(ranked: pd.DataFrame, metric: Metric,
              n: int = RANK_SIZE) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The n children furthest behind their targets and the n furthest ahead, among the
    children of a ranking (domain.drill.rank: value, target, gap) that reported; when none has
    a target, the n weakest and the n best by value. And whether the ends are by gap."""
    valued = ranked.dropna(subset=["value"])
    gap = pd.to_numeric(valued["gap"], errors="coerce")
    # sorted here again: the ranking's order is not to be trusted around units without data
    targeted = valued.assign(_gap=gap)[gap.notna()].sort_values("_gap", kind="stable").drop(
        columns="_gap")
    if len(targeted):
        return targeted.head(n), targeted.iloc[::-1].head(n), True
    best, worst = top_bottom(valued, metric, n)
    return worst, best, False


def is_on(raw: str | None) -> bool:
    """?present=1 (also true, yes, on)."""
    return (raw or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass
class Clock:
    """Which slide is shown, and whether it is time to move on. The page reruns itself every
    `interval` seconds; such a rerun moves to the next slide. A rerun for any other reason (a
    button, a new load) comes sooner after the last change, and does not: a run moves on only
    when at least half an interval has passed since the slide last changed, which leaves room
    for the browser's timer and a slow run."""
    index: int = 0
    paused: bool = False
    changed_at: float | None = None

    def tick(self, now: float, interval: float, count: int) -> int:
        """The slide to show at `now`."""
        if self.changed_at is None:
            self.changed_at = now
        elif not self.paused and now - self.changed_at >= interval / 2:
            self.index += 1
            self.changed_at = now
        self.index %= count
        return self.index

    def step(self, by: int, now: float, count: int) -> None:
        """Next (+1) or previous (-1)."""
        self.index = (self.index + by) % count
        self.changed_at = now

    def toggle(self, now: float) -> None:
        """Pause, or go on from the slide shown."""
        self.paused = not self.paused
        self.changed_at = now
