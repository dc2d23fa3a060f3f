"""Cơ quan — one agency and its procedures: /agency?agency=<id>."""
from components import data, level
from components.context import guard, page_setup
from components.scope_url import locality_kind, names, picker, read_agency, read_province
from domain.scope import Scope

ctx = page_setup("pages/agency.py", "nav_agency")
with guard(ctx):
    scope = read_agency(ctx)
    if scope is None:
        # The nearest valid view: the agencies of the province in the URL, or a province first.
        within = read_province(ctx)
        level.header(ctx, within, names(ctx, within) if within else {}, ctx.t("nav_agency"))
        if within is not None:
            agencies = data.agencies(within.locality)
            labels = dict(zip(agencies["id"], agencies["name_vi" if ctx.lang == "vi"
                                                       else "name_en"]))
            picker(ctx, list(agencies["id"]), labels, "choose_agency",
                   lambda a: Scope(locality=within.locality, agency=int(a)))
        else:
            locs = data.localities()
            picker(ctx, list(locs["code"]), dict(zip(locs["code"], locs["name_vi" if ctx.lang == "vi" else "name_en"])),
                   "choose_province", lambda c: Scope(locality=c))
    else:
        labels = names(ctx, scope)
        agency = data.agency(scope.agency)
        level.header(ctx, scope, labels, labels[("agency", scope.agency)],
                     subtitle=ctx.t(f"level_{agency['level']}"))
        level.render(ctx, scope, locality_kind(scope.locality), labels, level=agency["level"])
