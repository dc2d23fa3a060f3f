"""Texts every view carries: the period shown and the source of the data, the same on the
pages, the big screen, the exports and the briefing pack."""
from __future__ import annotations

from typing import Mapping

from domain.formatting import fmt_date, fmt_month
from domain.i18n import t
from domain.periods import MonthRange


def range_label(rng: MonthRange, lang: str) -> str:
    """The period as the page header reads it: 10/2026, or 01/2026 – 10/2026."""
    if rng.first == rng.last:
        return fmt_month(rng.start, lang)
    return t("period_range", lang, start=fmt_month(rng.start, lang),
             end=fmt_month(rng.last.first_day, lang))


def source_note(status: Mapping, lang: str) -> str:
    """The data source line shown under the figures and written into exports and packs."""
    loads = status.get("loads", [])
    if status.get("sample"):
        source = t("source_sample", lang, name=loads[0]["file_name"])
    else:
        source = t("source_import", lang, count=len(loads))
    last = max((r["loaded_at"] for r in loads), default=None)
    return t("data_source", lang, source=source,
             date=fmt_date(last.date(), lang) if last is not None else "–")
