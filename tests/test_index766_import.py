"""Loading published scores (data_access.index766.load): the template loads as it is, a good
file in Vietnamese with decimal commas, the same file twice, scores already loaded, and every
kind of bad input refused with its sheet, row and column, all or nothing, each attempt audited
in data_loads; the command line's --load and --template."""
import csv
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from data_access import index766 as store
from data_access.db import Database
from data_access.schema import data_loads, index766_scores
from domain.validation import describe
from tests.test_index766_fixture import build

HEADER = ["period", "unit_code", "unit_name", "transparency", "progress", "online_services",
          "online_payment", "digitisation", "satisfaction", "total", "rank", "rank_of"]
VI_HEADER = ["Kỳ", "Mã đơn vị", "Tên đơn vị", "Công khai, minh bạch",
             "Tiến độ, kết quả giải quyết", "Dịch vụ công trực tuyến", "Thanh toán trực tuyến",
             "Số hóa hồ sơ", "Mức độ hài lòng", "Tổng điểm", "Xếp hạng", "Trên số đơn vị"]
GOOD = [
    ["2025-W50", "24", "Bắc Ninh", "15,82", "19,45", "8,53", "10", "21,17", "17,86", "92,80", 1,
     34],
    ["2025-W50", "01", "Hà Nội", 15, 18, 6, 8, 17, 16, 80, 20, 34],
    ["2025-W50", "B-TP", "Bộ Tư pháp", 14, 19, 9, 9, 18, 16, 85, 2, 20],
    ["2025-W50", "24-X07582", "Xã Lục Ngạn", 17, 19, 9, 9, 20, 17, 91, 1, 99],
    ["2025-03", "45", "Quảng Trị", "", "", "", "", "", "", "81,5", "", ""],
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The fixture without scores, built once; each test loads into a copy of it."""
    path = tmp_path_factory.mktemp("i766_load") / "base.duckdb"
    database = Database(f"duckdb:///{path}")
    build(database, scores=False)
    database.dispose()
    return path


@pytest.fixture
def db(base, tmp_path):
    shutil.copy(base, tmp_path / "load.duckdb")
    database = Database(f"duckdb:///{tmp_path / 'load.duckdb'}")
    yield database
    database.dispose()


def xlsx(rows, header=HEADER, sheet="Điểm") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows, header=HEADER, sep=";") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def stored(db) -> pd.DataFrame:
    return db.query(sa.select(index766_scores).order_by(index766_scores.c.period_start,
                                                        index766_scores.c.locality_code))


def audit(db) -> list[tuple]:
    return [tuple(r) for r in db.query(sa.select(data_loads.c.kind, data_loads.c.outcome,
                                                 data_loads.c.rows)
                                       .where(data_loads.c.id > 1)
                                       .order_by(data_loads.c.id)).itertuples(index=False)]


def test_the_template_loads_as_it_is(db):
    for data, name in ((store.template_xlsx("vi"), "mau.xlsx"), (store.template_csv(), "mau.csv")):
        result = store.load(db, data, name, dry_run=True)
        assert result.outcome == "checked" and result.rows == 1, [
            describe(i, "vi") for i in result.issues]
    result = store.load(db, store.template_xlsx("en"), "template.xlsx")
    assert result.outcome == "ok", [describe(i, "en") for i in result.issues]
    row = stored(db).iloc[0]
    assert (row["locality_code"], row["total"], row["rank"], row["rank_of"]) == ("34:75", 90.62,
                                                                               2, 34)
    assert pd.isna(row["progress"]) and row["online_payment"] == 10  # blank = not published
    assert audit(db) == [("index766", "ok", 1)]


def test_a_good_file_in_vietnamese_with_decimal_commas(db):
    result = store.load(db, xlsx(GOOD, VI_HEADER), "diem_766.xlsx")
    assert result.outcome == "ok", [describe(i, "vi") for i in result.issues]
    assert result.rows == 5 and result.periods == ["2025-03", "2025-W50"]
    assert not result.issues  # groups adding up to 92.83, published as 92.80: rounding
    frame = stored(db)
    assert frame["locality_code"].tolist() == ["63:45", "34:01", "34:24", "34:24", "B-TP"]
    unit = frame[(frame["locality_code"] == "34:24") & frame["agency_id"].isna()].iloc[0]
    assert unit["transparency"] == 15.82 and unit["total"] == 92.80 and unit["rank"] == 1
    assert str(unit["period_start"]) == "2025-12-08" and unit["period_kind"] == "week"
    commune = frame[frame["agency_id"].notna()].iloc[0]
    assert commune["agency_id"] == 2 and commune["locality_code"] == "34:24"
    old = frame[frame["locality_code"] == "63:45"].iloc[0]  # 45 in March 2025: old Quảng Trị
    assert old["period_kind"] == "month" and old["total"] == 81.5 and pd.isna(old["rank"])
    assert audit(db) == [("index766", "ok", 5)]


def test_the_same_file_twice_changes_nothing(db):
    data = csv_bytes(GOOD[1:3])
    assert store.load(db, data, "a.csv").outcome == "ok"
    again = store.load(db, data, "a.csv")
    assert again.outcome == "unchanged" and again.ok
    assert [i.code for i in again.issues] == ["already_loaded"]
    assert len(stored(db)) == 2
    assert audit(db) == [("index766", "ok", 2), ("index766", "unchanged", 0)]


def test_scores_already_loaded_are_refused_unless_replaced(db):
    assert store.load(db, csv_bytes(GOOD[1:3]), "a.csv").outcome == "ok"
    changed = [GOOD[1][:9] + [81, 19, 34]]
    refused = store.load(db, csv_bytes(changed), "b.csv")
    assert refused.outcome == "rejected" and [i.code for i in refused.errors] == ["i766_exists"]
    assert describe(refused.errors[0], "vi") == (
        "Trang tính “CSV”, dòng 2, cột “unit_code”: Đã có điểm của 1 dòng trong tệp (như mã 01, "
        "kỳ 2025-W50). Chọn “Thay thế điểm đã có” (--replace) để nạp đè.")
    assert stored(db)["total"].tolist() == [80, 85]
    replaced = store.load(db, csv_bytes(changed), "b.csv", replace=True)
    assert replaced.outcome == "ok" and replaced.replaced == 1
    frame = stored(db).set_index("locality_code")
    assert frame.loc["34:01", "total"] == 81 and frame.loc["B-TP", "total"] == 85
    assert [a[1] for a in audit(db)] == ["ok", "rejected", "ok"]


BAD = [  # (row, expected issue code, column)
    (["2026-W60", "24", "", 15, 18, 6, 9, 18, 17, 83, 1, 34], "i766_bad_period", "period"),
    (["2026-W43", "24", "", "abc", 18, 6, 9, 18, 17, 83, 1, 34], "i766_score_text",
     "transparency"),
    (["2026-W43", "01", "", 25, 18, 6, 9, 18, 17, 93, 1, 34], "i766_score_range",
     "transparency"),
    (["2026-W43", "79", "", 15, 18, 6, 9, 18, 17, "", 1, 34], "required_value", "total"),
    (["2026-W43", "99", "", 15, 18, 6, 9, 18, 17, 83, 1, 34], "i766_unknown_unit", "unit_code"),
    (["2026-W43", "45", "", 15, 18, 6, 9, 18, 17, 83, 1, 34], "locality_retired", "unit_code"),
    (["2026-W43", "24-H213", "", 15, 18, 6, 9, 18, 17, 83, 1, 34], "agency_district_ended",
     "unit_code"),
    (["2026-W43", "B-TP", "", 15, 18, 6, 9, 18, 17, 83, 40, 34], "i766_rank_of", "rank"),
    (["2026-W43", "B-TP", "", 15, 18, 6, 9, 18, 17, 83, "hai", 34], "i766_bad_rank", "rank"),
]


def test_bad_rows_are_refused_each_located_and_nothing_is_written(db):
    rows = [GOOD[1]] + [r for r, _, _ in BAD]
    result = store.load(db, xlsx(rows), "sai.xlsx")
    assert result.outcome == "rejected" and not result.ok
    found = {(i.code, i.row, i.column) for i in result.errors}
    for n, (_, code, column) in enumerate(BAD, start=3):  # row 1 header, row 2 the good one
        assert (code, n, column) in found, (code, sorted(found))
    assert stored(db).empty  # all or nothing: the good row is not written either
    assert audit(db) == [("index766", "rejected", 0)]
    text = {i.code: describe(i, "vi") for i in result.errors}
    assert text["i766_bad_period"].startswith("Trang tính “Điểm”, dòng 3, cột “period”")
    assert "44" in text["locality_retired"]  # old Quảng Trị: what it became
    assert "99" in text["i766_unknown_unit"]


def test_duplicates_and_a_name_that_is_not_the_code(db):
    dup = store.load(db, csv_bytes([GOOD[1], GOOD[1]]), "dup.csv")
    assert [(i.code, i.row) for i in dup.errors] == [("i766_duplicate", 3)]
    # 24 in 2026 is Bắc Ninh: a file calling it Bắc Giang is warned about
    named = store.load(db, csv_bytes([["2026-W43", "24", "Bắc Giang", 15, 18, 6, 9, 18, 17, 83,
                                       1, 34]]), "ten.csv", dry_run=True)
    assert named.outcome == "checked" and [i.code for i in named.warnings] == \
        ["i766_name_mismatch"]
    off = [GOOD[0][:9] + ["90,00", 1, 34]]  # the groups add up to 92.83
    summed = store.load(db, csv_bytes(off), "tong.csv", dry_run=True)
    assert [(i.code, i.column) for i in summed.warnings] == [("i766_sum", "total")]
    strict = store.load(db, csv_bytes(off), "tong.csv", strict=True)
    assert strict.outcome == "rejected" and {i.code for i in strict.errors} == {"strict"}
    assert stored(db).empty


@pytest.mark.parametrize("data, name, code", [
    (b"", "x.csv", "file_empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "x.xls", "file_xls"),
    ("period;unit_code;total\n2026-W43;Hà Nam;80\n".encode("cp1252"), "x.csv",
     "csv_encoding"),
    (b"a;b;c\n1;2;3\n", "x.csv", "no_header"),
    (b"period;unit_code;rank\n2026-W43;24;1\n", "x.csv", "missing_column"),
    (b"period;unit_code;total\n", "x.csv", "sheet_no_rows"),
])
def test_files_that_cannot_be_read(db, data, name, code):
    result = store.load(db, data, name)
    assert result.outcome == "rejected" and code in {i.code for i in result.errors}
    assert audit(db) == [("index766", "rejected", 0)]


def run_cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = store.main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_cli_load_and_template(db, tmp_path):
    template = tmp_path / "mau.xlsx"
    assert run_cli("--template", str(template))[0] == 0
    code, out, _ = run_cli("--load", str(template), "--dry-run", "--url", db.url)
    assert code == 0 and "Kiểm tra xong" in out
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_bytes(GOOD[1:3]))
    bad.write_bytes(csv_bytes([BAD[0][0]]))
    code, out, _ = run_cli("--load", str(good), "--url", db.url)
    assert code == 0 and "Đã nạp good.csv: 2 dòng điểm" in out
    code, _, err = run_cli("--load", str(bad), "--url", db.url, "--lang", "en")
    assert code == 1 and "ERROR: Sheet “CSV”, row 2, column “period”" in err
    assert run_cli("--load", str(tmp_path / "none.csv"), "--url", db.url)[0] == 2
