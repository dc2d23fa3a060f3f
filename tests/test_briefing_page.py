"""The briefing pack from a level page: two download buttons named for the unit and period,
whose files carry the figures the page shows — its tiles, and its ranking."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import data
from data_access.briefing.gather import COVERAGE_MONTHS
from domain.metrics import HEADLINE, METRICS
from tests.apptest import run
from tests.test_briefing_pack import pdf_page_count, pdf_pages, pptx_slides

ROOT = Path(__file__).resolve().parent.parent
Q1 = {"from": "2024-01", "to": "2024-03"}


def tiles(at: AppTest, lang: str = "vi") -> list:
    """The headline tiles: the run of tiles labelled as HEADLINE (the overview shows the
    blocks' tiles before them, every level the payment tiles after)."""
    labels = [METRICS[m].label(lang) for m in HEADLINE]
    metrics = list(at.metric)
    start = next(i for i in range(len(metrics)) if [
        m.label for m in metrics[i:i + len(labels)]] == labels)
    return metrics[start:start + len(labels)]


def unpack(tmp_path: Path, files: dict, name: str) -> Path:
    build = files[name]
    assert callable(build)  # built when clicked, not on every view of the page
    path = tmp_path / name
    path.write_bytes(build())
    return path


@pytest.mark.parametrize("page, params, stem", [
    ("pages/province.py", {"province": "01"}, "tinh_63-01_ha-noi_bao-cao_2024-01_2024-03"),
    ("app.py", {}, "ca-nuoc_63_bao-cao_2024-01_2024-03"),
    ("pages/agency.py", {"agency": "3"}, "co-quan_79-s02_so-tu-phap_bao-cao_2024-01_2024-03"),
    ("pages/procedure.py", {"procedure": "1.001193", "province": "79"},
     "tinh_63-79_tp-ho-chi-minh_thu-tuc_1.001193_dang-ky-khai-sinh_bao-cao_2024-01_2024-03"),
])
def test_the_pack_carries_the_page_tiles(app_db, downloads, tmp_path, page, params, stem):
    at = run(page, **params, **Q1)
    assert not at.exception and not at.error
    labels = [b.label for b in at.get("download_button")]
    assert "Tải bản trình bày (PowerPoint)" in labels and "Tải bản trình bày (PDF)" in labels
    assert {f"{stem}.pptx", f"{stem}.pdf"} <= set(downloads), list(downloads)
    slides = pptx_slides(unpack(tmp_path, downloads, f"{stem}.pptx"))
    shown = slides[1]
    for tile in tiles(at):
        assert tile.label in shown
        assert tile.value in shown, (tile.label, tile.value)  # "1.550", "27,3%"
        if tile.delta:  # "+30,3 điểm % (tốt lên)", followed by "so với cùng kỳ năm 2023"
            assert any(text.startswith(tile.delta) for text in shown), tile.delta
    pdf = unpack(tmp_path, downloads, f"{stem}.pdf").read_bytes()
    assert pdf_page_count(pdf) == len(slides)
    assert all(tile.value in pdf_pages(pdf)[1].split("\n") for tile in tiles(at))


def test_the_pack_ranks_as_the_page_does(app_db, downloads, tmp_path):
    at = run("pages/province.py", province="01", **Q1)
    table = next(d.value for d in at.dataframe if "Hạng" in d.value.columns)
    slides = pptx_slides(unpack(tmp_path, downloads,
                                "tinh_63-01_ha-noi_bao-cao_2024-01_2024-03.pptx"))
    ranking = next(s for s in slides if s[0] == "Bảng xếp hạng")
    # rank, name and value of each row, as the page's table lists them
    for _, row in table.iterrows():
        at_rank = ranking.index(str(row["Hạng"]))
        assert ranking[at_rank + 1] == row["Tên"]
        assert ranking[at_rank + 2] == f"{row.iloc[2] * 100:.1f}%".replace(".", ",")


def test_english_page_english_pack(app_db, downloads, tmp_path):
    at = run("app.py", lang="en", **Q1)
    assert "Download the briefing (PowerPoint)" in [b.label for b in at.get("download_button")]
    slides = pptx_slides(unpack(tmp_path, downloads, "nation_63_briefing_2024-01_2024-03.pptx"))
    assert slides[1][0] == "Headline figures" and "1,550" in slides[1]


def test_the_pack_looks_back_as_far_as_the_pages():
    """Months before the pages' coverage window are not flagged on the page, nor in the pack."""
    assert COVERAGE_MONTHS == data.COVERAGE_MONTHS
