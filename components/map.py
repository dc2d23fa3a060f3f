"""The choropleth of the provinces: a pydeck deck drawn by st.pydeck_chart (Streamlit bundles
deck.gl, so the map needs no network) without base-map tiles, with both archipelagos labelled,
a Babel-formatted legend and tooltips, a click that opens the province's page, and a ranking
table beside it whose chosen row is outlined on the map.

The units are the page's (ctx.units: ?units= read by domain.eras.choose_units in
components/context, which also reports a bad or impossible request and offers the choice in
the sidebar): a period from 07/2025 is drawn in the 34 provinces of today; a period before it
in the 63 or, with units=34, in the 34 with the old provinces' figures summed into them
(data_access.stats regroups them). A unit is named so that its era is never in doubt.

Cost per run: the deck's JSON (~190 KB, geometry simplified once per process by
data_access.geo) is built once per metric, view, period, language, region and outline and
cached as a string; a cached run only hands that string to Streamlit.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st

from components import data
from components.context import PageContext
from data_access import geo
from domain import eras, mapping
from domain.drill import PAGE_FILES
from domain.formatting import DASH, fmt_int, fmt_metric
from domain.i18n import t
from domain.metrics import METRICS, Kind, Metric, measures_for
from domain.periods import Month, MonthRange
from domain.plain import echo, plain
from domain.scope import Scope
from domain.targets import applicable

DEFAULT_METRIC = "full_online_rate"
PROVINCE_PAGE = PAGE_FILES["province"]
LAYER_ID = "units"
HEIGHTS = {"page": 640, "compact": 440}
# The canvas sizes the initial view is fitted to (the wide layout's map column).
FIT_SIZES = {"page": (700, 640), "compact": (760, 440)}
LINE = [80, 80, 80, 255]
OUTLINE = [0, 0, 0, 255]
LABEL = [17, 24, 39, 255]
FILL_ALPHA = 235


@dataclass(frozen=True)
class Choice:
    metric: str = DEFAULT_METRIC
    view: str = "value"
    units: str = eras.ERA_34
    region: str | None = None  # a region's slug


class CachedDeck(pdk.Deck):
    """A deck whose JSON was built earlier (and cached): st.pydeck_chart only calls to_json."""

    def __init__(self, spec: str, tooltip: dict):
        super().__init__(layers=[], map_provider=None, tooltip=tooltip)
        self._spec = spec

    def to_json(self) -> str:
        return self._spec


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


REGIONS = {slug(en): (vi, en) for vi, en in geo.regions()}


# --- the URL and the controls ---------------------------------------------------------------

def _bad(ctx: PageContext, name: str, value, fallback: str) -> None:
    st.info(ctx.t("bad_param", name=ctx.t(f"param_{name}"), param=name, value=echo(value),
                  fallback=fallback))


def read_choice(ctx: PageContext, quiet: bool = False) -> Choice:
    """The map's settings from ?metric=&view=&region= and the page's unit set, each checked;
    a bad one gets a short message (unless quiet) and its default."""
    q = st.query_params
    metric = q.get("metric") or DEFAULT_METRIC
    if metric not in METRICS:
        if not quiet:
            _bad(ctx, "metric", metric, METRICS[DEFAULT_METRIC].label(ctx.lang))
        metric = DEFAULT_METRIC
    view = q.get("view") or "value"
    if view not in mapping.views_for(METRICS[metric]):
        if not quiet:
            _bad(ctx, "view", view, ctx.t("map_view_value"))
        view = "value"
    region = q.get("region") or None
    if region is not None and region not in REGIONS:
        if not quiet:
            _bad(ctx, "region", region, ctx.t("map_region_all"))
        region = None
    return Choice(metric, view, ctx.units, region)


def _set_param(name: str, value, default) -> None:
    if value == default or value is None:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def controls(ctx: PageContext, choice: Choice) -> Choice:
    """Metric, what the colour shows, region (the unit set is chosen in the sidebar). Each
    writes its choice into the URL (widget keys carry the URL's value, so back/forward resets
    them)."""
    year_before = ctx.rng.year_earlier().last.year
    c1, c2, c3 = st.columns([3, 2, 2])
    ids = list(METRICS)
    metric = c1.selectbox(ctx.t("metric"), ids, index=ids.index(choice.metric),
                          format_func=lambda m: METRICS[m].label(ctx.lang),
                          key=f"map_metric_{choice.metric}")
    views = list(mapping.views_for(METRICS[metric]))
    view = choice.view if choice.view in views else "value"
    labels = {"value": ctx.t("map_view_value"),
              "gap": ctx.t("map_view_gap", year=ctx.rng.last.year),
              "change": ctx.t("map_view_change", year=year_before)}
    view = c2.selectbox(ctx.t("map_view_label"), views, index=views.index(view),
                        format_func=labels.get, key=f"map_view_{choice.metric}_{choice.view}")
    regions = [None, *REGIONS]
    name = 0 if ctx.lang == "vi" else 1
    region = c3.selectbox(ctx.t("map_region"), regions, index=regions.index(choice.region),
                          format_func=lambda r: REGIONS[r][name] if r else ctx.t("map_region_all"),
                          key=f"map_region_{choice.region}")
    chosen = Choice(metric, view, choice.units, region)
    if chosen != choice:
        _set_param("metric", metric, None)
        _set_param("view", view, "value")
        _set_param("region", region, None)
        st.rerun()
    return chosen


# --- the figures ------------------------------------------------------------------------------

def _target_locality(unit: geo.Unit, year: int) -> str | None:
    """The key a year's province targets name the unit by: targets up to 2025 were set for
    the 63, later ones for the 34, so a unit of the other era has one only when it is the
    same territory (a single old province)."""
    if eras.era_of_key(unit.key) == eras.era_of(Month(year, 1)):
        return unit.key
    return unit.members[0] if len(unit.members) == 1 else None


@st.cache_data(ttl=data.TTL, max_entries=64, show_spinner=False)
def _values(data_version: int, rng: MonthRange, metric_id: str, units: str) -> pd.DataFrame:
    """One row per unit of the map: names, value, a year earlier, change, target, gap, and
    how many of its provinces reported. Both periods in the same units: in the 34 a year
    earlier before 07/2025 is the sum of each unit's old provinces."""
    metric = METRICS[metric_id]
    measures = measures_for([metric_id])
    scope = Scope(kind="province", units=units)
    now = data.totals(scope, rng, measures, by="locality")
    before = data.totals(scope, rng.year_earlier(), measures, by="locality")
    unit_list = geo.map_geo().units[units]
    targets = data.targets()
    year = rng.last.year
    target_of = {u.key: applicable(targets, metric, year, kind="province",
                                   locality=_target_locality(u, year))
                 for u in unit_list}
    values = mapping.unit_values(now[["key", *measures]], before[["key", *measures]], metric,
                                 target_of)
    units_frame = pd.DataFrame({
        "key": [u.key for u in unit_list], "code": [u.code for u in unit_list],
        "name_vi": [u.name_vi for u in unit_list], "name_en": [u.name_en for u in unit_list],
        "region": [slug(u.region_en) for u in unit_list],
        "members": [u.members for u in unit_list]})
    out = units_frame.merge(values, on="key", how="left")
    reported = now.assign(key=now["key"].astype(str)).set_index("key")["members_reported"]
    out["reported"] = out["key"].map(reported).fillna(0).astype("int64")
    return out


