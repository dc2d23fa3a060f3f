"""The briefing pack as a PowerPoint deck (python-pptx): the slides of domain.briefing laid out
as layout.py says, the trend and the ranking as native charts (editable in PowerPoint, their
labels the page's texts), tables as native tables. Arial: present wherever PowerPoint is, with
the Vietnamese letters."""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from data_access.briefing import layout as L
from data_access.cells import safe_text
from data_access.briefing.pdf import text_width
from domain.briefing import Bars, Cover, Deck, Position, Table, Tiles, Trend

FONT = "Arial"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _run(paragraph, text: str, size: float, bold: bool = False, colour: str = L.INK):
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = _rgb(colour)
    return run


def _frame(text_frame, margin: float = 0) -> None:
    text_frame.word_wrap = True
    text_frame.margin_left = text_frame.margin_right = Pt(margin)
    text_frame.margin_top = text_frame.margin_bottom = Pt(margin / 2)
    text_frame.vertical_anchor = MSO_ANCHOR.TOP


def _box(box: L.Box):
    return (Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))


def _text(slide, box: L.Box, lines, align=PP_ALIGN.LEFT) -> None:
    """A text box; lines: (text, size, bold, colour) or a list of such runs per paragraph."""
    frame = slide.shapes.add_textbox(*_box(box)).text_frame
    _frame(frame)
    for i, line in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.alignment = align
        p.space_after = Pt(6)
        for text, size, bold, colour in (line if isinstance(line, list) else [line]):
            _run(p, text, size, bold, colour)


def _rect(slide, box: L.Box, fill: str, shape=MSO_SHAPE.RECTANGLE):
    rect = slide.shapes.add_shape(shape, *_box(box))
    rect.fill.solid()
    rect.fill.fore_color.rgb = _rgb(fill)
    rect.line.fill.background()
    rect.shadow.inherit = False
    return rect


def _cover(slide, block: Cover, box: L.Box) -> None:
    _text(slide, box, [(block.unit, L.SIZE["cover_unit"], True, L.ACCENT)] + [
        (line, L.SIZE["cover"], False, L.INK if i == 0 else L.MUTED)
        for i, line in enumerate(block.lines)])


def _tiles(slide, block: Tiles, box: L.Box) -> None:
    boxes, note_box = L.tile_boxes(box, len(block.tiles), block.note is not None)
    for tile, b in zip(block.tiles, boxes):
        shape = _rect(slide, b, L.TILE_FILL, MSO_SHAPE.ROUNDED_RECTANGLE)
        shape.adjustments[0] = 0.05
        frame = shape.text_frame
        _frame(frame, margin=12)
        number, word = L.split_value(tile.value)
        big, small = L.fit_value(number, word, b.w - 24, text_width)
        paragraphs = [[(tile.label, L.SIZE["tile_label"], True, L.MUTED)],
                      [(number, big, True, L.INK)] + ([(word, small, True, L.INK)]
                                                      if word else [])]
        colour = L.NEUTRAL if tile.good is None else L.GOOD if tile.good else L.BAD
        paragraphs.append(([(tile.change + " ", L.SIZE["tile_text"], True, colour)]
                           if tile.change else []) +
                          [(tile.compare, L.SIZE["tile_text"], False, L.MUTED)])
        if tile.target:
            line = [(tile.target, L.SIZE["tile_text"], False, L.INK)]
            if tile.target_status:
                line.append((" · " + tile.target_status, L.SIZE["tile_text"], True,
                             L.GOOD if tile.met else L.BAD))
            paragraphs.append(line)
        for i, runs in enumerate(paragraphs):
            p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            p.alignment = PP_ALIGN.LEFT
            for text, size, bold, c in runs:
                _run(p, text, size, bold, c)
    if note_box is not None:
        _text(slide, note_box, [(block.note, L.SIZE["note"], False, L.MUTED)])


def _axis(axis, lo: float, hi: float, step: float, percent: bool) -> None:
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = lo, round(hi, 9), step
    axis.tick_labels.number_format = "0%" if percent else "#,##0"
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(L.LINE)
    axis.format.line.fill.background()


