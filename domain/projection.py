"""Year-to-date progress against an annual target, projected to the year end.

Method (stated under the figure): the months still to come take last year's volume of the same
month, scaled by this year's growth so far; their rate continues the straight-line trend of the
last six observed monthly rates (least squares, kept within 0–100%). The projected annual rate
is the ratio of the summed numerators and denominators, observed and projected.
"""
from __future__ import annotations

from dataclasses import dataclass

from domain.metrics import Metric
from domain.targets import Target, gap

AT_RISK_MARGIN = 0.05  # within 5 points of the target: at risk
TREND_MONTHS = 6


@dataclass(frozen=True)
class Projection:
    metric: Metric
    ytd_value: float | None
    projected: float | None
    target: Target | None
    months_observed: int

    @property
    def complete(self) -> bool:
        """All twelve months are observed: the value is the year's result."""
        return self.months_observed == 12

    @property
    def status(self) -> str | None:
        """on_track, at_risk or off_track against the target; None without one."""
        if self.target is None or self.projected is None:
            return None
        g = gap(self.metric, self.projected, self.target)
        if g >= 0:
            return "on_track"
        return "at_risk" if g >= -AT_RISK_MARGIN else "off_track"


def _line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares slope and intercept."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0
    return slope, my - slope * mx


def project_year_end(metric: Metric, this_year: dict[int, dict], last_year: dict[int, dict],
                     target: Target | None) -> Projection:
    """this_year / last_year map a month number (1–12) to that month's measure totals.
    Months of this_year are the observed ones (January to the last month with data)."""
    def num(t):
        return sum(t.get(m) or 0 for m in metric.numerator)

    def den(t):
        return sum(t.get(m) or 0 for m in metric.denominator)

    observed = sorted(m for m in this_year if den(this_year[m]))
    if not observed or not metric.denominator:
        return Projection(metric, None, None, target, 0)
    n_obs = sum(num(this_year[m]) for m in observed)
    d_obs = sum(den(this_year[m]) for m in observed)
    ytd = n_obs / d_obs
    last = observed[-1]
    same_months_last_year = sum(den(last_year[m]) for m in observed if m in last_year)
    growth = d_obs / same_months_last_year if same_months_last_year else 1.0
    recent = observed[-TREND_MONTHS:]
    slope, intercept = _line([float(m) for m in recent],
                             [num(this_year[m]) / den(this_year[m]) for m in recent])
    n_proj = d_proj = 0.0
    for m in range(last + 1, 13):
        volume = den(last_year[m]) * growth if m in last_year else d_obs / len(observed)
        rate = min(1.0, max(0.0, intercept + slope * m))
        n_proj += rate * volume
        d_proj += volume
    projected = (n_obs + n_proj) / (d_obs + d_proj)
    return Projection(metric, ytd, projected, target, len(observed))
