"""The groups recomputed from the hand-made statistics (tests/test_index766_fixture.py, where
every figure is worked out), beside the published scores, on DuckDB, SQLite and PostgreSQL;
where the points are lost; the command line `python -m data_access.index766 --period …`; and
a load that replaces scores, on each database."""
import io
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_access import index766 as store
from domain import index766 as I
from domain.scope import Scope
from tests.conftest import DIALECTS, make_db
from tests.test_index766_fixture import EXPECTED, OCTOBER, UNIT, UNIT_GROUPS, W43, build


@pytest.fixture(scope="module", params=DIALECTS)
def db(request, tmp_path_factory):
    database = make_db(request.param, tmp_path_factory.mktemp(f"i766_{request.param}"))
    build(database)
    yield database
    database.dispose()


def test_recomputed_groups_of_the_unit(db):
    board = store.board(db, W43).set_index("key")
    row = board.loc[UNIT]
    for g, value in EXPECTED.items():
        assert row[f"recomputed_{g}"] == pytest.approx(value, abs=1e-9), g
    assert row["recomputed_total"] == pytest.approx(sum(EXPECTED.values()))
    assert (row["rank"], row["rank_of"], row["total"], row["band"]) == (23, 34, 84.5, "good")
    assert not row["rank_computed"]
    for g in I.RECOMPUTABLE:  # official − recomputed × max / recomputable max
        assert row[f"diff_{g}"] == pytest.approx(
            UNIT_GROUPS[g] - EXPECTED[g] * I.GROUP[g].points / I.recomputable_max(g)), g
    assert row["diff_online_payment"] == pytest.approx(5.0)  # 9.0 − 2.4 × 10 / 6
    # Hà Nội's department: everything on time and digitised; no fee-bearing dossier at all,
    # so its payment group cannot be recomputed (blank, not zero)
    hanoi = board.loc["34:01"]
    assert hanoi["recomputed_progress"] == 20 and hanoi["recomputed_digitisation"] == 14
    assert pd.isna(hanoi["recomputed_online_payment"]) and pd.isna(hanoi["recomputed_total"])
    assert set(board["level"]) == {"province", "ministry"}
    assert len(board[board["level"] == "province"]) == 34


def test_the_unit_and_its_agencies(db):
    board = store.board(db, W43, UNIT)
    assert board["key"].tolist()[0] == UNIT
    agencies = board.iloc[1:].set_index("key")
    assert set(agencies.index) == {1, 2, 3}
    assert agencies.loc[2, "level"] == "agency_commune"
    assert (agencies.loc[2, "total"], agencies.loc[2, "rank"]) == (80.5, 2)
    assert pd.isna(agencies.loc[1, "total"])  # the department has no published score
    # agency 3: all on time, 36 of 50 full-process, no fee-bearing dossier
    assert agencies.loc[3, "recomputed_progress"] == 20
    assert agencies.loc[3, "recomputed_online_services"] == pytest.approx(12 * 36 / 50)


def test_where_the_digitisation_points_are_lost(db):
    scope = Scope(locality=UNIT, units="34")
    unit = store.recomputed(db, scope, OCTOBER.month)
    by_agency = store.recomputed(db, scope, OCTOBER.month, by="agency")
    lost = I.losses(by_agency.assign(key=by_agency["key"].astype("int64")), unit,
                    "digitisation")
    assert lost["key"].tolist() == [2, 1, 3]
    expected = {2: 480 / 295 + 50 / 66 + 0.575 + 115 / 150,
                1: 120 / 295 + 5 / 66 + 0.15 + 0.2, 3: 0.025 + 5 / 150}
    assert lost["lost"].tolist() == pytest.approx([expected[k] for k in (2, 1, 3)])
    assert lost["lost"].sum() == pytest.approx(14 - EXPECTED["digitisation"])
    assert lost["worst"].tolist()[:2] == ["e_results", "e_results"]
    procs = store.recomputed(db, scope.with_(agency=2), OCTOBER.month, by="procedure")
    pairs = I.losses(procs, unit, "digitisation").set_index("key")
    assert pairs.loc["1.001193", "lost"] == pytest.approx(300 / 295 + 60 / 110 * 5 / 6
                                                          + 0.35 + 70 / 150)
    assert pairs["lost"].sum() == pytest.approx(expected[2])
    # as the page reads it: agencies, procedures and agency × procedure, largest first
    lost = store.where_lost(db, scope, OCTOBER.month, "digitisation")
    assert lost["agencies"][["key", "level"]].values.tolist() == [
        [2, "commune"], [1, "province"], [3, "commune"]]
    top = lost["pairs"].iloc[0]
    assert (top["agency"], top["key"]) == (2, "1.001193")
    assert top["lost"] == pytest.approx(pairs.loc["1.001193", "lost"])
    assert lost["procedures"]["key"].tolist() == ["1.001193", "1.004227"]
    assert lost["procedures"]["lost"].sum() == pytest.approx(14 - EXPECTED["digitisation"])


