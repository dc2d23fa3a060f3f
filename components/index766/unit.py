"""One unit's view (`?province=24`): its score, rank and band with their changes, its six
groups official and recomputed, the groups over time, and for the group chosen (`?group=`,
by default the one that loses the most points) the sub-indicators and the agencies, communes
and procedures that lose the points, each a link to its level page for the period's month.

So a leader goes from "we are 23rd" to the commune and procedure that cost the points in
three clicks: the unit's row in the ranking, the group, the commune × procedure (listed among
the agency × procedure pairs that lose the most, and under each commune its costliest
procedure)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.charts import cached_spec, draw
from components.context import PageContext
from components.index766 import charts
from components.index766 import data as data766
from components.index766.board import heat, with_changes
from components.index766.period import PAGE, param
from components.scope_url import agency_labels, names
from domain import drill, eras
from domain import index766 as I
from domain.formatting import fmt_decimal, fmt_int, fmt_month, fmt_pct
from domain.plain import echo, plain
from domain.scope import Scope

PAIRS_SHOWN, LISTED = 8, 5
HISTORY = {I.WEEK: 26, I.MONTH: 12}  # periods in the chart
_history_spec = cached_spec(charts.history_chart)


def render(ctx: PageContext, period: I.Period, scope: Scope) -> None:
    key = scope.locality
    labels = names(ctx, scope)
    st.page_link(PAGE, label=ctx.t("i766_back"), icon=":material/arrow_back:",
                 query_params=ctx.params(period=str(period)))
    st.header(plain(labels.get(("locality", key), key)))
    board = with_changes(data766.board(period), period)
    row = board[board["key"] == key]
    if eras.era_of_key(key) not in (None, period.era) or row.empty:
        st.info(ctx.t("i766_not_scored", period=period.label(ctx.lang)))
        return
    row = row.iloc[0]
    _tiles(ctx, row, period)
    st.caption(ctx.t("i766_relative"))
    _groups(ctx, row)
    _history(ctx, key, period)
    group = _pick_group(ctx, row)
    _where_lost(ctx, period, Scope(locality=key, units=period.era), group, labels)


def _tiles(ctx: PageContext, row, period: I.Period) -> None:
    first = I.COMPARISONS[period.kind][0][0]
    cols = st.columns(4)
    d_total, d_rank = row[f"d_total_{first}"], row[f"d_rank_{first}"]
    with cols[0]:
        st.metric(ctx.t("i766_col_total"), fmt_decimal(row["total"], ctx.lang),
                  delta=None if pd.isna(d_total) else ctx.t(
                      f"i766_delta_{first}", value=fmt_decimal(d_total, ctx.lang, signed=True)),
                  border=True)
    with cols[1]:
        rank = "–" if pd.isna(row["rank"]) else ctx.t(
            "i766_rank_of_n", rank=fmt_int(row["rank"], ctx.lang),
            of=fmt_int(row["rank_of"], ctx.lang))
        st.metric(ctx.t("i766_col_rank"), rank, border=True, delta=None if pd.isna(d_rank) else
                  ctx.t(f"i766_rank_delta_{first}", value=f"{int(d_rank):+d}"))
    with cols[2]:
        band = row["band"]
        st.metric(ctx.t("i766_col_band"), ctx.t(f"i766_band_{band}") if band else "–",
                  border=True, help=ctx.t("i766_bands_help"))
    with cols[3]:
        st.metric(ctx.t("i766_tile_recomputed", max=f"{I.RECOMPUTABLE_TOTAL:g}"),
                  fmt_decimal(row["recomputed_total"], ctx.lang), border=True,
                  help=ctx.t("i766_rule_note"))
    for name, _ in I.COMPARISONS[period.kind][1:]:  # a week also compares with a month earlier
        places = row[f"d_rank_{name}"]
        if not pd.isna(row[f"d_total_{name}"]):
            st.caption(ctx.t("i766_month_change",
                             points=fmt_decimal(row[f"d_total_{name}"], ctx.lang, signed=True),
                             places="–" if pd.isna(places) else f"{int(places):+d}"))


def _groups(ctx: PageContext, row) -> None:
    """The six groups: maximum, official, lost, recomputed, difference."""
    st.subheader(ctx.t("i766_groups_title"))
    table = pd.DataFrame([{
        "group": ctx.t(f"i766_group_{g.id}"), "max": g.points, "official": row[g.id],
        "lost": g.points - row[g.id],
        "recomputed": row.get(f"recomputed_{g.id}", float("nan")),
        "of": I.recomputable_max(g.id), "diff": row.get(f"diff_{g.id}", float("nan")),
    } for g in I.GROUPS])
    shares = (table["official"] / table["max"]).tolist()

    def fmt(digits: int = 2, signed: bool = False):
        return lambda v: "–" if pd.isna(v) else fmt_decimal(v, ctx.lang, digits, signed)

    texts = {"max": fmt(0), "official": fmt(), "lost": fmt(), "recomputed": fmt(),
             "of": lambda v: fmt_decimal(v, ctx.lang, 0) if v else ctx.t("i766_not_fed"),
             "diff": fmt(signed=True)}
    # text cells: a blank reads "–" (the grid would show a missing number as "None")
    shown = table.assign(**{c: table[c].map(f) for c, f in texts.items()})
    heads = {c: ctx.t(f"i766_unit_col_{c}") for c in table.columns}
    styled = shown.rename(columns=heads).style.apply(
        lambda col: [heat(s) for s in shares], subset=[heads["official"]])
    st.dataframe(styled, hide_index=True, width="stretch")


def _history(ctx: PageContext, key: str, period: I.Period) -> None:
    first = period.shifted(-(HISTORY[period.kind] - 1))
    frame = data766.history(key, period.kind, first.end, period.end)
    if len(frame) < 2:
        return
    st.subheader(ctx.t("i766_history_title"))
    draw(_history_spec(frame, period.kind, ctx.lang))


def _pick_group(ctx: PageContext, row) -> str:
    """The group to look into: ?group=, else the recomputable group that loses the most
    official points (recomputed points where none was published)."""
    lost = {g: (I.GROUP[g].points - row[g]) if row[g] == row[g] else
            (I.recomputable_max(g) - row[f"recomputed_{g}"]) for g in I.RECOMPUTABLE}
    lost = {g: v if v == v else 0.0 for g, v in lost.items()}
    default = max(I.RECOMPUTABLE, key=lambda g: lost[g])
    wanted = param("group")
    if wanted is not None and wanted not in I.RECOMPUTABLE:
        st.info(ctx.t("bad_param", name=ctx.t("param_group"), param="group", value=echo(wanted),
                      fallback=ctx.t(f"i766_group_{default}")))
        wanted = None
    current = wanted or default
    st.subheader(ctx.t("i766_where_title"))
    choice = st.radio(ctx.t("i766_pick_group"), list(I.RECOMPUTABLE),
                      index=I.RECOMPUTABLE.index(current), horizontal=True,
                      format_func=lambda g: ctx.t("i766_group_lost", group=ctx.t(
                          f"i766_group_{g}"), lost=fmt_decimal(lost[g], ctx.lang)),
                      key=f"i766_group_{current}")
    if choice != current:
        st.query_params["group"] = choice
        st.rerun()
    st.caption(ctx.t("i766_transparency_note"))
    return current


def _where_lost(ctx: PageContext, period: I.Period, scope: Scope, group: str,
                labels: dict) -> None:
    month = period.month
    lost = data766.where_lost(scope, month, group)
    _subindicators(ctx, lost["unit"].iloc[0], group)
    if lost["agencies"].empty:
        st.success(ctx.t("i766_nothing_lost", group=ctx.t(f"i766_group_{group}")))
        return
    st.caption(ctx.t("i766_share_note", month=fmt_month(month.first_day, ctx.lang)))
    names_of = agency_labels(ctx, data.agencies(scope.locality), scope.locality)
    published = data766.scores(period, scope.locality, of_agencies=True).set_index("agency_id")
    params = {"from": str(month), "to": str(month)}

    def link(target: Scope, label: str, r, note: str) -> None:
        _item(ctx, drill.page_of(target), label, ctx.params(
            **drill.url_params(target), **params, metric=I.SUB[r.worst].metric), r.lost, note)

    st.markdown(f"**{ctx.t('i766_pairs_title')}**")
    for r in lost["pairs"].head(PAIRS_SHOWN).itertuples():
        link(Scope(locality=scope.locality, agency=int(r.agency), procedure=r.key),
             f"{names_of.get(int(r.agency), r.agency)} · {labels.get(('procedure', r.key), r.key)}",
             r, _missed(ctx, r))
    agencies = lost["agencies"]
    # under an agency, the procedure that costs it most (computed for the first of each level)
    worst = {int(r.agency): r for r in lost["pairs"].drop_duplicates("agency").itertuples()}
    levels = [lv for lv in ("province", "district", "commune", "ministry")
              if (agencies["level"] == lv).any()]
    columns = st.columns(len(levels) + 1)
    for col, level in zip(columns, levels):
        with col:
            st.markdown(f"**{ctx.t(f'i766_list_{level}')}**")
            for r in agencies[agencies["level"] == level].head(LISTED).itertuples():
                note = _missed(ctx, r)
                if int(r.key) in published.index:
                    p = published.loc[int(r.key)]
                    note += " · " + ctx.t("i766_published_score",
                                          total=fmt_decimal(p["total"], ctx.lang),
                                          rank=fmt_int(p["rank"], ctx.lang),
                                          of=fmt_int(p["rank_of"], ctx.lang))
                link(Scope(locality=scope.locality, agency=int(r.key)),
                     names_of.get(int(r.key), str(r.key)), r, note)
                if int(r.key) in worst:
                    w = worst[int(r.key)]
                    link(Scope(locality=scope.locality, agency=int(r.key), procedure=w.key),
                         f"↳ {labels.get(('procedure', w.key), w.key)}", w, _missed(ctx, w))
    with columns[-1]:
        st.markdown(f"**{ctx.t('i766_list_procedures')}**")
        for r in lost["procedures"].head(LISTED).itertuples():
            link(Scope(locality=scope.locality, procedure=r.key),
                 labels.get(("procedure", r.key), str(r.key)), r, _missed(ctx, r))


def _missed(ctx: PageContext, r) -> str:
    """"312 hồ sơ chưa số hóa": the dossiers behind the sub-indicator that costs most."""
    return ctx.t(f"i766_missed_{r.worst}", n=fmt_int(getattr(r, f"missed_{r.worst}"), ctx.lang))


def _item(ctx: PageContext, page: str, label: str, params: dict, lost: float,
          note: str) -> None:
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.page_link(page, label=plain(label), query_params=params)  # names from the data
        # a commune's share of a province's points is often a few thousandths
        st.caption(ctx.t("i766_lost_points", lost=fmt_decimal(
            lost, ctx.lang, 2 if lost >= 0.1 else 3)) + " · " + note)


def _subindicators(ctx: PageContext, unit, group: str) -> None:
    """The group's sub-indicators the statistics feed: rate, threshold, points."""
    rows = []
    for s in I.subindicators(group):
        got = unit[f"points_{s.id}"]
        rows.append({
            ctx.t("i766_sub_col_code"): s.code,
            ctx.t("i766_sub_col_name"): ctx.t(f"i766_sub_{s.id}"),
            ctx.t("i766_sub_col_rate"): fmt_pct(unit[f"rate_{s.id}"], ctx.lang),
            ctx.t("i766_sub_col_threshold"): ctx.t(
                f"i766_status_{s.status}", value=fmt_pct(s.threshold, ctx.lang, 0)),
            ctx.t("i766_sub_col_points"): ctx.t(
                "i766_points_of", points=fmt_decimal(got, ctx.lang),
                max=fmt_decimal(s.points, ctx.lang, 0)),
            ctx.t("i766_sub_col_lost"): fmt_decimal(s.points - got, ctx.lang),
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
