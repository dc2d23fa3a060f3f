"""Nạp và xuất số liệu — load a report (form II.06a or the flat template), the list of loads,
the flat template, and the form II.06a of a locality or agency: /data?province=01&agency=3."""
import pandas as pd
import streamlit as st

from components import auth, coverage_view, data, grants_admin
from components.context import guard, page_setup, source_note
from components.download import xlsx_button
from components.import_load import load_section
from components.scope_url import locality_labels, read_agency, read_province
from data_access import flat, form06a, importer
from data_access.xlsx import XLSX_MIME
from domain import eras
from domain.formatting import fmt_int
from domain.plain import plain
from domain.scope import Scope

ctx = page_setup("pages/data.py", "nav_data")


def loads_section() -> None:
    st.subheader(ctx.t("data_loads"))
    history = importer.load_history(data.db())
    if history.empty:
        st.info(ctx.t("data_no_loads"))
        return
    table = pd.DataFrame({
        ctx.t("load_id"): history["id"].astype("int64"),
        ctx.t("load_when"): pd.to_datetime(history["loaded_at"]).dt.strftime("%d/%m/%Y %H:%M"),
        ctx.t("load_kind"): history["kind"].map(
            lambda k: ctx.t(f"load_kind_{k}") if k in ("sample", "import") else k),
        ctx.t("load_file"): history["file_name"],
        ctx.t("load_rows"): history["rows"].astype("int64"),
        ctx.t("load_outcome"): history["outcome"].map(
            lambda o: ctx.t(f"outcome_{o}") if o in ("ok", "rejected", "unchanged", "failed")
            else o),
        ctx.t("load_who"): history["loaded_by"],
        ctx.t("load_sha"): history["sha256"].fillna("").str.slice(0, 12),
    })
    shown = table.assign(**{ctx.t("load_rows"): table[ctx.t("load_rows")].map(
        lambda n: fmt_int(n, ctx.lang))})  # 1.405.194 in Vietnamese; the download keeps numbers
    st.dataframe(shown, hide_index=True, width="stretch")
    xlsx_button(ctx, table, file_stem="data_loads", title=ctx.t("data_loads_export"),
                formats={ctx.t("load_rows"): "int", ctx.t("load_id"): "int"})


def template_section() -> None:
    st.subheader(ctx.t("data_template"))
    st.caption(ctx.t("data_template_intro"))
    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button(ctx.t("data_template_xlsx"), data=flat.template_xlsx(ctx.lang),
                       file_name="mau_phang_dvc.xlsx", mime=XLSX_MIME, key="tpl_xlsx")
    c2.download_button(ctx.t("data_template_csv"), data=flat.template_csv(),
                       file_name="mau_phang_dvc.csv", mime="text/csv", key="tpl_csv")


def export_section() -> None:
    st.subheader(ctx.t("data_export"))
    st.caption(ctx.t("data_export_intro", period=ctx.range_label()))
    if eras.crosses_reform(ctx.rng):  # a form covers the months of one era, never both
        st.info(ctx.t("data_export_crosses"))
        return
    scope = read_agency(ctx) or read_province(ctx)
    name = "name_vi" if ctx.lang == "vi" else "name_en"
    locs = data.localities()  # the units of the period's era
    locs = locs[locs["kind"].eq("ministry") | locs["era"].eq(eras.era_of(ctx.rng.last))]
    codes = list(locs["code"])
    c1, c2 = st.columns(2)
    current = next((c for c in codes if scope and eras.code_of(c) == eras.code_of(
        scope.locality)), codes[0])  # the URL's unit, read in the period's era
    loc = c1.selectbox(ctx.t("data_export_locality"), codes, index=codes.index(current),
                       format_func=locality_labels(ctx).get, key="exp_loc")  # era named
    agencies = data.agencies(loc).query("locality_code == @loc")  # not its old provinces'
    options = [None] + [int(i) for i in agencies["id"]]
    labels = {None: ctx.t("data_export_all")} | dict(zip(
        agencies["id"].astype(int), agencies["code"].map(eras.code_of) + " · " + agencies[name]))
    chosen = scope.agency if scope and scope.agency in options else None
    agency = c2.selectbox(ctx.t("data_export_agency"), options, index=options.index(chosen),
                          format_func=labels.get, key=f"exp_agency_{loc}")
    want = {"province": eras.code_of(loc)} | ({"agency": str(agency)} if agency is not None else {})
    if {k: st.query_params[k] for k in ("province", "agency") if k in st.query_params} != want:
        if "agency" in st.query_params and agency is None:
            del st.query_params["agency"]
        st.query_params.update(want)  # the URL names what is exported
    target, source, db = Scope(locality=loc, agency=agency), source_note(ctx), data.db()
    stem = "_".join(["II06a", *want.values(), str(ctx.rng.first), str(ctx.rng.last)])
    st.download_button(ctx.t("data_export_button"), type="primary", mime=XLSX_MIME,
                       data=lambda: form06a.form_workbook(db, target, ctx.rng, source=source),
                       file_name=f"{stem}.xlsx", icon=":material/download:", key="exp_form")


with guard(ctx):
    st.title(ctx.t("data_title"))
    who = auth.identity()
    load_section(ctx, who)
    st.divider()
    coverage_view.render(ctx)
    st.divider()
    export_section()
    st.divider()
    template_section()
    st.divider()
    loads_section()
    grants_admin.render(ctx, who)
    st.caption(plain(source_note(ctx)))
