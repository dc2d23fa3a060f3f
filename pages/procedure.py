"""Thủ tục — one procedure, nationwide or in a province or agency:
/procedure?procedure=1.001193[&province=45][&agency=<id>]."""
from components import data, level
from components.context import guard, page_setup
from components.scope_url import locality_kind, names, picker, read_procedure
from domain.scope import Scope

ctx = page_setup("pages/procedure.py", "nav_procedure")
with guard(ctx):
    scope = read_procedure(ctx)
    if scope is None:
        procs = data.procedures()
        labels = {c: f"{c} · {n}" for c, n in zip(
            procs["code"], procs["name_vi" if ctx.lang == "vi" else "name_en"])}
        level.header(ctx, None, {}, ctx.t("nav_procedure"))
        picker(ctx, list(procs["code"]), labels, "choose_procedure",
               lambda c: Scope(procedure=c, units=ctx.units))
    else:
        labels = names(ctx, scope)
        agency = data.agency(scope.agency) if scope.agency is not None else None
        level.header(ctx, scope, labels, labels[("procedure", scope.procedure)],
                     subtitle=ctx.t("procedure_code", code=scope.procedure))
        level.render(ctx, scope, locality_kind(scope.locality), labels,
                     level=agency["level"] if agency else None)