def _texts(frame: pd.DataFrame, metric: Metric, lang: str) -> pd.DataFrame:
    """The numbers as the tooltip and the table read them, formatted once by Babel."""
    out = pd.DataFrame({"key": frame["key"]})
    out["v"] = [fmt_metric(metric, v, lang) if v == v else t("no_data", lang)
                for v in frame["value"]]
    change = mapping.formatter(metric, "change", lang)
    out["ch"] = [change(v) for v in frame["change"]]
    out["tg"] = [fmt_metric(metric, v, lang) if v == v else DASH for v in frame["target"]]
    gap = mapping.formatter(metric, "gap", lang)
    out["gp"] = [gap(v) for v in frame["gap"]]
    total = len(frame)
    out["rk"] = [f"{fmt_int(r, lang)}/{fmt_int(total, lang)}" if pd.notna(r) else DASH
                 for r in frame["rank"]]
    return out


@st.cache_data(ttl=data.TTL, max_entries=64, show_spinner=False)
def _view(data_version: int, rng: MonthRange, choice: Choice, lang: str):
    """The units with their names (an old province's with its era), rank, colour and
    texts; the legend's groups and the kind of scale (domain.mapping.Scale.kind)."""
    metric = METRICS[choice.metric]
    frame = _values(data_version, rng, choice.metric, choice.units).copy()
    frame["name"] = [eras.label(n, k, lang) for n, k in
                     zip(frame["name_vi" if lang == "vi" else "name_en"], frame["key"])]
    frame["rank"] = mapping.rank(frame[choice.view], metric, choice.view)
    scale = mapping.scale_for(metric, choice.view, frame)
    # the column the classes are of: the value, or each unit's gap to its own target
    frame["fill"] = [[*scale.colour(v), FILL_ALPHA] for v in frame[scale.column]]
    frame = frame.merge(_texts(frame, metric, lang), on="key")
    return frame, mapping.legend(scale, metric, lang), scale.kind


