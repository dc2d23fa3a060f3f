"""The briefing pack from the command line, on the hand-made fixture: its figures are those of
data_access.stats written as the page's tiles write them, every slide names the source and
the data's date, the PowerPoint has native charts, the PDF the same slides in an embedded font
with Vietnamese letters, and a request it cannot answer is refused with one line, exit status
1 and no file."""
from __future__ import annotations

import base64
import errno
import re
import zlib
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from components.context import PageContext
from components.kpi import change_text
from data_access import catalog, export, stats
from data_access.briefing import cli
from data_access.db import Database
from domain import targets as tg
from domain.figures import figure, metric_frame
from domain.formatting import fmt_metric
from domain.metrics import HEADLINE, METRICS, measures_for
from domain.periods import Month, MonthRange
from domain.scope import Scope

Q1 = MonthRange(Month(2024, 1), Month(2024, 3))
ARGS = ["--from", "2024-01", "--to", "2024-03"]
FOOTER = ["Nguồn số liệu: báo cáo do các đơn vị nạp (1 lần nạp).", "Cập nhật: 22/11/2026.",
          "Số liệu đầy đủ đến hết 03/2024."]


# --- reading the files back ------------------------------------------------------------------

def pptx_slides(path: Path) -> list[list[str]]:
    """Every text of each slide: text boxes (one entry a paragraph), table cells, and the
    charts' categories and data labels."""
    out = []
    for slide in Presentation(path).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
            if shape.has_chart:
                plot = shape.chart.plots[0]
                texts += list(plot.categories)
                for series in plot.series:
                    texts += [p.data_label.text_frame.text for i, p in enumerate(series.points)
                              if p.data_label.has_text_frame]
        out.append([text for text in texts if text])
    return out


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, read through the fonts' ToUnicode maps (no PDF reader is
    installed: reportlab writes the streams ASCII85 + Flate and one Tj per run of text)."""
    objs = {int(n): b for n, b in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}

    def stream(num: int) -> bytes:
        head, _, rest = objs[num].partition(b"stream")
        raw = rest.split(b"endstream")[0].strip(b"\r\n")
        if b"ASCII85Decode" in head:
            raw = base64.a85decode(raw.strip().removesuffix(b"~>"))
        return zlib.decompress(raw) if b"FlateDecode" in head else raw

    def to_unicode(font: int) -> dict | None:
        ref = re.search(rb"/ToUnicode (\d+) 0 R", objs[font])
        if ref is None:
            return None
        text = stream(int(ref.group(1))).decode("latin-1")
        return {int(a, 16): chr(int(b, 16))
                for a, b in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>", text)}

    pages = []
    for body in (b for _, b in sorted(objs.items()) if re.search(rb"/Type /Page\b", b)):
        resources = objs[int(re.search(rb"/Font (\d+) 0 R", body).group(1))]
        fonts = {name.decode(): to_unicode(int(ref))
                 for name, ref in re.findall(rb"/(\S+?) (\d+) 0 R", resources)}
        content = stream(int(re.search(rb"/Contents (\d+) 0 R", body).group(1)))
        text, font = [], None
        for m in re.finditer(r"/(\S+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj|(T\*|Td|TD|ET)",
                             content.decode("latin-1")):
            if m.group(1):
                font = fonts.get(m.group(1))
            elif m.group(3):
                text.append("\n")
            else:
                raw = re.sub(r"\\([0-7]{1,3}|.)", lambda e: chr(int(e.group(1), 8))
                             if e.group(1)[0].isdigit() else e.group(1), m.group(2))
                # a font without a map to Unicode is not ours: its letters read as unknown
                text.append("".join((font or {}).get(ord(c), "\ufffd") for c in raw))
        pages.append(re.sub(r"\n+", "\n", "".join(text)))
    return pages


def pdf_page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", data))


# --- making packs ------------------------------------------------------------------------------

@pytest.fixture
def make(tmp_path, duck_fixture_path, monkeypatch, capsys):
    """Runs the command line on the fixture: (exit status, the file or None, stderr)."""
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    (tmp_path / "out").mkdir()

    def run(*args: str, fmt: str = "pptx", out: str | None = None):
        target = Path(out) if out else tmp_path / "out" / f"pack.{fmt}"
        if target.is_file() and not out:
            target.unlink()
        code = cli.main([*args, "--format", fmt, "--out", str(target)])
        err = capsys.readouterr().err
        return code, (target if target.is_file() else None), err
    return run


@pytest.fixture
def duck_db(duck_fixture_path):
    db = Database(f"duckdb:///{duck_fixture_path}")
    yield db
    db.dispose()


def expected_tiles(db: Database, scope: Scope, kind: str | None, before: bool = True) -> list:
    """The headline figures as the level page computes them (components/level.py)."""
    measures = measures_for(HEADLINE)
    now = stats.totals(db, scope, Q1, measures).iloc[0].to_dict()
    then = stats.totals(db, scope, Q1.year_earlier(), measures).iloc[0].to_dict() \
        if before else None
    targets = catalog.target_list(db)
    return [figure(m, now, then, tg.applicable(targets, METRICS[m], 2024, kind=kind,
                                               locality=scope.locality)) for m in HEADLINE]


def ctx(lang: str = "vi") -> PageContext:
    return PageContext(lang, Q1, {}, "app.py")


# --- the figures ---------------------------------------------------------------------------------

def test_nation_pack_has_the_page_figures(make, duck_db):
    code, path, err = make("--level", "nation", *ARGS)
    assert code == 0, err
    slides = pptx_slides(path)
    assert [s[0] for s in slides] == ["Báo cáo tóm tắt", "Chỉ số chính", "Diễn biến theo tháng",
                                      "Xếp hạng", "Bảng xếp hạng",
                                      "Cơ quan và thủ tục yếu nhất"]
    tiles = slides[1]
    for fig in expected_tiles(duck_db, Scope(units="63"), None):
        # the tile's value (compact, as the page's tile) and its change, as components/kpi
        assert fmt_metric(fig.metric, fig.value, "vi", compact=True) in "\n".join(tiles)
        change = change_text(ctx(), fig) or "chưa có số liệu cùng kỳ"
        assert any(text.startswith(change) for text in tiles), fig.metric.id
    # worked out by hand from tests/fixture_data.py: 1.550 dossiers, 1.005 of them full-process
    assert "1.550" in tiles and "64,8%" in tiles
    assert "+545,8% (thay đổi) so với cùng kỳ năm 2023" in tiles
    assert "Chỉ tiêu 2024: 50% · Đạt chỉ tiêu" in tiles  # the national target


def test_province_pack_ranks_it_among_the_provinces(make, duck_db):
    code, path, err = make("--level", "province", "--province", "79", *ARGS)
    assert code == 0, err
    slides = pptx_slides(path)
    assert "TP. Hồ Chí Minh (trước 01/07/2025)" in slides[0]  # the unit, on the cover
    tiles = slides[1]
    scope = Scope(locality="63:79", units="63")
    # January is not complete in TP HCM (it reported from February): no comparison, as the page
    for fig in expected_tiles(duck_db, scope, "province", before=False):
        assert fmt_metric(fig.metric, fig.value, "vi", compact=True) in tiles
    assert tiles.count("chưa có số liệu cùng kỳ") == len(HEADLINE)
    assert "110" in tiles and "77,3%" in tiles  # 85 of 110 full-process
    assert "Chỉ tiêu 2024: 40% · Đạt chỉ tiêu" in tiles  # its own target, not the localities'
    rank = slides[3]
    # 77,3% against Hà Nội's 27,3%: first by value; second by gap (Hà Nội is behind its 30%)
    assert "Thứ 1/2" in rank
    assert any(line.startswith("Hạng 2/2 trong bảng xếp hạng") for line in rank)
    weakest = slides[5]
    assert "Sở Tư pháp" in weakest and "Đăng ký khai sinh" in weakest


def test_trend_and_ranking_are_native_charts(make, duck_db):
    code, path, _ = make("--level", "nation", *ARGS)
    assert code == 0
    charts = {type(s.chart.plots[0]).__name__: s.chart for slide in Presentation(path).slides
              for s in slide.shapes if s.has_chart}
    assert set(charts) == {"LinePlot", "BarPlot"}
    line = charts["LinePlot"].plots[0]
    months = MonthRange(Month(2023, 4), Month(2024, 3)).months()  # the page's 12 months
    assert list(line.categories) == [f"{m.month:02d}/{m.year}" for m in months]
    monthly = metric_frame(stats.totals(duck_db, Scope(units="63"), Q1,
                                        measures_for(["full_online_rate"]), by="month"),
                           ["full_online_rate"])
    values = list(line.series[0].values)
    assert values[:9] == [None] * 9
    assert values[9:] == pytest.approx(list(monthly["full_online_rate"]))
    assert list(line.series[1].values) == [0.5] * 12  # the 2024 national target
    bars = charts["BarPlot"].plots[0]
    # the three units, the weakest value first (as the page's chart): Hà Nội, TP HCM, Bộ TP
    assert list(bars.categories) == ["Hà Nội (trước 01/07/2025)",
                                     "TP. Hồ Chí Minh (trước 01/07/2025)", "Bộ Tư pháp"]
    assert list(bars.series[1].values) == pytest.approx([120 / 440, 85 / 110, 0.8])
    assert list(bars.series[0].values) == pytest.approx([0.3, 0.4, 0.7])  # their targets


def test_every_slide_names_the_source_and_the_data_date(make):
    for args, coverage in ((["--level", "nation"], "03/2024: 4/4 đơn vị đã báo cáo."),
                           (["--level", "province", "--province", "79"],
                            "03/2024: 1/1 đơn vị đã báo cáo.")):
        code, path, _ = make(*args, *ARGS)
        assert code == 0
        for slide in pptx_slides(path):
            footer = next(t for t in slide if t.startswith("Nguồn số liệu"))
            assert all(part in footer for part in FOOTER + [coverage]), footer
        code, path, _ = make(*args, *ARGS, fmt="pdf")
        for page in pdf_pages(path.read_bytes()):
            flat = page.replace("\n", " ")
            assert all(part in flat for part in FOOTER + [coverage]), flat


def test_pdf_shows_the_same_slides_in_an_embedded_font(make):
    _, pptx, _ = make("--level", "nation", *ARGS)
    code, pdf, _ = make("--level", "nation", *ARGS, fmt="pdf")
    assert code == 0
    data = pdf.read_bytes()
    slides = pptx_slides(pptx)
    pages = pdf_pages(data)
    assert pdf_page_count(data) == len(pages) == len(slides)
    assert b"/FontFile2" in data  # embedded TrueType, subset
    assert {b"AAAAAA+DejaVuSans", b"AAAAAA+DejaVuSans-Bold"} <= set(
        re.findall(rb"/BaseFont /(\S+)", data))
    for slide, page in zip(slides, pages):
        assert page.startswith(slide[0])  # the title
        assert "\ufffd" not in page  # all text in DejaVu Sans, every letter mapped back
    headline = pages[1].replace("\n", " ")
    for text in ("Tỷ lệ hồ sơ trực tuyến", "1.550", "64,8%", "+52,3 điểm % (tốt lên)",
                 "Chỉ tiêu 2024: 50%", "Đạt chỉ tiêu"):
        assert text in headline
    assert "Hà Nội (trước 01/07/2025)" in pages[4] and "-2,7 điểm %" in pages[4]


def test_slides_read_across_a_room(make):
    code, path, _ = make("--level", "province", "--province", "01", *ARGS)
    assert code == 0
    prs = Presentation(path)
    assert (prs.slide_width, prs.slide_height) == (Pt(960), Pt(540))  # 16:9
    for slide in prs.slides:
        title = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text)
        assert title.text_frame.paragraphs[0].runs[0].font.size >= Pt(32)
    tiles = [s for s in prs.slides[1].shapes if s.has_text_frame and len(
        s.text_frame.paragraphs) >= 3]
    assert len(tiles) == len(HEADLINE)
    for tile in tiles:  # the figure: the tile's second paragraph
        assert tile.text_frame.paragraphs[1].runs[0].font.size >= Pt(40)


def test_english(make):
    code, path, err = make("--level", "nation", *ARGS, "--lang", "en")
    assert code == 0, err
    slides = pptx_slides(path)
    assert slides[1][0] == "Headline figures"
    assert "1,550" in slides[1] and "64.8%" in slides[1]
    assert "Target 2024: 50% · Target met" in slides[1]
    assert any(t.startswith("Data source: reports loaded by the units") for t in slides[2])


def test_history_in_the_units_of_today(make):
    """--units 34 reads the code among the 34: TP HCM of today, its old province's figures."""
    code, path, err = make("--level", "province", "--province", "79", "--units", "34", *ARGS)
    assert code == 0, err
    slides = pptx_slides(path)
    assert "TP. Hồ Chí Minh" in slides[0]
    assert any("34 tỉnh, thành phố" in t for t in slides[1])
    assert "77,3%" in slides[1]


