"""Breakdown tables: one row per child (province, agency, procedure or month) with the
catalogue's breakdown columns. The page and the command-line export both build them here, so
they carry the same numbers."""
from __future__ import annotations

import pandas as pd

from domain.eras import code_of
from domain.figures import metric_frame
from domain.i18n import t
from domain.metrics import BREAKDOWN, METRICS, Kind, measures_for

BREAKDOWN_MEASURES = measures_for(BREAKDOWN)


def breakdown(totals: pd.DataFrame, labels: dict, metric_ids=BREAKDOWN) -> pd.DataFrame:
    """totals: measure totals with a `key` column; labels: key → name.
    Returns code, name and one column per metric, in the catalogue's units (rates as ratios).
    The code is the one people read: a province's plain code ("24", not the key "34:24"),
    whose era the name and the table's unit set make clear."""
    frame = metric_frame(totals, metric_ids)
    out = pd.DataFrame({"code": frame["key"].map(lambda k: code_of(str(k))),
                        "name": frame["key"].map(labels)})
    out["name"] = out["name"].fillna(out["code"])
    for mid in metric_ids:
        values = frame[mid].astype("float64")
        out[mid] = values if METRICS[mid].kind is Kind.RATE else values.round().astype("Int64")
    return out


def headers(lang: str, metric_ids=BREAKDOWN) -> dict[str, str]:
    """Column → translated header, for display and for exports."""
    out = {"code": t("col_code", lang), "name": t("col_name", lang)}
    out |= {mid: METRICS[mid].label(lang) for mid in metric_ids}
    return out


def column_formats(metric_ids=BREAKDOWN) -> dict[str, str]:
    """Column → int | pct | vnd | text, for number formats in exports."""
    kinds = {Kind.COUNT: "int", Kind.RATE: "pct", Kind.MONEY: "vnd"}
    return {"code": "text", "name": "text"} | {mid: kinds[METRICS[mid].kind]
                                               for mid in metric_ids}
