"""Small reads the pages need besides the statistics: the data's bounds and status, reference
lists (localities, agencies, procedures) and the targets."""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from data_access.db import Database
from data_access.schema import agencies, data_loads, dossier_stats, localities, procedures, targets
from domain.periods import Month
from domain.targets import Target


def data_status(db: Database) -> dict:
    """Whether any data is loaded, whether it is sample data, and a version for caches."""
    with db.connect() as conn:
        if not sa.inspect(conn).has_table("data_loads"):
            return {"ready": False, "version": 0, "sample": False, "loads": []}
        rows = conn.execute(
            sa.select(data_loads.c.id, data_loads.c.kind, data_loads.c.file_name,
                      data_loads.c.loaded_at)
            .where(data_loads.c.outcome == "ok").order_by(data_loads.c.id)).all()
        bounds = conn.execute(sa.select(sa.func.min(dossier_stats.c.period_start),
                                        sa.func.max(dossier_stats.c.period_end))).one()
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
    stmt = sa.select(agencies).order_by(agencies.c.id)
    if locality:
        stmt = stmt.where(agencies.c.locality_code == locality)
    return db.query(stmt)


def agency(db: Database, agency_id: int) -> dict | None:
    frame = db.query(sa.select(agencies).where(agencies.c.id == agency_id))
    return frame.iloc[0].to_dict() if len(frame) else None


def procedure_list(db: Database) -> pd.DataFrame:
    return db.query(sa.select(procedures).order_by(procedures.c.code))


def target_list(db: Database) -> list[Target]:
    frame = db.query(sa.select(targets).order_by(targets.c.year, targets.c.id))
    return [Target(int(r.year), r.scope, _text(r.level) or None, r.metric,
                   float(r.value_pct) / 100, _text(r.source), _text(r.note))
            for r in frame.itertuples()]


def _text(value) -> str:
    """A nullable text column as a string (drivers give None, pandas may give NaN)."""
    return value if isinstance(value, str) else ""
