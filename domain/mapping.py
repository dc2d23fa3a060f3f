"""The choropleth's rules: what a unit's colour encodes (a metric's value, its gap to the
year's target, its change on a year earlier), the class breaks and colours, the legend, the
rank, and fitting the view to a region (Web Mercator, as deck.gl draws it). Which units are
drawn, and how history is regrouped into them, is domain.eras's."""
from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np
import pandas as pd

from domain.figures import metric_frame
from domain.formatting import DASH, fmt_metric, fmt_pct, fmt_points
from domain.metrics import Kind, Metric
from domain.targets import Target

VIEWS = ("value", "gap", "change")

RGB = tuple[int, int, int]


def _hex(code: str) -> RGB:
    return tuple(int(code[i:i + 2], 16) for i in (1, 3, 5))


# ColorBrewer schemes (colour-blind safe, readable on a projector). Sequential: light = low.
SEQUENTIAL_UP = tuple(map(_hex, ("#edf8b1", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")))
SEQUENTIAL_DOWN = tuple(map(_hex, ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")))
# Diverging, bad (red) → good (blue); neutral when neither direction is good (orange → purple).
DIVERGING_GOOD = tuple(map(_hex, ("#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf",
                                  "#2166ac")))
DIVERGING_NEUTRAL = tuple(map(_hex, ("#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3",
                                     "#542788")))
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

def _round_break(value: float, ratio: bool, spread: float) -> float:
    """Whole percents (tenths when the values lie close together), or two significant digits."""
    if ratio:
        unit = 0.01 if spread >= 0.05 else 0.001
        return round(round(value / unit) * unit, 6)
    if value == 0:
        return 0.0
    digits = 2 - int(math.floor(math.log10(abs(value)))) - 1
    return float(round(value, digits))


def _quantile_breaks(vals: pd.Series, n: int, ratio: bool, spread: float) -> list[float]:
    """n − 1 quantile breaks, rounded, strictly increasing, strictly inside the values' range
    on the low side (so that no class is empty by construction)."""
    lo, hi = vals.min(), vals.max()
    out: list[float] = []
    for q in np.arange(1, n) / n:
        b = _round_break(float(vals.quantile(q)), ratio, spread)
        if lo < b <= hi and (not out or b > out[-1]):
            out.append(b)
    return out


def sequential_breaks(values, metric: Metric, classes: int = 5) -> tuple[float, ...]:
    """Quantile breaks rounded to readable numbers (whole percents, two significant digits)."""
    vals = pd.Series(values, dtype="float64").dropna()
    if vals.nunique() < 2:
        return ()
    return tuple(_quantile_breaks(vals, classes, metric.kind is Kind.RATE,
                                  vals.max() - vals.min()))


def diverging_breaks(values, per_side: int = 3) -> tuple[tuple[float, ...], int]:
    """Breaks around zero, which always separates the two sides (behind / ahead of target,
    down / up): up to `per_side` classes on each side, by the quantiles of that side's values,
    so one-sided data still spreads over its side's colours. Returns the breaks and how
    many classes lie below zero."""
    vals = pd.Series(values, dtype="float64").dropna()
    spread = vals.max() - vals.min() if len(vals) else 0.0
    neg, pos = vals[vals < 0], vals[vals >= 0]
    below = _quantile_breaks(neg, per_side, True, spread) if neg.nunique() > 1 else []
    below = [b for b in below if b < 0]
    above = _quantile_breaks(pos, per_side, True, spread) if pos.nunique() > 1 else []
    above = [b for b in above if b > 0]
    return (*below, 0.0, *above), len(below) + 1
@dataclass(frozen=True)
class Scale:
    breaks: tuple[float, ...]
    colours: tuple[RGB, ...]  # one more than breaks
    diverging: bool

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


def scale_for(metric: Metric, view: str, values) -> Scale:
    """Sequential for values (red-yellow when lower is better), diverging around zero for gaps
    and changes (blue = the good direction; orange/purple when neither is good)."""
    if view == "value":
        breaks = sequential_breaks(values, metric)
        palette = SEQUENTIAL_UP if metric.better != "down" else SEQUENTIAL_DOWN
        return Scale(breaks, _spread(palette, len(breaks) + 1), False)
    breaks, n_below = diverging_breaks(values)
    if view == "gap" or metric.better == "up":
        palette = DIVERGING_GOOD
    elif metric.better == "down":
        palette = tuple(reversed(DIVERGING_GOOD))
    else:
        palette = DIVERGING_NEUTRAL
    half = len(palette) // 2  # the lightest colours sit next to zero
    colours = palette[half - n_below:half] + palette[half:half + len(breaks) + 1 - n_below]
    return Scale(breaks, colours, True)


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


def legend(scale: Scale, metric: Metric, view: str, lang: str) -> list[tuple[RGB, str]]:
    """(colour, label) per class: "< 40%", "40% – 55%", "≥ 80%"."""
    whole = all(abs(b * 100 - round(b * 100)) < 1e-9 for b in scale.breaks)
    fmt = formatter(metric, view, lang, digits=0 if whole else 1)
    out = []
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
        out.append((colour, label))
    return out


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
