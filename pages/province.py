"""Địa phương, bộ ngành — one province or ministry: /province?province=45 (or B-CA)."""
from components import level
from components.context import guard, page_setup
from components.scope_url import (locality_kind, locality_labels, names, picker,
                                  read_province, units_localities)
from domain.scope import Scope

ctx = page_setup("pages/province.py", "nav_province")
with guard(ctx):
    scope = read_province(ctx)
    if scope is None:
        level.header(ctx, None, {}, ctx.t("nav_province"))
        picker(ctx, list(units_localities(ctx)["code"]), locality_labels(ctx), "choose_province",
               lambda key: Scope(locality=key, units=ctx.units))
    else:
        labels = names(ctx, scope)
        level.header(ctx, scope, labels, labels[("locality", scope.locality)])
        level.render(ctx, scope, locality_kind(scope.locality), labels)
