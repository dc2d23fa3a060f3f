"""Small reads the pages need besides the statistics: the data's bounds and status, reference
lists (localities, agencies, procedures) and the targets."""
from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.db import Database
from data_access.reference import crosswalk
from data_access.schema import agencies, data_loads, dossier_stats, localities, procedures, targets
from domain import eras
from domain.periods import Month
from domain.targets import Target


def data_status(db: Database) -> dict:
    """Whether any data is loaded, whether it is sample data, and a version for caches."""
    with db.connect() as conn:
        # a database of an earlier schema (no report months) counts as empty: `make run`
        # rebuilds the sample into it
        if not sa.inspect(conn).has_table("data_loads") or "month_first" not in conn.execute(
                sa.text("SELECT * FROM dossier_stats LIMIT 0")).keys():
            return {"ready": False, "version": 0, "sample": False, "loads": []}
        rows = conn.execute(
            sa.select(data_loads.c.id, data_loads.c.kind, data_loads.c.file_name,
                      data_loads.c.loaded_at)
            .where(data_loads.c.outcome == "ok").order_by(data_loads.c.id)).all()
        bounds = conn.execute(sa.select(sa.func.min(dossier_stats.c.month_first),
                                        sa.func.max(dossier_stats.c.month_last))).one()
    loads = [dict(r._mapping) for r in rows]
    return {
        "ready": bounds[0] is not None,
        "version": max((r["id"] for r in loads), default=0),
        "sample": any(r["kind"] == "sample" for r in loads),
        "loads": loads,
        "first": Month.of(pd.Timestamp(bounds[0]).date()) if bounds[0] is not None else None,
        "last": Month.of(pd.Timestamp(bounds[1]).date()) if bounds[1] is not None else None,
    }


def locality_list(db: Database) -> pd.DataFrame:
    return db.query(sa.select(localities).order_by(localities.c.kind.desc(), localities.c.code))


def agency_list(db: Database, locality: str | None = None) -> pd.DataFrame:
    """Agencies, or those of one unit: a unit of today with its old provinces' agencies."""
    stmt = sa.select(agencies).order_by(agencies.c.id)
    if locality:
        stmt = stmt.where(agencies.c.locality_code.in_(crosswalk().members(locality)))
    return db.query(stmt)


def agency(db: Database, agency_id: int) -> dict | None:
    frame = db.query(sa.select(agencies).where(agencies.c.id == agency_id))
    return frame.iloc[0].to_dict() if len(frame) else None


def procedure_list(db: Database) -> pd.DataFrame:
    return db.query(sa.select(procedures).order_by(procedures.c.code))


def target_list(db: Database) -> list[Target]:
    """The targets; a province's scope names it by its unit key ("province:63:56")."""
    frame = db.query(sa.select(targets).order_by(targets.c.year, targets.c.id))
    return [Target(int(r.year), target_scope(r.scope, int(r.year)), _text(r.level) or None,
                   r.metric, float(r.value_pct) / 100, _text(r.source), _text(r.note))
            for r in frame.itertuples()]


def target_scope(scope: str, year: int) -> str:
    """A province target ("province:56", as published) names the province of the era its
    year began in: targets up to 2025 were set for the 63, later ones for the 34."""
    kind, _, code = scope.partition(":")
    if kind != "province":
        return scope
    return f"province:{eras.key(code, eras.era_of(date(year, 1, 1)))}"


def _text(value) -> str:
    """A nullable text column as a string (drivers give None, pandas may give NaN)."""
    return value if isinstance(value, str) else ""
