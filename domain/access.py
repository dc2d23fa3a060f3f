"""Who may see and change what.

Three roles: a viewer sees every page and every unit (rankings are public); an editor loads and
replaces the data of the units granted to them — provinces of today (the 34) or ministries, and,
for history, the old provinces a unit of today was made of; a national administrator may do
everything, reference data included. Grants come from a claim of the identity provider
("dvc_roles": ["editor:24", "editor:B-CA"]) or from the table the national administrator keeps;
both are read as the same grant strings, and the strongest role wins.

Without an identity provider the installation is one person's, on one computer (the server
listens on 127.0.0.1 only): that person is the administrator. Pure logic: no Streamlit, no SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from domain import eras

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
ROLES = (VIEWER, EDITOR, ADMIN)  # weakest first
DEFAULT_CLAIM = "dvc_roles"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Identity:
    subject: str  # the provider's `sub`, or "local" / "anonymous"
    email: str = ""
    name: str = ""
    role: str = VIEWER
    units: frozenset[str] = field(default_factory=frozenset)  # unit keys an editor may change
    signed_in: bool = False
    local: bool = False  # the single-user installation on this computer

    def audit(self) -> str:
        """What the data_loads audit records: who signed in, by which subject, in which role."""
        if self.local:
            return f"local:{self.subject}"
        who = self.email or self.name or self.subject
        units = ",".join(sorted(eras.code_of(u) for u in self.units))
        return f"{who} [sub={self.subject}; {self.role}{':' + units if units else ''}]"

    @property
    def may_load(self) -> bool:
        return self.role in (EDITOR, ADMIN)

    @property
    def may_change_reference(self) -> bool:
        return self.role == ADMIN


ANONYMOUS = Identity("anonymous")


def local_identity(os_user: str) -> Identity:
    return Identity(os_user, name=os_user, role=ADMIN, local=True)


@dataclass(frozen=True)
class Grant:
    role: str
    unit: str | None = None  # an editor's unit key ("34:24", "B-CA")

    def text(self) -> str:
        return f"{self.role}:{eras.code_of(self.unit)}" if self.unit else self.role


def parse_grant(text: str, ministries: Iterable[str] = ()) -> Grant | None:
    """ "admin", "viewer", "editor:24" (a province of today), "editor:B-CA" (a ministry); None
    for anything else, which is ignored (a provider may send roles of other applications)."""
    if not isinstance(text, str):
        return None
    role, _, code = text.strip().partition(":")
    role, code = role.strip().lower(), code.strip().upper()
    if role in (VIEWER, ADMIN) and not code:
        return Grant(role)
    if role != EDITOR or not code:
        return None
    if code in set(ministries):
        return Grant(EDITOR, code)
    if code.isdigit() and len(code) <= 2:
        return Grant(EDITOR, eras.key(code.zfill(2), eras.ERA_34))
    return None


def claim_values(claims: dict, claim: str = DEFAULT_CLAIM) -> list[str]:
    """The grant strings of a claim; `claim` may be a dotted path ("realm_access.roles", as
    Keycloak sends realm roles). A single string counts as a list of one."""
    value: object = claims
    for part in claim.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, (list, tuple)) else []


def identity_of(claims: dict, grants: Iterable[str], ministries: Iterable[str] = ()) -> Identity:
    """A signed-in person: the strongest role among their grants (viewer without any)."""
    ministries = list(ministries)
    parsed = [g for g in (parse_grant(t, ministries) for t in grants) if g is not None]
    role = max((g.role for g in parsed), key=ROLES.index, default=VIEWER)
    units = frozenset(g.unit for g in parsed if g.role == EDITOR and g.unit)
    return Identity(str(claims.get("sub", "")), email=str(claims.get("email") or ""),
                    name=str(claims.get("name") or ""), role=role,
                    units=units if role == EDITOR else frozenset(), signed_in=True)


def editable_units(identity: Identity, crosswalk: eras.Crosswalk) -> frozenset[str] | None:
    """The unit keys whose data this person may change; None for every unit (administrator).
    A unit of today brings its old provinces: their history is its own."""
    if identity.role == ADMIN:
        return None
    if identity.role != EDITOR:
        return frozenset()
    out = set(identity.units)
    for unit in identity.units:
        out.update(crosswalk.predecessors(unit))
    return frozenset(out)


def refused_units(identity: Identity, unit_keys: Iterable[str],
                  crosswalk: eras.Crosswalk) -> list[str]:
    """The units of a file this person may not change (empty: the load may go ahead)."""
    allowed = editable_units(identity, crosswalk)
    wanted = sorted(set(unit_keys))
    return [] if allowed is None else [u for u in wanted if u not in allowed]


def client_of(forwarded_for: str | None) -> str | None:
    """The client a proxy saw: the last address of X-Forwarded-For (nginx appends the address
    it was reached from; anything before it is what the client claimed)."""
    hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
    return hops[-1] if hops else None


def is_local(auth_configured: bool, address: str | None, proxied: bool,
             forwarded_for: str | None = None) -> bool:
    """One person's installation: no identity provider, a server that listens on loopback only,
    and a request from this computer — straight, or through a proxy that was reached from
    loopback (`make serve` on 127.0.0.1); a proxy reached from the network is the network."""
    if auth_configured or (address or "").strip() not in LOOPBACK:
        return False
    return not proxied or client_of(forwarded_for) in LOOPBACK
