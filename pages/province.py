"""Địa phương, bộ ngành — one province or ministry: /province?province=45 (or B-CA)."""
from components import data, level
from components.context import guard, page_setup
from components.scope_url import locality_kind, names, picker, read_province
from domain.scope import Scope

ctx = page_setup("pages/province.py", "nav_province")
with guard(ctx):
    scope = read_province(ctx)
    if scope is None:
        locs = data.localities()
        labels = dict(zip(locs["code"], locs["name_vi" if ctx.lang == "vi" else "name_en"]))
        level.header(ctx, None, {}, ctx.t("nav_province"))
        picker(ctx, list(locs["code"]), labels, "choose_province", lambda c: Scope(locality=c))
    else:
        labels = names(ctx, scope)
        level.header(ctx, scope, labels, labels[("locality", scope.locality)])
        level.render(ctx, scope, locality_kind(scope.locality), labels)
