"""The choropleth's rules: what a unit's colour encodes (a metric's value, its gap to the
year's target, its change on a year earlier), the class breaks and colours, the legend, the
rank, and fitting the view to a region (Web Mercator, as deck.gl draws it). Which units are
drawn, and how history is regrouped into them, is domain.eras's."""
from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from domain.figures import metric_frame
from domain.formatting import DASH, fmt_metric, fmt_pct, fmt_points
from domain.i18n import t
from domain.metrics import Kind, Metric
from domain.targets import Target

VIEWS = ("value", "gap", "change")

RGB = tuple[int, int, int]


def _hex(code: str) -> RGB:
    return tuple(int(code[i:i + 2], 16) for i in (1, 3, 5))


# ColorBrewer schemes (colour-blind safe, readable on a projector). Sequential: light = low.
SEQUENTIAL_UP = tuple(map(_hex, ("#edf8b1", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")))
SEQUENTIAL_DOWN = tuple(map(_hex, ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")))
# The two sides of a diverging scale (RdBu, PuOr), each from the colour next to the break
# outwards: the further from the target (or from no change), the darker. Red = behind the
# target or the bad direction, blue = target met or the good direction; orange / purple = down
# / up when neither direction is good.
RED = tuple(map(_hex, ("#f4a582", "#d6604d", "#b2182b")))
BLUE = tuple(map(_hex, ("#92c5de", "#4393c3", "#2166ac")))
ORANGE = tuple(map(_hex, ("#fdb863", "#e08214", "#b35806")))
PURPLE = tuple(map(_hex, ("#b2abd2", "#8073ac", "#542788")))
NO_DATA: RGB = (189, 189, 189)


def views_for(metric: Metric) -> tuple[str, ...]:
    """A gap needs a target, and targets exist only for metrics that name one."""
    return VIEWS if metric.target_keys else ("value", "change")


# --- values ----------------------------------------------------------------------------------

def unit_values(now: pd.DataFrame, before: pd.DataFrame, metric: Metric,
                targets: Mapping[str, Target | None]) -> pd.DataFrame:
    """One row per unit (key): the metric's value, a year earlier, its change (points for a
    rate, relative for a count or amount), the target that applies and the gap to it."""
    value = metric_frame(now, [metric.id]).set_index(now["key"].astype(str))[metric.id]
    prev = metric_frame(before, [metric.id]).set_index(before["key"].astype(str))[metric.id]
    keys = sorted(set(value.index) | set(prev.index) | set(targets))
    out = pd.DataFrame({"key": keys})
    out["value"] = out["key"].map(value).astype("float64")
    out["previous"] = out["key"].map(prev).astype("float64")
    if metric.kind is Kind.RATE:
        out["change"] = out["value"] - out["previous"]
    else:
        out["change"] = out["value"] / out["previous"].where(out["previous"] > 0) - 1
    out["target"] = [targets[k].value if targets.get(k) else np.nan for k in keys]
    sign = -1.0 if metric.better == "down" else 1.0
    out["gap"] = sign * (out["value"] - out["target"])
    return out


def rank(shown: pd.Series, metric: Metric, view: str) -> pd.Series:
    """Rank 1 = best: the highest value (the lowest when lower is better; the largest when
    neither is better), the largest gap, the change furthest in the good direction."""
    ascending = metric.better == "down" and view != "gap"
    return shown.rank(ascending=ascending, method="min").astype("Int64")


# --- colours -------------------------------------------------------------------------------

CLASSES = 5  # a sequential scale's classes at most
PER_SIDE = 3  # a diverging scale's classes on each side at most
# around a target, classes of 5 points or more ("25% – 50%", not "68% – 69%")
TARGET_STEP = 0.05
FINE_STEP = 0.001  # at least a tenth of a point: the legend reads one decimal at most


def round_breaks(lo: float, hi: float, most: int, min_step: float = 0.0,
                 with_hi: bool = True) -> tuple[float, ...]:
    """The multiples of the smallest round step (1, 2, 2.5 or 5 × 10^k, at least min_step) of
    which at most `most` lie in (lo, hi] (in (lo, hi) without hi): equal classes with edges
    people read at a glance (25%, 50%, 75%)."""
    if not hi > lo or most < 1:
        return ()
    eps = 1e-9  # 0.3 / 0.1 is 2.9999999999999996 in floating point
    for exp in itertools.count(math.floor(math.log10((hi - lo) / (most + 1))) - 1):
        for mantissa in (1, 2, 2.5, 5):
            step = mantissa * 10.0 ** exp
            if step < min_step:
                continue
            first = math.floor(lo / step + eps) + 1
            last = math.floor(hi / step + eps) if with_hi else math.ceil(hi / step - eps) - 1
            if last - first + 1 <= most:
                return tuple(round(i * step, 9) for i in range(first, last + 1))
    raise AssertionError("unreachable: a large enough step leaves no multiple in the range")


def _round_125(value: float) -> float:
    """The nearest of 1, 2 or 5 × 10^k (on a log scale)."""
    if value <= 0:
        return 0.0
    exp = math.floor(math.log10(value))
    return min((m * 10.0 ** e for e in (exp, exp + 1) for m in (1, 2, 5)),
               key=lambda c: abs(math.log(c / value)))


def sequential_breaks(values, metric: Metric, classes: int = CLASSES) -> tuple[float, ...]:
    """A rate: equal classes at round steps over the values' range (10%, 20%, 30%…), so a
    colour always means the same level. A count or amount: quantile breaks read as 1, 2 or
    5 × 10^k (volumes are skewed: TP HCM handles a hundred times a small province's)."""
    vals = pd.Series(values, dtype="float64").dropna()
    if vals.nunique() < 2:
        return ()
    lo, hi = vals.min(), vals.max()
    if metric.kind is Kind.RATE:
        return round_breaks(lo, hi, classes - 1, FINE_STEP)
    out: list[float] = []
    for q in np.arange(1, classes) / classes:
        b = _round_125(float(vals.quantile(q)))
        if lo < b <= hi and (not out or b > out[-1]):
            out.append(b)
    return tuple(out)


def diverging_breaks(values, per_side: int = PER_SIDE, min_step: float = FINE_STEP,
                     at: float = 0.0) -> tuple[tuple[float, ...], int]:
    """Round breaks around `at` (zero for gaps and changes, the target for values), which
    always separates the two sides (behind / at or above the target, down / up): up to
    `per_side` classes on each side, at a round step over that side's values. Returns the
    breaks and how many classes lie below `at`."""
    vals = pd.Series(values, dtype="float64").dropna()
    lo, hi = (vals.min(), vals.max()) if len(vals) else (at, at)
    below = round_breaks(lo, at, per_side - 1, min_step, with_hi=False)
    above = round_breaks(at, hi, per_side - 1, min_step)
    return (*below, at, *above), len(below) + 1


@dataclass(frozen=True)
class Scale:
    breaks: tuple[float, ...]
    colours: tuple[RGB, ...]  # one more than breaks
    kind: str = "sequential"  # sequential | target (around the target) | change (around 0)
    column: str = "value"  # the column of unit_values the colours follow
    below: int = 0  # diverging: the classes under the break it diverges around
    target: float | None = None  # the one target of every unit, when the classes are values

    @property
    def diverging(self) -> bool:
        return self.kind != "sequential"

    def colour(self, value) -> RGB:
        if value is None or value != value:
            return NO_DATA
        return self.colours[bisect_right(self.breaks, value)]

    def classes(self) -> list[tuple[float | None, float | None, RGB]]:
        """(from, to, colour) per class; None for an open end."""
        edges = [None, *self.breaks, None]
        return [(edges[i], edges[i + 1], c) for i, c in enumerate(self.colours)]


def _spread(palette: tuple[RGB, ...], n: int) -> tuple[RGB, ...]:
    """n colours spread over a palette, keeping its ends when n > 1."""
    if n == 1:
        return (palette[len(palette) // 2],)
    return tuple(palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n))


def _diverging(bad: tuple[RGB, ...], good: tuple[RGB, ...], breaks: tuple[float, ...],
               below: int) -> tuple[RGB, ...]:
    """The classes below the break darkest first, then those above lightest first."""
    return tuple(reversed(_spread(bad, below))) + _spread(good, len(breaks) + 1 - below)


def scale_for(metric: Metric, view: str, frame: pd.DataFrame) -> Scale:
    """The colours of a view of unit_values' frame. A gap, and a value when every unit with a
    value has a target, diverge around the target: red behind it (the further, the darker),
    blue at or above it, whatever the spread of the values. A change diverges around zero
    (blue = the good direction; orange / purple when neither is good). A value without a
    target is sequential (light = low; red-yellow when lower is better)."""
    if view == "change":
        breaks, below = diverging_breaks(frame["change"])
        bad, good = {"up": (RED, BLUE), "down": (BLUE, RED)}.get(metric.better,
                                                                    (ORANGE, PURPLE))
        return Scale(breaks, _diverging(bad, good, breaks, below), "change", "change", below)
    targets = frame.loc[frame["value"].notna(), "target"]
    if view == "gap" or (len(targets) and targets.notna().all()):
        shared = targets.dropna().unique()
        if view == "value" and len(shared) == 1 and metric.better == "up":
            # one target for all (and higher is better): classes of values, edges read as
            # values ("< 25%", "25% – 50%", "50% – 70%", "≥ 70%")
            target = float(shared[0])
            breaks, below = diverging_breaks(frame["value"], min_step=TARGET_STEP, at=target)
            return Scale(breaks, _diverging(RED, BLUE, breaks, below), "target", "value",
                         below, target)
        # targets that differ: classes of each unit's gap to its own target, read in points
        breaks, below = diverging_breaks(frame["gap"], min_step=TARGET_STEP)
        return Scale(breaks, _diverging(RED, BLUE, breaks, below), "target", "gap", below)
    breaks = sequential_breaks(frame["value"], metric)
    palette = SEQUENTIAL_UP if metric.better != "down" else SEQUENTIAL_DOWN
    return Scale(breaks, _spread(palette, len(breaks) + 1))


def formatter(metric: Metric, view: str, lang: str, digits: int = 1) -> Callable[[float], str]:
    """How a value of the view reads: the metric's own format, points for a gap or a rate's
    change, a signed percentage for a count's change; zero without a sign."""
    if view == "gap" or (view == "change" and metric.kind is Kind.RATE):
        return lambda v: fmt_points(v, lang, digits).lstrip("+") if v == 0 else \
            fmt_points(v, lang, digits)
    if view == "change":
        return lambda v: DASH if v is None or v != v else (
            ("+" if v > 0 else "-" if v < 0 else "") + fmt_pct(abs(v), lang, digits))
    if metric.kind is Kind.RATE:
        return lambda v: fmt_pct(v, lang, digits)
    return lambda v: fmt_metric(metric, v, lang)


def _whole_percents(values) -> bool:
    return all(abs(v * 100 - round(v * 100)) < 1e-6 for v in values)


@dataclass(frozen=True)
class LegendGroup:
    title: str | None  # "Dưới chỉ tiêu 70%", "Đạt chỉ tiêu"; None for a single group
    entries: tuple[tuple[RGB, str], ...]  # (colour, "< 40%"), (colour, "40% – 55%")…


def legend(scale: Scale, metric: Metric, lang: str) -> list[LegendGroup]:
    """The classes as they read: "< 40%", "40% – 55%", "≥ 80%"; around a target, in two
    groups named after it (the classes in values when every unit has the same target, in
    points from it otherwise)."""
    fmt = formatter(metric, scale.column, lang,
                    digits=0 if _whole_percents(scale.breaks) else 1)
    entries = []
    for lo, hi, colour in scale.classes():
        if lo is None and hi is None:
            label = DASH
        elif lo is None:
            label = f"< {fmt(hi)}"
        elif hi is None:
            label = f"≥ {fmt(lo)}"
        else:
            lo_text, hi_text = fmt(lo), fmt(hi)
            lo_num, _, unit = lo_text.partition(" ")
            if unit and hi_text.endswith(" " + unit):  # the unit once: "-30 – -20 điểm %"
                lo_text = lo_num
            label = f"{lo_text} – {hi_text}"
        entries.append((colour, label))
    if scale.kind != "target":
        return [LegendGroup(None, tuple(entries))]
    if scale.target is None:
        behind = t("map_target_below_any", lang)
    else:
        behind = t("map_target_below", lang, target=fmt_pct(
            scale.target, lang, 0 if _whole_percents([scale.target]) else 1))
    return [LegendGroup(behind, tuple(entries[:scale.below])),
            LegendGroup(t("map_target_met", lang), tuple(entries[scale.below:]))]


# --- the view --------------------------------------------------------------------------------

TILE = 512  # deck.gl's Web Mercator world is 512 × 2^zoom pixels wide


def _merc_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _lat(merc_y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(merc_y)) - math.pi / 2)


def fit_view(west: float, south: float, east: float, north: float, width: int, height: int,
             padding: int = 16, max_zoom: float = 9.0) -> dict:
    """The longitude, latitude and zoom that fit a box into a width × height canvas."""
    dx = (east - west) / 360
    dy = (_merc_y(north) - _merc_y(south)) / (2 * math.pi)
    zx = math.log2(max(width - 2 * padding, 1) / (TILE * max(dx, 1e-9)))
    zy = math.log2(max(height - 2 * padding, 1) / (TILE * max(dy, 1e-9)))
    zoom = min(zx, zy, max_zoom)
    return {"longitude": round((west + east) / 2, 4),
            "latitude": round(_lat((_merc_y(north) + _merc_y(south)) / 2), 4),
            "zoom": round(zoom, 2)}


def project(lon: float, lat: float, view: dict, width: float, height: float) -> tuple[float,
                                                                                      float]:
    """A point's pixel position on a width × height canvas showing `view`."""
    scale = TILE * 2 ** view["zoom"]
    x = (lon - view["longitude"]) / 360 * scale
    y = -(_merc_y(lat) - _merc_y(view["latitude"])) / (2 * math.pi) * scale
    return width / 2 + x, height / 2 + y
