"""The provinces and the ministries ranked by their official total: the band, the change of
score and rank on the previous week and four weeks earlier (a month: on the month before),
the six groups as a heat table; below, the groups recomputed from the dossier statistics
beside the official ones, with the difference. A row clicked opens the unit's view."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from components.download import xlsx_button
from components.index766 import data as data766
from components.index766.period import PAGE
from components.scope_url import locality_labels
from data_access.index766 import headers, named
from domain import eras
from domain import index766 as I
from domain.formatting import fmt_decimal, fmt_int

BAD, MID, GOOD = (248, 215, 218), (255, 236, 179), (198, 232, 208)
BAND_COLOURS = {"excellent": GOOD, "good": (232, 244, 234), "fair": MID, "weak": BAD}
ROW_PX = 35


def heat(share) -> str:
    """A cell's background by the share of the group's maximum reached: red at half or
    less, amber at 80%, green at the maximum."""
    if share is None or share != share:
        return ""
    lo, hi, f = (BAD, MID, (share - 0.5) / 0.3) if share < 0.8 else (MID, GOOD, (share - 0.8) / 0.2)
    f = min(max(f, 0.0), 1.0)
    rgb = tuple(round(a + (b - a) * f) for a, b in zip(lo, hi))
    return f"background-color: rgb{rgb}; color: #111827"


def with_changes(frame: pd.DataFrame, period: I.Period) -> pd.DataFrame:
    """Adds, per comparison of the period's kind (I.COMPARISONS), the change of total
    (`d_total_<name>`) and of rank (`d_rank_<name>`, positive = moved up)."""
    out = frame.copy()
    for name, n in I.COMPARISONS[period.kind]:
        before = data766.scores(period.shifted(-n))[["locality_code", "total", "rank"]]
        before = before.rename(columns={"locality_code": "key", "total": "_t", "rank": "_r"})
        out = out.merge(before, on="key", how="left")
        out[f"d_total_{name}"] = out["total"] - out.pop("_t")
        out[f"d_rank_{name}"] = (out.pop("_r") - out["rank"]).astype("Float64")
    return out


def rank_change(value, lang: str) -> str:
    if value is None or value != value or pd.isna(value):
        return "–"
    return "=" if value == 0 else f"{'▲' if value > 0 else '▼'}{fmt_int(abs(value), lang)}"


def render(ctx: PageContext, period: I.Period) -> None:
    frame = data766.board(period)
    if frame["total"].isna().all():
        st.info(ctx.t("i766_no_scores", period=period.label(ctx.lang)))
    frame = with_changes(frame, period)
    frame["label"] = frame["key"].map(locality_labels(ctx)).fillna(frame["key"])
    st.caption(ctx.t("i766_relative"))
    picked = None
    tabs = st.tabs([ctx.t("i766_tab_province"), ctx.t("i766_tab_ministry")])
    for tab, level in zip(tabs, ("province", "ministry")):
        with tab:
            part = frame[frame["level"] == level].reset_index(drop=True)
            if part.empty:
                st.info(ctx.t("no_data"))
                continue
            picked = _ranking(ctx, part, period, level) or picked
            _comparison(ctx, part)
    table = named(data766.board(period), data.localities(), None, ctx.lang)
    xlsx_button(ctx, table.rename(columns=headers(ctx.lang)), file_stem=f"index766_{period}",
                title=ctx.t("i766_title"), filters={ctx.t("i766_period"): period.label(ctx.lang)},
                sheet=ctx.t("sheet_index766"))
    if picked is not None:
        st.switch_page(PAGE, query_params=ctx.params(province=eras.code_of(picked),
                                                     period=str(period)))


@st.cache_data(max_entries=64, show_spinner=False)
def _texts(table: pd.DataFrame, lang: str) -> dict:
    """Each column's values formatted once (value → text), cached like the ranking's."""
    out = {}
    for col in table.columns:
        values = table[col].dropna().unique()
        if col.startswith("d_rank"):
            out[col] = {v: rank_change(v, lang) for v in values}
        elif col.startswith(("d_total", "diff_")):
            out[col] = {v: fmt_decimal(v, lang, signed=True) for v in values}
        elif col == "rank":
            out[col] = {v: fmt_int(v, lang) for v in values}
        elif table[col].dtype.kind == "f":
            out[col] = {v: fmt_decimal(v, lang) for v in values}
    return out


def _style(table: pd.DataFrame, names: dict, lang: str):
    texts = _texts(table, lang)
    shown = table.rename(columns=names).style.format(
        {names[c]: (lambda v, d=d: d.get(v, "–")) for c, d in texts.items()}, na_rep="–")
    for g in I.GROUPS:
        if g.id in table:
            shown = shown.map(lambda v, top=g.points: heat(v / top if v == v else None),
                              subset=[names[g.id]])
    return shown


def _ranking(ctx: PageContext, part: pd.DataFrame, period: I.Period, level: str):
    """The ranking with the groups as a heat table; the key of a clicked row."""
    comparisons = [name for name, _ in I.COMPARISONS[period.kind]]
    table = pd.DataFrame({
        "rank": part["rank"].astype("float64"),
        "label": part["label"] + part["rank_computed"].map({True: " *", False: ""}),
        "total": part["total"],
        "band": [ctx.t(f"i766_band_{b}") if isinstance(b, str) else "–" for b in part["band"]],
        **{f"d_{m}_{c}": part[f"d_{m}_{c}"].astype("float64") for c in comparisons
           for m in ("rank", "total")},
        **{g: part[g] for g in I.GROUP_IDS},
    })
    names = {"rank": ctx.t("i766_col_rank"), "label": ctx.t("i766_col_name"),
             "total": ctx.t("i766_col_total"), "band": ctx.t("i766_col_band")} | {
        f"d_rank_{c}": ctx.t(f"i766_d_rank_{c}") for c in comparisons} | {
        f"d_total_{c}": ctx.t(f"i766_d_total_{c}") for c in comparisons} | {
        g.id: ctx.t("i766_head_group", group=ctx.t(f"i766_gshort_{g.id}"), max=f"{g.points:g}")
        for g in I.GROUPS}
    styled = _style(table, names, ctx.lang).map(
        lambda b, colours={ctx.t(f"i766_band_{k}"): v for k, v in BAND_COLOURS.items()}:
        f"background-color: rgb{colours[b]}" if b in colours else "", subset=[names["band"]])
    ranked = int(part["total"].notna().sum())
    st.caption(ctx.t("i766_ranked_of", n=ranked, total=len(part)) + " · " + ctx.t("i766_click"))
    event = st.dataframe(styled, hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", height=ROW_PX * (len(table) + 1) + 3,
                         key=f"i766_board_{level}_{period}")
    st.caption(ctx.t("i766_changes_note"))
    if part["rank_computed"].any():
        st.caption(ctx.t("i766_rank_computed"))
    rows = (event or {}).get("selection", {}).get("rows") or []
    return part["key"].iloc[rows[0]] if rows else None


def _comparison(ctx: PageContext, part: pd.DataFrame) -> None:
    """Official and recomputed groups side by side, with the difference."""
    st.markdown(f"**{ctx.t('i766_compare_title')}**")
    st.caption(ctx.t("i766_rule_note"))
    cols, names = {"label": part["label"]}, {"label": ctx.t("i766_col_name")}
    for g in I.RECOMPUTABLE:  # names must be unique: the group's short name on each column
        group = ctx.t(f"i766_gshort_{g}")
        for c, key, extra in ((g, "i766_short_official", {"max": f"{I.GROUP[g].points:g}"}),
                              (f"recomputed_{g}", "i766_short_recomputed",
                               {"max": f"{I.recomputable_max(g):g}"}),
                              (f"diff_{g}", "i766_short_diff", {})):
            cols[c] = part[c]
            names[c] = ctx.t(key, group=group, **extra)
    table = pd.DataFrame(cols)
    st.dataframe(_style(table, names, ctx.lang), hide_index=True, width="stretch",
                 height=min(ROW_PX * (len(table) + 1) + 3, 600))