# --- the deck -------------------------------------------------------------------------------

def _view_state(choice: Choice, size: str) -> dict:
    units = geo.map_geo().units[choice.units]
    boxes = [u.bounds for u in units
             if choice.region is None or slug(u.region_en) == choice.region]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return mapping.fit_view(west, south, east, north, *FIT_SIZES[size])


def _tooltip(metric: Metric, choice: Choice, lang: str, year: int, year_before: int) -> dict:
    """Plain text, one line each: deck.gl sets a "text" tooltip as innerText, so a unit's name
    can never become markup (an "html" one is innerHTML)."""
    lines = ["{name}", f"{metric.label(lang)}: {{v}}", f"{t('map_rank', lang)}: {{rk}}",
             f"{t('map_change', lang, year=year_before)}: {{ch}}"]
    if metric.target_keys:
        lines.append(f"{t('target', lang)} {year}: {{tg}} · {t('col_gap', lang)}: {{gp}}")
    if choice.units == eras.ERA_34:
        lines.append(f"{t('map_members', lang)}: {{members}}")
    return {"text": "\n".join(lines),
            "style": {"backgroundColor": "#ffffff", "color": "#111827", "fontSize": "14px",
                      "border": "1px solid #9ca3af", "padding": "6px 8px",
                      "whiteSpace": "pre-line"}}


@st.cache_data(ttl=data.TTL, max_entries=48, show_spinner=False)
def _deck(data_version: int, rng: MonthRange, choice: Choice, lang: str, outline: str | None,
          size: str) -> tuple[str, dict]:
    """The deck's JSON (compact, geometry included) and its tooltip."""
    metric = METRICS[choice.metric]
    frame, _, _ = _view(data_version, rng, choice, lang)
    units = {u.key: u for u in geo.map_geo().units[choice.units]}
    features, outlined = [], []
    for row in frame.to_dict("records"):
        unit = units[row["key"]]
        props = {"key": row["key"], "name": row["name"], "fill": row["fill"],
                 **{k: row[k] for k in ("v", "ch", "tg", "gp", "rk")}}
        if choice.units == eras.ERA_34:
            props["members"] = ", ".join(unit.members_vi if lang == "vi" else unit.members_en)
        feature = {"type": "Feature", "geometry": unit.geometry, "properties": props}
        features.append(feature)
        if row["key"] == outline:
            outlined.append(feature)
    labels = [{"t": t(f"map_island_{i.province_code}", lang),
               "p": [(i.bbox[0] + i.bbox[2]) / 2, i.bbox[3]]}  # above its islands
              for i in geo.map_geo().islands]

    def collection(items):
        return {"type": "FeatureCollection", "features": items}

    # deck.gl JSON written out (pydeck would turn every string property into an expression)
    layers = [
        {"@@type": "GeoJsonLayer", "id": LAYER_ID, "data": collection(features),
         "pickable": True, "stroked": True, "filled": True,
         "getFillColor": "@@=properties.fill", "getLineColor": LINE,
         "lineWidthMinPixels": 1, "lineWidthMaxPixels": 1,
         "autoHighlight": True, "highlightColor": [255, 255, 255, 90],
         # pick the fills only: picking the borders too costs tens of times more on a
         # software renderer (a projector laptop without GPU), enough to lose a click
         "_subLayerProps": {"polygons-stroke": {"pickable": False}}},
        {"@@type": "GeoJsonLayer", "id": "outline", "data": collection(outlined),
         "pickable": False, "stroked": True, "filled": False, "getLineColor": OUTLINE,
         "lineWidthMinPixels": 3},
        {"@@type": "TextLayer", "id": "islands", "data": labels, "pickable": False,
         "getPosition": "@@=p", "getText": "@@=t", "getSize": 14, "sizeUnits": "pixels",
         "getColor": LABEL, "getTextAnchor": "middle", "getAlignmentBaseline": "bottom",
         "getPixelOffset": [0, -6], "characterSet": "auto", "background": True,
         "getBackgroundColor": [255, 255, 255, 215], "backgroundPadding": [4, 2],
         "fontFamily": "'Source Sans Pro', 'Noto Sans', 'DejaVu Sans', sans-serif"},
    ]
    tooltip = _tooltip(metric, choice, lang, rng.last.year, rng.year_earlier().last.year)
    # pydeck writes the deck itself: no base map (map_provider=None), the view, the controller
    spec = json.loads(pdk.Deck(layers=[], map_provider=None, tooltip=tooltip,
                               initial_view_state=pdk.ViewState(**_view_state(choice, size)),
                               views=[pdk.View("MapView", controller=True)]).to_json())
    spec["layers"] = layers
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":")), tooltip