def _chart_font(chart) -> None:
    chart.font.size, chart.font.name = Pt(L.SIZE["axis"]), FONT
    chart.font.color.rgb = _rgb(L.INK)


def _trend(slide, block: Trend, box: L.Box) -> None:
    note_h = 36 if block.note else 0
    data = CategoryChartData(number_format="0.0%" if block.percent else "#,##0")
    data.categories = list(block.months)
    data.add_series(block.metric, list(block.values))
    if block.target is not None:
        data.add_series(block.target_label, [block.target] * len(block.months))
    area = L.Box(box.x, box.y, box.w, box.h - note_h)
    chart = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *_box(area), data).chart
    _chart_font(chart)
    chart.has_legend = True
    chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    _axis(chart.value_axis, *L.value_axis(block.values, block.target, block.percent),
          block.percent)
    line = chart.plots[0].series[0]
    line.smooth = False
    line.format.line.color.rgb, line.format.line.width = _rgb(L.ACCENT), Pt(3)
    line.marker.style, line.marker.size = XL_MARKER_STYLE.CIRCLE, 9
    line.marker.format.fill.solid()
    line.marker.format.fill.fore_color.rgb = _rgb(L.ACCENT)
    line.marker.format.line.color.rgb = _rgb(L.ACCENT)
    for i, (value, text) in enumerate(zip(block.values, block.value_texts)):
        if value is None:
            continue
        point = line.points[i]
        if block.partial[i]:  # a month not yet fully reported: a hollow point
            point.marker.format.fill.solid()
            point.marker.format.fill.fore_color.rgb = _rgb("#FFFFFF")
        label = point.data_label
        label.position = XL_LABEL_POSITION.ABOVE
        label.text_frame.text = text
        for run in label.text_frame.paragraphs[0].runs:
            run.font.size, run.font.bold, run.font.name = Pt(L.SIZE["caption"]), True, FONT
    if block.target is not None:
        target = chart.plots[0].series[1]
        target.smooth = False
        target.format.line.color.rgb, target.format.line.width = _rgb(L.TARGET), Pt(2)
        target.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        target.marker.style = XL_MARKER_STYLE.NONE
    if block.note:
        _text(slide, L.Box(box.x, box.y + box.h - note_h, box.w, note_h),
              [(block.note, L.SIZE["note"], False, L.MUTED)])


def _legend(slide, items, box: L.Box) -> None:
    """Coloured squares with their labels, in a row."""
    x = box.x
    for key, label in items:
        _rect(slide, L.Box(x, box.y + 3, 14, 14), L.SWATCH[key])
        width = 24 + len(label) * L.SIZE["caption"] * 0.55
        _text(slide, L.Box(x + 20, box.y, width, box.h),
              [(label, L.SIZE["caption"], False, L.INK)])
        x += 20 + width


