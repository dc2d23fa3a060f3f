"""The briefing pack as a PDF (reportlab): the slides of domain.briefing on 16:9 pages laid out
as the PowerPoint (layout.py), the charts drawn with reportlab.graphics, the text in DejaVu
Sans embedded from fonts/ (shipped here: Debian's copy may be missing, and reportlab's own
fonts have no Vietnamese letters)."""
from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle

from data_access.briefing import layout as L
from domain.briefing import Bars, Cover, Deck, Position, Table, Tiles, Trend
from domain.formatting import fmt_int, fmt_pct

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points a text takes in DejaVu Sans (wider than Arial: a bound for PowerPoint too)."""
    _register()
    return pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)


def _style(size: float, bold: bool = False, colour: str = L.INK, align: int = 0,
           leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle("s", fontName=BOLD if bold else REGULAR, fontSize=size,
                          leading=leading or size * 1.2, textColor=colors.HexColor(colour),
                          alignment=align)


def _para(text: str, size: float, **kw) -> Paragraph:
    return Paragraph(escape(text), _style(size, **kw))


class Page:
    """One page: boxes from the top left, as layout.py measures them."""

    def __init__(self, canvas: Canvas):
        self.c = canvas

    def text(self, text: str, box: L.Box, size: float, shrink: bool = True, **kw) -> float:
        """Wrapped text at the top of the box, smaller until it fits; returns its height."""
        while True:
            p = _para(text, size, **kw)
            _, h = p.wrap(box.w, box.h)
            if h <= box.h or not shrink or size <= L.FONT_MIN:
                break
            size -= 1
        p.drawOn(self.c, box.x, L.HEIGHT - box.y - h)
        return h

    def flow(self, p: Paragraph, box: L.Box) -> float:
        _, h = p.wrap(box.w, box.h)
        p.drawOn(self.c, box.x, L.HEIGHT - box.y - h)
        return h

    def rect(self, box: L.Box, fill: str, radius: float = 0) -> None:
        self.c.setFillColor(colors.HexColor(fill))
        self.c.roundRect(box.x, L.HEIGHT - box.y - box.h, box.w, box.h, radius, stroke=0,
                         fill=1)

    def drawing(self, d: Drawing, box: L.Box) -> None:
        renderPDF.draw(d, self.c, box.x, L.HEIGHT - box.y - box.h)


def _cover(page: Page, block: Cover, box: L.Box) -> None:
    y = page.text(block.unit, box.top(120), L.SIZE["cover_unit"], bold=True,
                  colour=L.ACCENT) + 24
    for i, line in enumerate(block.lines):
        y += page.text(line, box.below(y).top(40), L.SIZE["cover"],
                       colour=L.INK if i == 0 else L.MUTED) + 8


def _tiles(page: Page, block: Tiles, box: L.Box) -> None:
    boxes, note_box = L.tile_boxes(box, len(block.tiles), block.note is not None)
    for tile, b in zip(block.tiles, boxes):
        page.rect(b, L.TILE_FILL, 8)
        inner = L.Box(b.x + 12, b.y + 10, b.w - 24, b.h - 20)
        y = page.text(tile.label, inner.top(42), L.SIZE["tile_label"], bold=True,
                      colour=L.MUTED)
        number, word = L.split_value(tile.value)
        big, small = L.fit_value(number, word, inner.w, text_width)
        value = escape(number) + (f"<font size={small}>{escape(word)}</font>" if word else "")
        y += page.flow(Paragraph(value, _style(big, bold=True)), inner.below(y).top(54)) + 2
        colour = L.NEUTRAL if tile.good is None else L.GOOD if tile.good else L.BAD
        change = f"<font color='{colour}'><b>{escape(tile.change)}</b></font> " \
            f"{escape(tile.compare)}" if tile.change else escape(tile.compare)
        y += page.flow(Paragraph(change, _style(L.SIZE["tile_text"], colour=L.MUTED)),
                       inner.below(y)) + 2
        if tile.target:
            status = ""
            if tile.target_status:
                status = f" · <font color='{L.GOOD if tile.met else L.BAD}'><b>" \
                    f"{escape(tile.target_status)}</b></font>"
            page.flow(Paragraph(escape(tile.target) + status, _style(L.SIZE["tile_text"])),
                      inner.below(y))
    if note_box is not None:
        page.text(block.note, note_box, L.SIZE["note"], colour=L.MUTED)


def _value_axis(axis, scale: tuple[float, float, float], percent: bool, lang: str) -> None:
    """From 0, its ticks written the page's way (20%, 1.234)."""
    lo, hi, step = scale
    axis.valueMin, axis.valueMax, axis.valueSteps = lo, hi, L.ticks(lo, hi, step)
    axis.labelTextFormat = (lambda v: fmt_pct(v, lang, 0)) if percent \
        else (lambda v: fmt_int(v, lang))
    axis.labels.fontName, axis.labels.fontSize = REGULAR, L.SIZE["axis"]
    axis.visibleGrid, axis.gridStrokeColor = 1, colors.HexColor(L.LINE)