def clicked_key(event) -> str | None:
    """The unit a map click chose, from st.pydeck_chart's selection event."""
    selection = (event or {}).get("selection") or {}
    objects = (selection.get("objects") or {}).get(LAYER_ID) or []
    if objects:
        return (objects[0].get("properties") or {}).get("key")
    return None


def _on_click(key: str) -> None:
    st.session_state["map_clicked"] = clicked_key(st.session_state.get(key))
    st.session_state["map_gen"] = st.session_state.get("map_gen", 0) + 1


# deck.gl picks the object under the pointer when it goes down, and a press counts as a
# click only if it is released within 250 ms of going down, pick included. The first pick of
# a map allocates the picking buffers and is several times slower than the next ones: on a
# software renderer (a projector laptop without GPU) a first tap took longer than that and
# was lost, until a hover had picked once (the tooltip). So once each map has drawn, one
# hover in its top-left corner (off the provinces at the country's extent) and out again
# makes that first pick. Our own constant script: no data in it.
WARM_PICKING = """<script>
(() => {
  if (window.dvcWarmPicking) return;
  window.dvcWarmPicking = setInterval(() => {
    for (const canvas of document.querySelectorAll("[data-testid='stDeckGlJsonChart'] canvas")) {
      const box = canvas.getBoundingClientRect();
      if (canvas.dataset.warm === "done" || !box.width) continue;
      if (!canvas.dataset.warm) {  // seen: its layers are set up by the next tick
        canvas.dataset.warm = "seen";
        continue;
      }
      canvas.dataset.warm = "done";
      const at = {clientX: box.left + 2, clientY: box.top + 2, bubbles: true};
      canvas.dispatchEvent(new MouseEvent("mousemove", at));
      setTimeout(() => canvas.dispatchEvent(new MouseEvent("mouseleave", at)), 300);
    }
  }, 500);
})();
</script>"""


def _draw(ctx: PageContext, choice: Choice, outline: str | None, size: str) -> None:
    spec, tooltip = _deck(data.version(), ctx.rng, choice, ctx.lang, outline, size)
    key = f"map_deck_{size}_{st.session_state.get('map_gen', 0)}"
    metric = METRICS[choice.metric]
    st.pydeck_chart(CachedDeck(spec, tooltip), height=HEIGHTS[size], key=key,
                    on_select=lambda: _on_click(key), selection_mode="single-object",
                    alt=ctx.t("map_aria", units=ctx.t(f"units_{choice.units}"),
                              metric=metric.label(ctx.lang)))
    st.html(WARM_PICKING, unsafe_allow_javascript=True)


