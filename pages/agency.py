"""Cơ quan — one agency and its procedures: /agency?agency=<id>."""
from components import data, level
from components.context import guard, page_setup
from components.scope_url import (agency_labels, locality_kind, locality_labels, names, picker,
                                  read_agency, read_province, units_localities)
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
            picker(ctx, list(agencies["id"]), agency_labels(ctx, agencies, within.locality),
                   "choose_agency",
                   lambda a: Scope(locality=within.locality, agency=int(a), units=ctx.units))
        else:
            picker(ctx, list(units_localities(ctx)["code"]), locality_labels(ctx),
                   "choose_province", lambda key: Scope(locality=key, units=ctx.units))
    else:
        labels = names(ctx, scope)
        agency = data.agency(scope.agency)
        level.header(ctx, scope, labels, labels[("agency", scope.agency)],
                     subtitle=ctx.t(f"level_{agency['level']}"))
        level.agency_era_note(ctx, agency, labels[("agency", scope.agency)])
        level.render(ctx, scope, locality_kind(scope.locality), labels, level=agency["level"])