def _trend(page: Page, block: Trend, box: L.Box, lang: str) -> None:
    note_h = 36 if block.note else 0
    legend_h = 26
    d = Drawing(box.w, box.h)
    chart = HorizontalLineChart()
    chart.x, chart.y = 64, note_h + legend_h + 30
    chart.width, chart.height = box.w - chart.x - 10, box.h - chart.y - 12
    series = [[v if v is not None else None for v in block.values]]
    if block.target is not None:
        series.append([block.target] * len(block.values))
    chart.data = series
    chart.joinedLines = 1
    _value_axis(chart.valueAxis, L.value_axis(block.values, block.target, block.percent),
                block.percent, lang)
    ca = chart.categoryAxis
    ca.categoryNames = list(block.months)
    ca.labels.fontName, ca.labels.fontSize = REGULAR, L.SIZE["axis"]
    ca.labels.dy = -6
    chart.lines[0].strokeColor = colors.HexColor(L.ACCENT)
    chart.lines[0].strokeWidth = 3
    if block.target is not None:
        chart.lines[1].strokeColor = colors.HexColor(L.TARGET)
        chart.lines[1].strokeWidth = 2
        chart.lines[1].strokeDashArray = (6, 4)
    d.add(chart.draw())
    shown = [i for i, v in enumerate(block.values) if v is not None]  # the chart skips gaps
    for i, (x, y) in zip(shown, chart._positions[0]):  # each point with its value written
        faded = block.partial[i]
        d.add(Circle(x, y, 5, fillColor=colors.white if faded else colors.HexColor(L.ACCENT),
                     strokeColor=colors.HexColor(L.ACCENT), strokeWidth=2))
        d.add(String(x, y + 10, block.value_texts[i], fontName=BOLD,
                     fontSize=L.SIZE["caption"], textAnchor="middle",
                     fillColor=colors.HexColor(L.MUTED if faded else L.INK)))
    x = chart.x
    for label, colour, dash in ((block.metric, L.ACCENT, None),
                                (block.target_label, L.TARGET, (6, 4))):
        if not label:
            continue
        y = note_h + 8
        d.add(Line(x, y + 4, x + 28, y + 4, strokeColor=colors.HexColor(colour), strokeWidth=3,
                   strokeDashArray=dash))
        d.add(String(x + 34, y, label, fontName=REGULAR, fontSize=L.SIZE["caption"],
                     fillColor=colors.HexColor(L.INK)))
        x += 34 + pdfmetrics.stringWidth(label, REGULAR, L.SIZE["caption"]) + 30
    page.drawing(d, box)
    if block.note:
        page.text(block.note, L.Box(box.x, box.y + box.h - note_h, box.w, note_h),
                  L.SIZE["note"], colour=L.MUTED)


def _clip(text: str, width: float, size: float) -> str:
    """A label cut to a width, with an ellipsis."""
    if pdfmetrics.stringWidth(text, REGULAR, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _bars(page: Page, block: Bars, box: L.Box, lang: str) -> None:
    caption_h = page.text(block.caption, box.top(44), L.SIZE["caption"], colour=L.MUTED) + 6
    area = box.below(caption_h)
    size = L.SIZE["axis"]
    label_w = min(area.w * 0.42, max(pdfmetrics.stringWidth(r.name, REGULAR, size)
                                     for r in block.rows) + 8)
    d = Drawing(area.w, area.h)
    chart = HorizontalBarChart()
    legend_h = 24
    chart.x, chart.y = label_w, legend_h + 22
    chart.width, chart.height = area.w - label_w - 70, area.h - chart.y - 4
    chart.data = [[r.value for r in block.rows]]
    chart.categoryAxis.categoryNames = [_clip(r.name, label_w - 8, size) for r in block.rows]
    chart.categoryAxis.reverseDirection = 1  # the furthest behind at the top
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, size
    chart.categoryAxis.labels.boxAnchor = "e"
    _value_axis(chart.valueAxis, L.value_axis([r.value for r in block.rows] + [
        r.target for r in block.rows if r.target is not None], None, block.percent),
        block.percent, lang)
    chart.barWidth, chart.groupSpacing = 10, 4
    chart.bars.strokeColor = None
    for i, row in enumerate(block.rows):
        chart.bars[(0, i)].fillColor = colors.HexColor(L.STATUS[row.status])
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[r.value_text for r in block.rows]]
    chart.barLabels.fontName, chart.barLabels.fontSize = BOLD, size
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 4
    bars = chart.draw()
    for row, (x, y, _, h) in zip(block.rows, chart._barPositions[0]):
        if row.target is not None:  # the target as a pale bar behind the value's
            d.add(Rect(x, y, chart.valueAxis.scale(row.target) - x, h, strokeColor=None,
                       fillColor=colors.HexColor(L.TARGET_BAR)))
    d.add(bars)
    x = chart.x
    for key, label in block.legend:
        d.add(Rect(x, 4, 14, 14, strokeColor=None, fillColor=colors.HexColor(L.SWATCH[key])))
        d.add(String(x + 20, 6, label, fontName=REGULAR, fontSize=L.SIZE["caption"],
                     fillColor=colors.HexColor(L.INK)))
        x += 20 + pdfmetrics.stringWidth(label, REGULAR, L.SIZE["caption"]) + 24
    page.drawing(d, area)


