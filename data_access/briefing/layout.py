"""Where things go on a briefing slide, shared by the PowerPoint and the PDF writers so that
both give the same slides: a 16:9 page of 960 × 540 points (13.33 × 7.5 inches, PowerPoint's
widescreen), boxes measured from the top left, type sizes that read when projected at
1920 × 1080 (titles 34 pt, figures 42 pt and more, nothing under 12 pt)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from domain.briefing import Cover, Position, Slide

WIDTH, HEIGHT = 960, 540  # points


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # from the top
    w: float
    h: float

    def split(self, fraction: float, gap: float = 20) -> tuple["Box", "Box"]:
        """Left and right parts, the left `fraction` of the width."""
        left = (self.w - gap) * fraction
        return (Box(self.x, self.y, left, self.h),
                Box(self.x + left + gap, self.y, self.w - left - gap, self.h))

    def top(self, h: float) -> "Box":
        return Box(self.x, self.y, self.w, h)

    def below(self, h: float, gap: float = 0) -> "Box":
        """What is left under the first `h` points."""
        return Box(self.x, self.y + h + gap, self.w, self.h - h - gap)


TITLE = Box(36, 18, 888, 46)
SUBTITLE = Box(36, 66, 888, 42)
BODY = Box(36, 118, 888, 352)
FOOTER = Box(36, 482, 760, 50)
PAGE = Box(800, 482, 124, 50)

SIZE = {"title": 34, "subtitle": 16, "cover_unit": 44, "cover": 22, "tile_label": 16,
        "tile_value": 42, "tile_unit": 24, "tile_text": 14, "position": 54, "text": 16, "table": 15,
        "caption": 13, "axis": 13, "footer": 12, "note": 12}
FONT_MIN = 12  # a table shrinks to fit, never below this
FIGURE_MIN = 40  # nor a tile's figure below this

INK, MUTED, LINE = "#111827", "#4b5563", "#d1d5db"
ACCENT, GOOD, BAD, NEUTRAL = "#1d4ed8", "#15803d", "#b91c1c", "#6b7280"
HEADER_FILL, TILE_FILL = "#e5e7eb", "#f3f4f6"
STATUS = {"met": GOOD, "behind": BAD, "none": NEUTRAL}
TARGET_BAR = "#d1d5db"  # a target drawn as a pale bar behind the value's
SWATCH = STATUS | {"target": TARGET_BAR}
TARGET = BAD
# Table columns' widths in multiples of the type size; the name takes what is left.
COLUMN_WIDTH = {"rank": 4.4, "value": 6.4, "volume": 8.0, "target": 6.4, "gap": 9.4}


def place(slide: Slide) -> list[tuple[object, Box]]:
    """Each block of a slide with its box."""
    blocks = slide.blocks
    if len(blocks) == 2 and isinstance(blocks[0], Position):
        left, right = BODY.split(0.32)
        return [(blocks[0], left), (blocks[1], right)]
    if len(blocks) == 2:  # two tables side by side
        left, right = BODY.split(0.5)
        return [(blocks[0], left), (blocks[1], right)]
    if isinstance(blocks[0], Cover):
        return [(blocks[0], Box(BODY.x, BODY.y + 30, BODY.w, BODY.h - 30))]
    return [(blocks[0], BODY)]


def tile_boxes(area: Box, n: int, note: bool) -> tuple[list[Box], Box | None]:
    """Tiles in rows of three over the area, a line of note under them when there is one."""
    per_row, gap = 3, 14
    rows = math.ceil(n / per_row)
    note_h = 34 if note else 0
    h = (area.h - note_h - gap * (rows - 1) - (6 if note else 0)) / rows
    w = (area.w - gap * (per_row - 1)) / per_row
    boxes = [Box(area.x + (i % per_row) * (w + gap), area.y + (i // per_row) * (h + gap), w, h)
             for i in range(n)]
    return boxes, Box(area.x, area.y + area.h - note_h, area.w, note_h) if note else None


def column_widths(columns: tuple[str, ...], size: float, width: float) -> list[float]:
    fixed = [COLUMN_WIDTH.get(c, 0) * size for c in columns]
    return [w or width - sum(fixed) for w in fixed]


def split_value(text: str) -> tuple[str, str]:
    """A tile's figure and the word after it ("584,4 nghìn" → "584,4", " nghìn"): the word is
    set smaller, so that the figure keeps its size on one line."""
    number, space, word = text.partition(" ")
    return (number, space + word) if word and any(ch.isdigit() for ch in number) else (text, "")


def fit_value(number: str, word: str, width: float, measure) -> tuple[float, float]:
    """Type sizes (figure, word) that keep a tile's figure and its word on one line of the
    width: the word shrinks first (to the tile's text size), then the figure (to 40 pt).
    measure(text, size, bold) → points."""
    big, small = SIZE["tile_value"], SIZE["tile_unit"]
    while measure(number, big, True) + measure(word, small, True) > width:
        if small > SIZE["tile_text"]:
            small -= 1
        elif big > FIGURE_MIN:
            big -= 1
        else:
            break
    return big, small


def value_axis(values, target: float | None, percent: bool) -> tuple[float, float, float]:
    """(minimum, maximum, step) of a value axis from 0: for a rate a round ceiling above the
    values and the target, in steps of 10 or 20 points."""
    top = max([v for v in values if v is not None] + ([target] if target is not None else []),
              default=0)
    if percent:
        ceiling = min(1.0, math.ceil(top * 1.12 * 10) / 10) or 0.1
        return 0.0, ceiling, 0.2 if ceiling > 0.6 else 0.1 if ceiling > 0.2 else 0.05
    if top <= 0:
        return 0.0, 1.0, 1.0
    step = 10 ** math.floor(math.log10(top))
    step *= 2 if top / step > 5 else 1
    return 0.0, math.ceil(top * 1.1 / step) * step, step


def ticks(lo: float, hi: float, step: float) -> list[float]:
    """The axis' ticks, rounded: 0.1 × 3 is not 0.3 in floating point."""
    return [round(lo + i * step, 9) for i in range(int(round((hi - lo) / step)) + 1)]