def test_the_default_file_name_names_the_unit_and_period(duck_fixture_path, monkeypatch,
                                                        tmp_path):
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert cli.main(["--level", "province", "--province", "01", *ARGS, "--format", "pdf"]) == 0
    assert [p.name for p in (tmp_path / "here").iterdir()] == [
        "tinh_63-01_ha-noi_bao-cao_2024-01_2024-03.pdf"]


# --- refusals ----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--level", "province", "--province", "99"],
     "Không có tỉnh, thành phố hoặc bộ, ngành nào mã 99"),
    (["--level", "agency", "--agency", "999999"], "Không có cơ quan nào số 999999"),
    (["--level", "agency", "--agency", "abc"], "Không có cơ quan nào số abc"),
    (["--level", "procedure", "--procedure", "9.999999"], "Không có thủ tục nào mã 9.999999"),
    (["--level", "agency"], "--level agency cần --agency."),
    (["--level", "nation", "--province", "01"], "--province không dùng với --level nation"),
    (["--level", "nation", "--metric", "received_new"], "Chỉ số “received_new” không dùng"),
])
def test_unknown_codes_are_refused(make, args, message):
    code, path, err = make(*args, *ARGS)
    assert (code, path) == (1, None)
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("first, last, message", [
    ("2024-13", "2024-03", "Tháng không hợp lệ: “2024-13”"),
    ("2024-03", "2024-01", "Kỳ kết thúc (2024-01) trước khi bắt đầu (2024-03)."),
    ("2024-01", "2030-12", "Số liệu có từ 01/2023 đến 03/2024"),
])
def test_bad_periods_are_refused(make, first, last, message):
    code, path, err = make("--level", "nation", "--from", first, "--to", last)
    assert (code, path) == (1, None)
    assert message in err and "Traceback" not in err


