"""The briefing pack's pure parts: its texts are the page's (components/kpi.py), ranks and
axes are worked out right, file names are ASCII, notes stay short enough for a slide."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.context import PageContext
from components.kpi import change_text, target_text
from data_access.briefing import file_stem
from data_access.briefing import layout as L
from domain import briefing as b
from domain.figures import Figure
from domain.metrics import METRICS
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.targets import Target

RATE = METRICS["full_online_rate"]
Q1 = MonthRange(Month(2024, 1), Month(2024, 3))


def ctx(lang: str) -> PageContext:
    return PageContext(lang, Q1, {}, "app.py")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fig", [
    Figure(RATE, 0.648, 0.125, Target(2024, "nation", None, "full_online_rate", 0.5)),
    Figure(RATE, 0.273, 0.2731, Target(2024, "localities", None, "full_online_rate", 0.3)),  # 0,0
    Figure(METRICS["received_new"], 1550, 240),
    Figure(METRICS["pending_late"], 6, None),
    Figure(RATE, None, None),
])
def test_tile_texts_are_the_page_tiles(lang, fig):
    tile = b.tile(fig, 2023, lang)
    page_change = change_text(ctx(lang), fig)
    assert tile.change == page_change
    page_target = target_text(ctx(lang), fig)
    if page_target is None:
        assert tile.target is None
    else:  # the page marks the status up (":red[**…**]"); the slide colours it
        assert page_target.startswith(tile.target)
        assert (tile.target_status or "") in page_target


def test_a_change_that_reads_zero_has_no_verdict():
    tile = b.tile(Figure(RATE, 0.273, 0.2731), 2023, "vi")
    assert tile.change == "0,0 điểm % (không đổi)" and tile.good is None


def test_value_rank_best_first_ties_share():
    frame = pd.DataFrame({"key": ["a", "b", "c", "d"], "value": [0.5, 0.7, 0.5, None]})
    assert b.value_rank(frame, "b", RATE) == (1, 3)
    assert b.value_rank(frame, "a", RATE) == (2, 3) == b.value_rank(frame, "c", RATE)
    assert b.value_rank(frame, "d", RATE) is None  # no figure, no place
    late = METRICS["pending_late_share"]  # better when lower
    assert b.value_rank(frame, "b", late) == (3, 3)


def test_value_axis_is_round_from_zero():
    assert L.value_axis([0.243, 0.25], None, True) == (0.0, 0.3, 0.1)
    assert L.ticks(0.0, 0.3, 0.1) == [0.0, 0.1, 0.2, 0.3]  # 0.1 × 3 is not 0.3 in floats
    assert L.value_axis([0.045], None, True)[1:] == (0.1, 0.05)
    assert L.value_axis([0.72], 0.85, True) == (0.0, 1.0, 0.2)  # the target fits too
    assert L.value_axis([None], None, True) == (0.0, 0.1, 0.05)


def test_a_figure_keeps_its_size_and_its_word_shrinks():
    assert L.split_value("584,4 nghìn") == ("584,4", " nghìn")
    assert L.split_value("17.8 million") == ("17.8", " million")
    assert L.split_value("1.595") == ("1.595", "")
    assert L.split_value("chưa có số liệu") == ("chưa có số liệu", "")


def test_a_long_figure_stays_on_one_line_at_40_pt_or_more():
    from data_access.briefing.pdf import text_width

    big, small = L.fit_value("135.3", " thousand", 260, text_width)
    assert big >= 40 and small < L.SIZE["tile_unit"]
    assert text_width("135.3", big, True) + text_width(" thousand", small, True) <= 260
    assert L.fit_value("40,2%", "", 260, text_width) == (L.SIZE["tile_value"],
                                                         L.SIZE["tile_unit"])


def test_file_names_are_named_like_every_download():
    rng = MonthRange(Month(2026, 1), Month(2026, 10))
    assert file_stem([("province", "34:24", "Bắc Ninh")], rng, "vi") == \
        "tinh_34-24_bac-ninh_bao-cao_2026-01_2026-10"
    assert file_stem([("nation", "34", "")], rng, "en") == \
        "nation_34_briefing_2026-01_2026-10"


def test_communes_of_the_same_name_are_told_apart():
    agencies = pd.DataFrame({"key": [1, 2, 3, 4], "code": ["H1", "H2", "X1", "X2"],
                             "label": ["Quận 1", "Quận 3", "UBND Phường 1", "UBND Phường 1"],
                             "parent_id": [None, None, 1, 2]})
    assert list(b.unique_labels(agencies)) == ["Quận 1", "Quận 3", "UBND Phường 1 – Quận 1",
                                               "UBND Phường 1 – Quận 3"]


def test_a_note_names_the_latest_incomplete_months():
    rows = [{"month": date(2026, m, 1), "reported": 10 * m, "expected": 126} for m in range(5, 11)]
    text = b.partial_months_text(rows, "vi")
    assert text.startswith("08/2026: 80/126 đơn vị đã báo cáo; 09/2026")
    assert text.endswith("10/2026: 100/126 đơn vị đã báo cáo (và 3 tháng trước đó)")


def facts(**extra) -> b.Facts:
    base = dict(lang="vi", scope=Scope(units="63"), rng=Q1, units="63", focus="full_online_rate",
                kind=None, level=None, names={}, targets=(), now={}, before=None,
                trend_rng=Q1, trend=pd.DataFrame({"key": []}),
                status={"sample": False, "loads": []}, complete=Month(2024, 3),
                coverage={"month": date(2024, 3, 1), "reported": 3, "expected": 4},
                created=date(2026, 11, 30))
    return b.Facts(**base | extra)


def test_a_view_without_ranking_has_three_slides():
    deck = b.build(facts())
    assert [s.title for s in deck.slides] == ["Báo cáo tóm tắt", "Chỉ số chính",
                                              "Diễn biến theo tháng"]
    assert all(s.footer.endswith("03/2024: 3/4 đơn vị đã báo cáo.") for s in deck.slides)
    assert [s.page for s in deck.slides] == ["Trang 1/3", "Trang 2/3", "Trang 3/3"]
    tiles = deck.slides[1].blocks[0].tiles
    assert {t.value for t in tiles} == {"chưa có số liệu"}


def test_the_unit_is_placed_among_its_siblings():
    siblings = pd.DataFrame({"key": ["63:01", "63:79"], "label": ["Hà Nội", "TP HCM"],
                             "kind": ["province"] * 2, "locality_code": ["63:01", "63:79"],
                             "received_full_online": [120.0, 85.0],
                             "received_new": [440.0, 110.0]})
    deck = b.build(facts(scope=Scope(locality="63:01", units="63"), kind="province",
                         names={("locality", "63:01"): "Hà Nội"},
                         now={"received_full_online": 120.0, "received_new": 440.0},
                         targets=(Target(2024, "localities", None, "full_online_rate", 0.3),),
                         siblings=b.Group(siblings, "locality")))
    position = next(s for s in deck.slides if s.title == "Xếp hạng").blocks[0]
    assert position.figure == "Thứ 2/2"
    assert position.text.startswith("Hà Nội trong các tỉnh, thành phố")
    assert position.value_line == ("Tỷ lệ hồ sơ trực tuyến toàn trình (EMC): 27,3% · "
                                   "Chỉ tiêu 2024: 30% · Còn thiếu 2,7 điểm %")
    assert position.detail.startswith("Hạng 1/2")  # the furthest behind its target
