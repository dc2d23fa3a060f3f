"""What a view looks at: the whole nation, a block (provinces or ministries), one locality,
one agency, one procedure (optionally inside a locality), and an agency level."""
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
