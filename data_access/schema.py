"""The data model, in SQLAlchemy Core, dialect-neutral (DuckDB, SQLite, PostgreSQL).

Ids are assigned by the loaders, not by the database, because DuckDB has no SERIAL.
The fact table has no foreign keys: DuckDB checks them row by row on insert, which makes a
5-million-row load crawl; the loaders validate codes before writing instead.
"""
from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, Double, Float, ForeignKey, Integer, MetaData,
    String, Table, Text,
)

from domain.index766 import GROUP_IDS
from domain.metrics import COUNT_COLUMNS

metadata = MetaData()

# A first-level unit is its code *and* its era (domain/eras.py): `code` is the unit's key,
# "63:24" (Bắc Giang, to 30/06/2025) or "34:24" (Bắc Ninh, from 01/07/2025); a ministry's key is
# its code ("B-CA"). `gso_code` is the code people read, `era` "63" | "34" | NULL (ministries).
localities = Table(
    "localities", metadata,
    Column("code", String(16), primary_key=True),
    Column("gso_code", String(8), nullable=False),
    Column("era", String(2)),
    Column("kind", String(10), nullable=False),  # province | ministry
    Column("name_vi", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("full_name_vi", String(200)),
    Column("short_vi", String(60)),
    Column("region_vi", String(80)),
    Column("region_en", String(80)),
    Column("iso_code", String(10)),
    Column("lon", Float),
    Column("lat", Float),
    Column("population", BigInteger),
    Column("successor_code", String(16)),  # an old province: the key of the unit it became
    Column("successor_name_vi", String(200)),
    Column("city_from", Date),  # a province that became a centrally-run city (2026), and when
    Column("city_full_name_vi", String(200)),
)

agencies = Table(
    "agencies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("code", String(60), nullable=False, unique=True),
    Column("locality_code", String(16), ForeignKey("localities.code"), nullable=False),
    # ministry | province | district | commune; districts only before 01/07/2025
    Column("level", String(10), nullable=False),
    Column("name_vi", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("parent_id", Integer),  # a commune's district (before 01/07/2025)
)

fields = Table(
    "fields", metadata,
    Column("code", String(20), primary_key=True),
    Column("name_vi", String(200), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("ministry_vi", String(120)),
)

procedures = Table(
    "procedures", metadata,
    Column("code", String(20), primary_key=True),  # national code, e.g. 1.001193
    Column("name_vi", String(300), nullable=False),
    Column("name_en", String(300), nullable=False),
    Column("field_code", String(20), ForeignKey("fields.code"), nullable=False),
    Column("level", String(10), nullable=False),
    Column("ministry_code", String(16)),
    Column("online_level", String(10), nullable=False),  # full | partial | none
    Column("full_online_eligible", Boolean, nullable=False),
    Column("fee_direct_vnd", BigInteger),
    Column("fee_online_vnd", BigInteger),
    Column("deadline_days", Integer),
)

data_loads = Table(
    "data_loads", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(10), nullable=False),  # sample | import
    Column("file_name", String(300)),
    Column("sha256", String(64)),
    Column("rows", BigInteger, nullable=False),
    Column("loaded_by", String(100)),
    Column("loaded_at", DateTime, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("message", Text),
)

dossier_stats = Table(
    "dossier_stats", metadata,
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    # the months the report covers (domain/reports.py: 15/09–14/12 is October–December), as
    # the first days of its first and last month; written by bulk_insert, read by every filter
    Column("month_first", Date, nullable=False),
    Column("month_last", Date, nullable=False),
    Column("agency_id", Integer, nullable=False),
    Column("locality_code", String(16), nullable=False),  # the agency's, kept here for speed
    Column("field_code", String(20), nullable=False),
    Column("procedure_code", String(20)),  # blank when a report is only by field
    *[Column(c, BigInteger) for c in COUNT_COLUMNS],
    Column("load_id", Integer, nullable=False),
)

targets = Table(
    "targets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("year", Integer, nullable=False),
    Column("scope", String(20), nullable=False),  # nation | ministries | localities | province:CODE
    Column("level", String(10)),
    Column("metric", String(60), nullable=False),
    Column("value_pct", Float, nullable=False),
    Column("source", Text),
    Column("note", Text),
)

fee_policies = Table(
    "fee_policies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("scope", String(20), nullable=False),  # nation | province:CODE
    Column("name", String(200), nullable=False),
    Column("discount_pct", Float, nullable=False),
    Column("applies_to", Text),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Column("source", Text),
)

fee_policy_procedures = Table(
    "fee_policy_procedures", metadata,
    Column("policy_id", Integer, ForeignKey("fee_policies.id"), primary_key=True),
    Column("procedure_code", String(20), ForeignKey("procedures.code"), primary_key=True),
)

# The Decision 766 service index as the portal publishes it (domain/index766.py): one row per
# period (an ISO week or a month) and unit — a province of its era or a ministry (`locality_code`,
# a unit key, `agency_id` NULL), or one of its agencies (a department, the service centre, a
# commune: `agency_id` set) — with the six groups as published (blank = not published), the
# total and the rank among `rank_of` units.
index766_scores = Table(
    "index766_scores", metadata,
    Column("period_kind", String(5), nullable=False),  # week | month
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("locality_code", String(16), nullable=False),
    Column("agency_id", Integer),
    *[Column(g, Double) for g in GROUP_IDS],
    Column("total", Double, nullable=False),
    Column("rank", Integer),
    Column("rank_of", Integer),
    Column("load_id", Integer, nullable=False),
)

# Who may change what (domain/access.py): the grants the national administrator keeps, by the
# identity provider's e-mail or subject, lower-case. `grants` holds grant strings separated by
# spaces ("editor:24 editor:B-CA", "admin"), the same strings a provider's claim may carry.
user_roles = Table(
    "user_roles", metadata,
    Column("principal", String(200), primary_key=True),
    Column("grants", Text, nullable=False),
    Column("granted_by", String(200), nullable=False),
    Column("granted_at", DateTime, nullable=False),
)

# Created on servers with B-tree indexes (PostgreSQL, SQLite); DuckDB scans with zone maps,
# and an ART index would only slow its bulk loads. Kept as DDL text so that creating them on one
# engine does not bind them to the metadata for every other engine.
FACT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_stats_period ON dossier_stats (month_first, locality_code)",
    "CREATE INDEX IF NOT EXISTS ix_stats_agency ON dossier_stats (agency_id, month_first)",
    "CREATE INDEX IF NOT EXISTS ix_stats_procedure ON dossier_stats (procedure_code, month_first)",
)
