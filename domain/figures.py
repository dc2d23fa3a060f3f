"""From measure totals to what a tile shows: the value, the change against the same period a
year earlier and whether that change is good, the target that applies and the gap to it."""
from __future__ import annotations

from dataclasses import dataclass

from domain.formatting import fmt_change_pct, fmt_pct, fmt_points, rounds_to_zero
from domain.i18n import t
from domain.metrics import METRICS, Kind, Metric
from domain.targets import Target, gap

CHANGE_DIGITS = 1  # a tile shows a change to one decimal: +2,3 điểm %, -12,5%


@dataclass(frozen=True)
class Figure:
    metric: Metric
    value: float | None
    previous: float | None
    target: Target | None = None

    @property
    def change(self) -> float | None:
        """Points for a rate, a relative change for a count or an amount."""
        if self.value is None or self.previous is None:
            return None
        if self.metric.kind is Kind.RATE:
            return self.value - self.previous
        return self.value / self.previous - 1 if self.previous else None

    @property
    def unchanged(self) -> bool:
        """The change reads zero as a tile shows it (0,0): it has no direction."""
        return self.change is not None and rounds_to_zero(self.change, CHANGE_DIGITS)

    @property
    def change_is_good(self) -> bool | None:
        """True when the change goes the metric's good way; None when neither way is good or
        it reads zero."""
        ch = self.change
        if ch is None or self.metric.better is None or self.unchanged:
            return None
        return (ch > 0) == (self.metric.better == "up")

    @property
    def gap(self) -> float | None:
        return gap(self.metric, self.value, self.target)

    @property
    def target_met(self) -> bool | None:
        g = self.gap
        return None if g is None else g >= 0


def metric_value(metric_id: str, totals) -> float | None:
    return METRICS[metric_id].value(totals)


def figure(metric_id: str, now, before, target: Target | None = None) -> Figure:
    """A figure from two mappings of measure totals (this range, the year before)."""
    metric = METRICS[metric_id]
    return Figure(metric, metric.value(now) if now is not None else None,
                  metric.value(before) if before is not None else None, target)


def metric_frame(totals, metric_ids):
    """Adds one column per metric to a frame of measure totals (one row per group); NaN where
    a metric is undefined. Vectorised, with the same rule as Metric.value."""
    out = totals.copy()
    for mid in metric_ids:
        m = METRICS[mid]
        num = totals[list(m.numerator)].sum(axis=1, min_count=1)
        if m.denominator:
            den = totals[list(m.denominator)].sum(axis=1, min_count=1)
            num = num / den.where(den != 0)
        out[mid] = num.astype("float64")
    return out


def change_words(fig: Figure, lang: str) -> tuple[str, str] | None:
    """A change on a year earlier and its verdict, as tiles, slides and packs write them:
    ("+2,3 điểm %", "tốt lên"); a change that reads zero has no sign and no verdict:
    ("0,0 điểm %", "không đổi")."""
    if fig.change is None:
        return None
    text = (fmt_points if fig.metric.kind is Kind.RATE else fmt_change_pct)(
        fig.change, lang)
    good = fig.change_is_good
    return text, t("change_none" if fig.unchanged else "change_neutral" if good is None else
                   "change_better" if good else "change_worse", lang)


def target_words(fig: Figure, lang: str) -> tuple[str, str | None] | None:
    """A target and how far the figure is from it: ("Chỉ tiêu 2026: 80%", "Còn thiếu 3,2
    điểm %"); the second part None when the figure is unknown."""
    if fig.target is None:
        return None
    line = t("target_line", lang, year=fig.target.year, value=fmt_pct(fig.target.value, lang, 0))
    if fig.target_met is None:
        return line, None
    if fig.target_met:
        return line, t("target_met", lang)
    return line, t("target_gap", lang, gap=fmt_points(-fig.gap, lang).lstrip("+"))