def _position(page: Page, block: Position, box: L.Box) -> None:
    y = page.text(block.figure, box.top(70), L.SIZE["position"], bold=True, colour=L.ACCENT)
    y += 8 + page.text(block.text, box.below(y + 8).top(110), L.SIZE["text"])
    y += 10 + page.text(block.value_line, box.below(y + 10).top(80), L.SIZE["text"],
                        bold=True)
    if block.detail:
        page.text(block.detail, box.below(y + 12), L.SIZE["caption"], colour=L.MUTED)


def _cells(block: Table, size: float) -> list[list[Paragraph]]:
    name_at = block.columns.index("name")
    head = [Paragraph(escape(h), _style(size, bold=True, align=TA_CENTER if c == "rank" else
                                        0 if i == name_at else TA_RIGHT))
            for i, (c, h) in enumerate(zip(block.columns, block.headers))]
    body = []
    for r in block.rows:
        texts = {"rank": (str(r.rank), False, L.INK, TA_CENTER),
                 "name": (r.name, False, L.INK, 0),
                 "value": (r.value_text, True, L.INK, TA_RIGHT),
                 "volume": (r.volume_text, False, L.INK, TA_RIGHT),
                 "target": (r.target_text, False, L.INK, TA_RIGHT),
                 "gap": (r.gap_text, True, L.STATUS[r.status], TA_RIGHT)}
        body.append([Paragraph(escape(text), _style(size, bold=bold, colour=colour, align=align))
                     for text, bold, colour, align in (texts[c] for c in block.columns)])
    return [head] + body


def _table(page: Page, block: Table, box: L.Box) -> None:
    y = 0
    if block.title:
        y += page.text(block.title, box.top(30), L.SIZE["text"], bold=True) + 4
    if block.caption:
        y += page.text(block.caption, box.below(y).top(40), L.SIZE["caption"],
                       colour=L.MUTED) + 6
    area = box.below(y)
    for size in range(L.SIZE["table"], L.FONT_MIN - 1, -1):  # smaller until it fits
        table = PdfTable(_cells(block, size),
                         colWidths=L.column_widths(block.columns, size, area.w))
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(L.HEADER_FILL)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor(L.LINE)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        _, h = table.wrap(area.w, area.h)
        if h <= area.h:
            break
    table.drawOn(page.c, area.x, L.HEIGHT - area.y - h)


def _frame(page: Page, slide) -> None:
    page.rect(L.Box(0, 0, L.WIDTH, 8), L.ACCENT)
    page.text(slide.title, L.TITLE, L.SIZE["title"], bold=True)
    page.text(slide.subtitle, L.SUBTITLE, L.SIZE["subtitle"], colour=L.MUTED)
    page.c.setStrokeColor(colors.HexColor(L.LINE))
    page.c.line(L.FOOTER.x, L.HEIGHT - L.FOOTER.y + 6, L.PAGE.x + L.PAGE.w,
                L.HEIGHT - L.FOOTER.y + 6)
    page.text(slide.footer, L.FOOTER, L.SIZE["footer"], colour=L.MUTED)
    page.text(slide.page, L.PAGE, L.SIZE["footer"], colour=L.MUTED, align=TA_RIGHT)


def pdf_bytes(deck: Deck) -> bytes:
    _register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(L.WIDTH, L.HEIGHT), pageCompression=1,
                    initialFontName=REGULAR)
    canvas.setTitle(deck.title)
    canvas.setAuthor("")
    canvas.setCreator("")
    for slide in deck.slides:
        page = Page(canvas)
        _frame(page, slide)
        for block, box in L.place(slide):
            if isinstance(block, Cover):
                _cover(page, block, box)
            elif isinstance(block, Tiles):
                _tiles(page, block, box)
            elif isinstance(block, Trend):
                _trend(page, block, box, deck.lang)
            elif isinstance(block, Bars):
                _bars(page, block, box, deck.lang)
            elif isinstance(block, Position):
                _position(page, block, box)
            elif isinstance(block, Table):
                _table(page, block, box)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