def _province_params(ctx: PageContext, choice: Choice, unit: geo.Unit) -> dict:
    """The province page's URL for a unit: its code and unit set, the period, the language
    and (a rate) the metric."""
    extra = {"metric": choice.metric} if METRICS[choice.metric].kind is Kind.RATE else {}
    return ctx.params(province=unit.code, units=eras.era_of_key(unit.key), **extra)


def _follow_click(ctx: PageContext, choice: Choice) -> None:
    """After a click on a unit: open its page, in the units the map shows."""
    key = st.session_state.pop("map_clicked", None)
    unit = geo.map_geo().unit(key) if key else None
    if unit is not None and eras.era_of_key(unit.key) == choice.units:
        st.switch_page(PROVINCE_PAGE, query_params=_province_params(ctx, choice, unit))


def _swatch(colour, label: str) -> str:
    return (f"<span style='display:inline-flex;align-items:center;gap:6px;margin:2px 14px 2px 0'>"
            f"<span style='display:inline-block;width:28px;height:18px;border:1px solid #555;"
            f"background:rgb{tuple(colour)}'></span><span style='font-size:1rem'>"
            f"{html.escape(label)}</span></span>")


def legend(ctx: PageContext, choice: Choice, groups: list[mapping.LegendGroup],
           kind: str) -> None:
    """Swatches with the class breaks (around a target, under "Dưới chỉ tiêu 70%" and "Đạt
    chỉ tiêu"), grey for units without data, what the colour shows and in which unit set, and
    which scale it is: against the target, or by level when no target applies."""
    metric = METRICS[choice.metric]
    year = ctx.rng.last.year
    rows = []
    for i, group in enumerate(groups):
        entries = [*group.entries] + ([(mapping.NO_DATA, ctx.t("no_data"))]
                                      if i == len(groups) - 1 else [])
        title = (f"<span style='font-weight:600;margin-right:10px'>{html.escape(group.title)}"
                 f"</span>" if group.title else "")
        rows.append(f"<div style='display:flex;flex-wrap:wrap;align-items:center'>{title}"
                    f"{''.join(_swatch(c, label) for c, label in entries)}</div>")
    heading = {"value": metric.label(ctx.lang),
               "gap": ctx.t("map_view_gap", year=year),
               "change": ctx.t("map_view_change", year=ctx.rng.year_earlier().last.year)}
    if kind == "target":
        note = ctx.t("map_scale_target", year=year)
    elif kind == "change":
        neutral = metric.better is None
        note = ctx.t("map_legend_neutral" if neutral else "map_legend_diverging")
    else:
        note = ctx.t("map_scale_no_target", year=year) if metric.target_keys else \
            ctx.t("map_scale_plain")
    units = html.escape(ctx.t(f"units_{choice.units}"))
    st.markdown(f"<div class='map-legend'><b>{html.escape(heading[choice.view])}</b> · {units}"
                f"{''.join(rows)}<div style='font-size:0.9rem;color:#444'>{html.escape(note)}"
                f"</div></div>", unsafe_allow_html=True)


def attribution(ctx: PageContext, choice: Choice) -> None:
    merged = f" {ctx.t('map_boundaries_34')}" if choice.units == eras.ERA_34 else ""
    st.caption(f"{ctx.t('map_attribution')} {ctx.t('map_simplified')}{merged}")


# --- the ranking table ------------------------------------------------------------------------

