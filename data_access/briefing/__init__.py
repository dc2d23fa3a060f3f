"""The briefing pack: the slides of one level of the drill-down for a period, as PowerPoint
(native charts and tables) and as PDF (the same slides, Vietnamese text in an embedded font),
in Vietnamese or English — the unit and period, the headline figures with their change and
target, the trend, where the unit ranks, its weakest agencies and procedures, and the source
and data date on every slide. The numbers are the level page's (domain/briefing.py).

    python -m data_access.briefing --level nation|province|agency|procedure [--province CODE]
        [--agency ID] [--procedure CODE] [--units 34|63] --from YYYY-MM --to YYYY-MM
        --format pptx|pdf [--out FILE] [--lang vi|en] [--metric ID]

gather.py reads the data, powerpoint.py and pdf.py write the slides as layout.py places them,
cli.py is the command line.
"""
from __future__ import annotations

from data_access.briefing.gather import gather
from data_access.export import file_stem as export_stem
from domain.briefing import Deck
from domain.periods import MonthRange

FORMATS = ("pptx", "pdf")
MIMES = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         "pdf": "application/pdf"}


def file_stem(units: list[tuple[str, str, str]], rng: MonthRange, lang: str) -> str:
    """A pack's file name without its extension, named like every download
    (data_access/export.file_stem): tinh_34-24_bac-ninh_bao-cao_2026-01_2026-10."""
    return export_stem(units, "brief_file_stem", rng, lang)


def render(deck: Deck, fmt: str) -> bytes:
    """The deck as the bytes of a .pptx or a .pdf file (the writers are imported on first
    use: a page that never downloads a pack does not load them)."""
    if fmt == "pptx":
        from data_access.briefing.powerpoint import pptx_bytes

        return pptx_bytes(deck)
    if fmt == "pdf":
        from data_access.briefing.pdf import pdf_bytes

        return pdf_bytes(deck)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["FORMATS", "MIMES", "file_stem", "gather", "render"]
