"""The grants table the national administrator keeps (user_roles), and the identity of a
signed-in person: their provider's claim and the table's grants, read by domain/access.py.

    python -m data_access.access grant canbo@bacninh.gov.vn editor:24
    python -m data_access.access grant admin@mic.gov.vn admin
    python -m data_access.access revoke canbo@bacninh.gov.vn
    python -m data_access.access list
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime

import pandas as pd
import sqlalchemy as sa

from data_access.db import Database, default_user
from data_access.schema import localities, user_roles
from domain import access

PRINCIPAL_LENGTH = user_roles.c.principal.type.length


def _principal(text: str) -> str:
    return text.strip().lower()[:PRINCIPAL_LENGTH]


def ministries(db: Database) -> list[str]:
    return list(db.query(sa.select(localities.c.code).where(localities.c.kind == "ministry"))
                ["code"])


def _has_table(db: Database) -> bool:
    with db.connect() as conn:
        return sa.inspect(conn).has_table("user_roles")


def table_grants(db: Database, principals: list[str]) -> list[str]:
    """The grant strings the table holds for any of a person's names (e-mail, subject)."""
    wanted = [_principal(p) for p in principals if p and p.strip()]
    if not wanted or not _has_table(db):  # a database made before the table existed
        return []
    rows = db.query(sa.select(user_roles.c.grants).where(user_roles.c.principal.in_(wanted)))
    return [g for text in rows["grants"] for g in text.split()]


def identity(db: Database, claims: dict, claim: str = access.DEFAULT_CLAIM) -> access.Identity:
    """A signed-in person: the grants of their provider's claim and of the table, together."""
    grants = access.claim_values(claims, claim) + table_grants(
        db, [str(claims.get("email") or ""), str(claims.get("sub") or "")])
    return access.identity_of(claims, grants, ministries(db))


def check_grants(db: Database, texts: list[str]) -> list[str]:
    """The grant strings that mean nothing (a typo, a retired or unknown code)."""
    known = set(ministries(db)) | set(
        db.query(sa.select(localities.c.code).where(localities.c.era == "34"))["code"])
    bad = []
    for text in texts:
        grant = access.parse_grant(text, ministries(db))
        if grant is None or (grant.unit is not None and grant.unit not in known):
            bad.append(text)
    return bad


def set_grants(db: Database, principal: str, texts: list[str], by: str) -> None:
    """Replace a person's grants (all or nothing: ValueError names the strings refused)."""
    bad = check_grants(db, texts)
    if bad or not texts:
        raise ValueError(", ".join(bad) or "no grant")
    grants = " ".join(access.parse_grant(t, ministries(db)).text() for t in texts)
    key = _principal(principal)
    with db.transaction() as conn:
        user_roles.create(conn, checkfirst=True)
        conn.execute(user_roles.delete().where(user_roles.c.principal == key))
        conn.execute(user_roles.insert().values(principal=key, grants=grants,
                                                granted_by=by[:200], granted_at=datetime.now()))


def revoke(db: Database, principal: str) -> bool:
    if not _has_table(db):
        return False
    with db.transaction() as conn:
        return conn.execute(user_roles.delete().where(
            user_roles.c.principal == _principal(principal))).rowcount > 0


def all_grants(db: Database) -> pd.DataFrame:
    if not _has_table(db):
        return pd.DataFrame(columns=[c.name for c in user_roles.columns])
    return db.query(sa.select(user_roles).order_by(user_roles.c.principal))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data_access.access",
                                 description="Grants: who may load which units' data.")
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("grant", help="replace a person's grants")
    g.add_argument("principal", help="e-mail or subject as the identity provider sends it")
    g.add_argument("grants", nargs="+", help="admin | viewer | editor:CODE (24, B-CA)")
    r = sub.add_parser("revoke", help="remove a person's grants")
    r.add_argument("principal")
    sub.add_parser("list", help="every grant")
    args = ap.parse_args(argv)
    db = Database()
    if args.command == "grant":
        try:
            set_grants(db, args.principal, args.grants, f"cli:{default_user()}")
        except ValueError as exc:
            print(f"error: grants not understood: {exc} (expected admin, viewer or "
                  "editor:CODE with the code of a province of today or a ministry)",
                  file=sys.stderr)
            return 1
    elif args.command == "revoke":
        if not revoke(db, args.principal):
            print(f"error: no grants for {args.principal}", file=sys.stderr)
            return 1
    else:
        print(all_grants(db).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