def _table(ctx: PageContext, choice: Choice, frame: pd.DataFrame) -> str | None:
    """The units ranked (1 = best), the region's only when one is chosen; returns the key of
    the chosen row."""
    metric = METRICS[choice.metric]
    shown = frame if choice.region is None else frame[frame["region"] == choice.region]
    shown = shown.sort_values(["rank", "key"], na_position="last", kind="stable")
    cols = {"rank": ctx.t("col_rank"), "name": ctx.t("col_name"), "value": ctx.t("value")}
    texts = {"value": "v"}
    if choice.view == "change":
        cols["change"] = ctx.t("map_change", year=ctx.rng.year_earlier().last.year)
        texts["change"] = "ch"
    elif metric.target_keys and frame["target"].notna().any():  # 2026: no target published
        if choice.view == "gap":
            cols["target"], texts["target"] = ctx.t("target"), "tg"
        cols["gap"], texts["gap"] = ctx.t("col_gap"), "gp"
    table = shown[list(cols)].rename(columns=cols)
    fmt = {cols[c]: dict(zip(shown[c], shown[tc])) for c, tc in texts.items()}
    styled = table.style.format({c: (lambda v, d=d: d.get(v, DASH) if v == v else DASH)
                                 for c, d in fmt.items()} | {cols["rank"]: lambda r: (
                                     DASH if pd.isna(r) else fmt_int(r, ctx.lang))})
    best = "map_rank_highest" if metric.better is None and choice.view == "value" else \
        "map_rank_best"
    st.caption(ctx.t(best, total=len(frame)) + " " + ctx.t("map_row_hint"))
    key = f"map_table_{choice}_{st.session_state.get('map_gen', 0)}"
    event = st.dataframe(styled, hide_index=True, width="stretch", height=HEIGHTS["page"] - 60,
                         on_select="rerun", selection_mode="single-row", key=key)
    rows = (event or {}).get("selection", {}).get("rows") or []
    return str(shown["key"].iloc[rows[0]]) if rows else None


def _selected(ctx: PageContext, choice: Choice, frame: pd.DataFrame, key: str) -> None:
    """The outlined unit: its figures and a link to its page; a merged unit of the 34 over a
    period of the 63 also links to its old provinces' pages."""
    row = frame[frame["key"] == key]
    if row.empty:
        return
    row = row.iloc[0]
    st.markdown(f"**{ctx.t('map_selected', name=plain(row['name']))}** · "
                f"{METRICS[choice.metric].label(ctx.lang)}: {row['v']} · "
                f"{ctx.t('map_rank')} {row['rk']}")
    g = geo.map_geo()
    units = [g.unit(key)]
    if len(row["members"]) > 1 and eras.ERA_63 in eras.unit_sets(ctx.rng):
        units += [g.unit(m) for m in row["members"]]
    with st.container(horizontal=True):
        for unit in units:
            name = eras.label(unit.name_vi if ctx.lang == "vi" else unit.name_en, unit.key,
                              ctx.lang)
            st.page_link(PROVINCE_PAGE, label=ctx.t("map_open_province", name=plain(name)),
                         query_params=_province_params(ctx, choice, unit),
                         icon=":material/arrow_forward:")


# --- the two places the map appears -----------------------------------------------------------

def render_page(ctx: PageContext) -> None:
    """The /map page below its title (which names the period and the unit set, and says when
    history is summed into the 34): controls, the map with its legend, the ranking table."""
    choice = controls(ctx, read_choice(ctx))
    _follow_click(ctx, choice)
    frame, groups, kind = _view(data.version(), ctx.rng, choice, ctx.lang)
    if choice.view == "gap" and frame["target"].isna().all():
        st.info(ctx.t("map_no_target", year=ctx.rng.last.year))
    left, right = st.columns([3, 2])
    with right:
        outline = _table(ctx, choice, frame)
    with left:
        st.caption(ctx.t("map_click_hint"))
        _draw(ctx, choice, outline, "page")
        if outline:
            _selected(ctx, choice, frame, outline)
        legend(ctx, choice, groups, kind)
        st.caption(ctx.t("units_reported", n=int((frame["reported"] > 0).sum()),
                         total=len(frame)))
        attribution(ctx, choice)


def render_compact(ctx: PageContext) -> None:
    """The overview's map: the metric of ?metric= (or the full-process online rate) by province
    in the page's unit set, a click opening the province; the full map one link away."""
    choice = Choice(metric=read_choice(ctx, quiet=True).metric, units=ctx.units)
    _follow_click(ctx, choice)
    metric = METRICS[choice.metric]
    _, groups, kind = _view(data.version(), ctx.rng, choice, ctx.lang)
    st.subheader(ctx.t("map_compact_title", metric=metric.label(ctx.lang)))
    left, right = st.columns([3, 2])
    with left:
        _draw(ctx, choice, None, "compact")
    with right:
        st.caption(ctx.t("map_click_hint"))
        legend(ctx, choice, groups, kind)
        st.page_link("pages/map.py", label=ctx.t("map_open_full"),
                     query_params=ctx.params(metric=choice.metric), icon=":material/map:")
    attribution(ctx, choice)
