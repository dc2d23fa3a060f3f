"""Month ranges: parsing the URL's from/to, presets, the same range a year earlier."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        m = _MONTH.match(text or "")
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"not a month YYYY-MM: {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, d: date) -> "Month":
        return cls(d.year, d.month)

    def plus(self, months: int) -> "Month":
        i = self.year * 12 + self.month - 1 + months
        return Month(i // 12, i % 12 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class MonthRange:
    first: Month
    last: Month

    def __post_init__(self):
        if self.last < self.first:
            raise ValueError(f"range ends before it starts: {self.first} – {self.last}")

    @property
    def start(self) -> date:
        return self.first.first_day

    @property
    def end(self) -> date:
        return self.last.last_day

    @property
    def n_months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1

    def months(self) -> list[Month]:
        return [self.first.plus(i) for i in range(self.n_months)]

    def year_earlier(self) -> "MonthRange":
        return MonthRange(self.first.plus(-12), self.last.plus(-12))

    def clamp(self, lo: Month, hi: Month) -> "MonthRange":
        first = min(max(self.first, lo), hi)
        last = max(min(self.last, hi), first)
        return MonthRange(first, last)

    def to_params(self) -> dict[str, str]:
        return {"from": str(self.first), "to": str(self.last)}


# Presets as the official periodic reports name them; each ends at an anchor month.
PRESETS = ("month", "quarter", "6m", "9m", "ytd", "year")


def preset(kind: str, anchor: Month) -> MonthRange:
    """The range of a preset that contains the anchor month (reports run from January)."""
    jan = Month(anchor.year, 1)
    if kind == "month":
        return MonthRange(anchor, anchor)
    if kind == "quarter":
        q_first = Month(anchor.year, (anchor.month - 1) // 3 * 3 + 1)
        return MonthRange(q_first, q_first.plus(2))
    if kind == "6m":
        return MonthRange(jan, Month(anchor.year, 6))
    if kind == "9m":
        return MonthRange(jan, Month(anchor.year, 9))
    if kind == "ytd":
        return MonthRange(jan, anchor)
    if kind == "year":
        return MonthRange(jan, Month(anchor.year, 12))
    raise ValueError(f"unknown preset {kind!r}")


def parse_range(from_text: str | None, to_text: str | None, default: MonthRange,
                lo: Month, hi: Month) -> tuple[MonthRange, list[str]]:
    """The range named by the URL, or the default; with the problems found, to tell the user."""
    problems = []
    try:
        first = Month.parse(from_text) if from_text else default.first
    except ValueError:
        problems.append("from")
        first = default.first
    try:
        last = Month.parse(to_text) if to_text else default.last
    except ValueError:
        problems.append("to")
        last = default.last
    if last < first:
        problems.append("order")
        first, last = default.first, default.last
    rng = MonthRange(first, last)
    clamped = rng.clamp(lo, hi)
    if clamped != rng:
        problems.append("outside")
    return clamped, problems


def infer_preset(rng: MonthRange) -> str | None:
    """The preset a range matches, to show the picker as the user left it; None if custom."""
    if rng.n_months == 1:
        return "month"
    if rng.n_months == 3 and rng.first.month in (1, 4, 7, 10):
        return "quarter"
    if rng.first.month == 1 and rng.first.year == rng.last.year:
        return {6: "6m", 9: "9m", 12: "year"}.get(rng.last.month, "ytd")
    return None