def run_cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = store.main(list(args))
        except SystemExit as exc:  # argparse
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_cli_csv_one_row_per_unit(db, tmp_path):
    out = tmp_path / "w43.csv"
    code, _, err = run_cli("--period", "2026-W43", "--format", "csv", "--out", str(out),
                           "--url", db.url)
    assert code == 0, err
    frame = pd.read_csv(out, dtype={"Mã": str}, encoding="utf-8-sig")
    assert len(frame) == 35  # the 34 and the one ministry with a score or statistics
    row = frame[frame["Mã"] == "24"].iloc[0]
    assert row["Đơn vị"] == "Bắc Ninh" and row["Xếp hạng"] == 23 and row["Trên số đơn vị"] == 34
    assert row["Tổng điểm"] == 84.5 and row["Xếp loại"] == "Tốt"
    assert row["Số hóa hồ sơ — tính lại (/14)"] == pytest.approx(9.38)
    assert row["Thanh toán trực tuyến — chênh lệch"] == pytest.approx(5.0)
    assert row["Tổng tính lại (/58)"] == pytest.approx(39.18)
    assert frame["Cấp"].iloc[0] == "Tỉnh, thành phố" and frame["Xếp hạng"].iloc[0] == 1
    assert frame["Cấp"].iloc[-1] == "Bộ, ngành"  # provinces first, best first; then ministries


def test_cli_province_and_xlsx(db, tmp_path):
    out = tmp_path / "bn.xlsx"
    code, _, err = run_cli("--period", "2026-W43", "--province", "24", "--format", "xlsx",
                           "--out", str(out), "--lang", "en", "--url", db.url)
    assert code == 0, err
    ws = load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r[0] == "Code")
    table = pd.DataFrame(rows[head + 1:], columns=rows[head])
    assert table["Code"].tolist()[0] == "24" and table["Unit"].tolist()[0] == "Bac Ninh"
    assert set(table["Code"][1:]) == {"24-S02", "24-X07582", "24-X09529"}
    assert "Ranks are relative" in " ".join(str(r[0]) for r in rows[:head])


def test_cli_refusals(db):
    code, _, err = run_cli("--period", "2026-W43", "--province", "45", "--url", db.url)
    assert code == 1 and "44" in err  # old Quảng Trị: say what it became
    code, _, err = run_cli("--period", "2026-W43", "--province", "99", "--url", db.url)
    assert code == 1 and "99" in err
    code, _, err = run_cli("--period", "2024-W10", "--url", db.url)
    assert code == 1 and "Tuần 10/2024" in err  # nothing published, no statistics
    code, _, err = run_cli("--period", "2026-13", "--url", db.url)
    assert code == 2
    code, out, err = run_cli("--period", "2026-W44", "--url", db.url)
    assert code == 1


def test_cli_month_recomputes_without_published_scores(db, tmp_path):
    """A month with statistics but no scores: the recomputed groups, and a warning."""
    code, out, err = run_cli("--period", "2026-01", "--url", db.url)
    assert code == 0 and "Chưa nạp điểm công bố" in err
    frame = pd.read_csv(io.StringIO(out), dtype={"Mã": str})
    hanoi = frame[frame["Mã"] == "01"].iloc[0]
    assert hanoi["Tiến độ, kết quả giải quyết — tính lại (/20)"] == 20


def test_load_and_replace_on_every_database(db):
    """The load's reads, deletes and bulk insert on each dialect (tests/test_index766_import.py
    covers the rules on DuckDB)."""
    rows = "period;unit_code;total;rank;rank_of\n2026-W43;24;85,00;22;34\n"
    refused = store.load(db, rows.encode(), "again.csv")
    assert [i.code for i in refused.errors] == ["i766_exists"]
    done = store.load(db, rows.encode(), "again.csv", replace=True)
    assert done.outcome == "ok" and done.replaced == 1
    unit = store.scores(db, W43, UNIT)
    unit = unit[unit["agency_id"].isna()]
    assert unit["total"].tolist() == [85.0] and pd.isna(unit["transparency"].iloc[0])
    assert len(store.scores(db, W43)) == 35
