"""What a view looks at: the whole nation, a block (provinces or ministries), one locality (a
unit key of domain/eras: "34:24", "63:45", "B-CA"), one agency, one procedure (optionally
inside a locality), an agency level, and the unit set (63 or 34) localities are grouped in."""
from __future__ import annotations

from dataclasses import dataclass, replace

KINDS = ("province", "ministry")
LEVELS = ("ministry", "province", "district", "commune")


@dataclass(frozen=True)
class Scope:
    kind: str | None = None  # province | ministry: the block of localities
    locality: str | None = None
    agency: int | None = None
    procedure: str | None = None
    level: str | None = None
    units: str | None = None  # the unit set localities are grouped in: "63" | "34" (eras)

    def with_(self, **changes) -> "Scope":
        return replace(self, **changes)

    @property
    def depth(self) -> str:
        """The page this scope belongs to."""
        if self.procedure:
            return "procedure"
        if self.agency is not None:
            return "agency"
        if self.locality:
            return "province"
        return "nation"


NATION = Scope()