def test_a_file_that_cannot_be_written_is_refused(make, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    code, _, err = make("--level", "nation", *ARGS, out=str(folder / "missing" / "x.pptx"))
    assert code == 1 and "không có thư mục" in err and "Traceback" not in err
    code, _, err = make("--level", "nation", *ARGS, out=str(folder))
    assert code == 1 and "là một thư mục" in err
    # a write refused at the last step (a folder the user may not write to; the tests may run
    # as root, whom permissions do not stop): the old file stays, no part of the new one
    old = folder / "pack.pdf"
    old.write_bytes(b"old")

    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(export.os, "replace", denied)
    code, _, err = make("--level", "nation", *ARGS, out=str(old), fmt="pdf")
    assert code == 1 and "không có quyền ghi" in err and "Traceback" not in err
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["pack.pdf"]


def test_a_pack_replaces_the_old_file_whole(make, tmp_path):
    out = tmp_path / "out" / "pack.pptx"
    out.write_bytes(b"old")
    code, path, _ = make("--level", "nation", *ARGS, out=str(out))
    assert code == 0 and path.read_bytes()[:2] == b"PK"  # a zip: the .pptx
    assert sorted(p.name for p in out.parent.iterdir()) == ["pack.pptx"]  # no temporary file


def test_without_a_target_the_page_ranking_is_said_to_be_by_value(make):
    """2023 has no target: the page ranks by value, and the slide says so rather than "by gap"."""
    code, path, err = make("--level", "province", "--province", "01", "--from", "2023-01",
                           "--to", "2023-03")
    assert code == 0, err
    ranks = next(s for s in pptx_slides(path) if s[0] == "Xếp hạng")
    assert any("chưa có chỉ tiêu: xếp theo giá trị" in text for text in ranks), ranks
    assert not any("khoảng cách tới chỉ tiêu" in text for text in ranks)
