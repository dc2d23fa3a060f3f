"""The scoreboard's chart: a unit's six groups over time, one small chart each with its own
scale, so that a group that moves by tenths of a point still shows its course."""
from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import NUMBER_LOCALES
from domain import index766 as I
from domain.formatting import fmt_decimal
from domain.i18n import t


def history_chart(frame: pd.DataFrame, kind: str, lang: str) -> alt.TopLevelMixin:
    """frame: a unit's published scores (data_access.index766.history), one row a period."""
    rows = []
    for r in frame.to_dict("records"):
        period = I.Period(r["period_start"], r["period_end"], kind)
        for g in I.GROUPS:
            if r[g.id] == r[g.id]:
                rows.append({"end": pd.Timestamp(r["period_end"]), "period": period.label(lang),
                             "group": t(f"i766_group_{g.id}", lang), "value": r[g.id],
                             "points": t("i766_points_of", lang,
                                         points=fmt_decimal(r[g.id], lang),
                                         max=fmt_decimal(g.points, lang, 0))})
    data = pd.DataFrame(rows)
    order = [t(f"i766_group_{g.id}", lang) for g in I.GROUPS]
    base = alt.Chart(data).encode(
        x=alt.X("end:T", title=None,
                axis=alt.Axis(format="%d/%m" if kind == I.WEEK else "%m/%Y", labelAngle=0,
                              tickCount=6)))
    line = base.mark_line(point=True, strokeWidth=2.5, color="#1d4ed8").encode(
        y=alt.Y("value:Q", title=t("i766_points", lang), scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("group:N", title=t("i766_group", lang)),
                 alt.Tooltip("period:N", title=t("i766_period", lang)),
                 alt.Tooltip("points:N", title=t("i766_points", lang))])
    return line.properties(width=380, height=150).facet(
        facet=alt.Facet("group:N", sort=order, title=None,
                        header=alt.Header(labelFontSize=14, labelFontWeight="bold")),
        columns=3).resolve_scale(y="independent").configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(labelFontSize=12,
                                                                titleFontSize=12)