def _bars(slide, block: Bars, box: L.Box) -> None:
    _text(slide, box.top(44), [(block.caption, L.SIZE["caption"], False, L.MUTED)])
    legend_h = 24
    area = L.Box(box.x, box.y + 50, box.w, box.h - 50 - legend_h)
    targets = [r.target for r in block.rows]
    data = CategoryChartData(number_format="0.0%" if block.percent else "#,##0")
    # the chart's data lives in an embedded workbook, where "=…" would become a formula
    data.categories = [safe_text(r.name) for r in block.rows]
    # the target as a pale bar behind the value's (series overlap fully; the last is in front)
    data.add_series(block.legend[-1][1] if any(v is not None for v in targets) else " ",
                    targets)
    data.add_series(block.value_label, [r.value for r in block.rows])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *_box(area), data).chart
    _chart_font(chart)
    chart.has_legend = False
    chart.category_axis.reverse_order = True  # the furthest behind at the top
    chart.category_axis.format.line.color.rgb = _rgb(L.LINE)
    _axis(chart.value_axis, *L.value_axis([r.value for r in block.rows] + [
        v for v in targets if v is not None], None, block.percent), block.percent)
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 40, 100
    target, series = plot.series
    target.format.fill.solid()
    target.format.fill.fore_color.rgb = _rgb(L.TARGET_BAR)
    for row, point in zip(block.rows, series.points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(L.STATUS[row.status])
        label = point.data_label
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        label.text_frame.text = row.value_text
        for run in label.text_frame.paragraphs[0].runs:
            run.font.size, run.font.bold, run.font.name = Pt(L.SIZE["axis"]), True, FONT
    _legend(slide, block.legend, L.Box(box.x, box.y + box.h - legend_h, box.w, legend_h))


def _position(slide, block: Position, box: L.Box) -> None:
    lines = [(block.figure, L.SIZE["position"], True, L.ACCENT),
             (block.text, L.SIZE["text"], False, L.INK),
             (block.value_line, L.SIZE["text"], True, L.INK)]
    if block.detail:
        lines.append((block.detail, L.SIZE["caption"], False, L.MUTED))
    _text(slide, box, lines)


def _table(slide, block: Table, box: L.Box) -> None:
    y = 0
    heads = [(block.title, L.SIZE["text"], True, L.INK)] if block.title else []
    if block.caption:
        heads.append((block.caption, L.SIZE["caption"], False, L.MUTED))
    if heads:
        _text(slide, box.top(64), heads)
        y = 70
    area = box.below(y)
    size = L.SIZE["table"]
    widths = L.column_widths(block.columns, size, area.w)
    name_at = block.columns.index("name")
    rows = len(block.rows) + 1
    table = slide.shapes.add_table(rows, len(widths), Pt(area.x), Pt(area.y), Pt(area.w),
                                   Pt(min(area.h, 28 * rows))).table
    for i, w in enumerate(widths):
        table.columns[i].width = Pt(w)
    for r in range(rows):
        table.rows[r].height = Pt(26)

    def cell(r: int, c: int, text: str, bold=False, colour=L.INK, fill="#FFFFFF"):
        target = table.cell(r, c)
        target.fill.solid()
        target.fill.fore_color.rgb = _rgb(fill)
        target.margin_left = target.margin_right = Pt(5)
        target.margin_top = target.margin_bottom = Pt(2)
        target.vertical_anchor = MSO_ANCHOR.MIDDLE
        p = target.text_frame.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER if block.columns[c] == "rank" else \
            PP_ALIGN.LEFT if c == name_at else PP_ALIGN.RIGHT
        _run(p, text, size, bold, colour)

    for c, head in enumerate(block.headers):
        cell(0, c, head, bold=True, fill=L.HEADER_FILL)
    for r, row in enumerate(block.rows, start=1):
        texts = {"rank": (str(row.rank), False, L.INK), "name": (row.name, False, L.INK),
                 "value": (row.value_text, True, L.INK),
                 "volume": (row.volume_text, False, L.INK),
                 "target": (row.target_text, False, L.INK),
                 "gap": (row.gap_text, True, L.STATUS[row.status])}
        for c, column in enumerate(block.columns):
            text, bold, colour = texts[column]
            cell(r, c, text, bold=bold, colour=colour)


def pptx_bytes(deck: Deck) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(L.WIDTH), Pt(L.HEIGHT)
    prs.core_properties.title = deck.title
    prs.core_properties.author = ""
    blank = prs.slide_layouts[6]
    for slide_model in deck.slides:
        slide = prs.slides.add_slide(blank)
        _rect(slide, L.Box(0, 0, L.WIDTH, 8), L.ACCENT)
        _text(slide, L.TITLE, [(slide_model.title, L.SIZE["title"], True, L.INK)])
        _text(slide, L.SUBTITLE, [(slide_model.subtitle, L.SIZE["subtitle"], False, L.MUTED)])
        _text(slide, L.FOOTER, [(slide_model.footer, L.SIZE["footer"], False, L.MUTED)])
        _text(slide, L.PAGE, [(slide_model.page, L.SIZE["footer"], False, L.MUTED)],
              align=PP_ALIGN.RIGHT)
        for block, box in L.place(slide_model):
            draw = {Cover: _cover, Tiles: _tiles, Trend: _trend, Bars: _bars,
                    Position: _position, Table: _table}[type(block)]
            draw(slide, block, box)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
