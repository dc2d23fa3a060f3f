"""The command-line export carries the numbers the pages show, in one unit set: the 34
provinces of today for a period from 07/2025, the 63 before (or re-aggregated into the 34 on
request, never the 34 split into the 63)."""
import os

import pandas as pd
import pytest

from data_access import export, sample
from data_access.db import ROOT, Database
from data_access.stats import totals
from domain.metrics import METRICS
from domain.periods import Month, MonthRange
from domain.scope import Scope

Q1 = MonthRange(Month(2024, 1), Month(2024, 3))


def test_table_by_province_has_the_breakdown_columns(fixture_db):
    table = export.table(fixture_db, Scope(), Q1, "province").set_index("code")
    assert list(table.index) == ["01", "79", "B-TP"]
    hn = table.loc["01"]
    assert hn["name"] == "Hà Nội (trước 01/07/2025)"  # a unit of the 63 says so
    assert (hn["carried_over"], hn["received_new"], hn["pending"], hn["pending_late"]) == (
        30, 440, 30, 5)
    page = totals(fixture_db, Scope(locality="63:01"), Q1, ["received_full_online",
                                                          "received_new"]).iloc[0]
    assert hn["full_online_rate"] == pytest.approx(METRICS["full_online_rate"].value(page))


def test_table_by_month_takes_monthly_stocks(fixture_db):
    table = export.table(fixture_db, Scope(agency=1), Q1, "month")
    assert list(table["code"]) == ["2024-01", "2024-02", "2024-03"]
    assert list(table["carried_over"]) == [10, 15, 10]


def test_cli_writes_csv(tmp_path, duck_fixture_path, monkeypatch):
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    out = tmp_path / "by_agency.csv"
    assert export.main(["--level", "province", "--province", "01", "--from", "2024-01",
                        "--to", "2024-03", "--by", "agency", "--format", "csv",
                        "--out", str(out)]) == 0
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"Mã": str})
    assert list(frame["Tên"]) == ["Sở Tư pháp", "UBND Quận Ba Đình"]
    assert list(frame["Hồ sơ tiếp nhận mới"]) == [300, 140]


def test_cli_refuses_a_level_without_its_code(capsys):
    with pytest.raises(SystemExit):
        export.main(["--level", "agency", "--from", "2024-01", "--to", "2024-03", "--by",
                     "procedure"])
    assert "--level agency needs --agency" in capsys.readouterr().err


def test_cli_writes_xlsx_that_reads_back(tmp_path, duck_fixture_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    out = tmp_path / "by_province.xlsx"
    assert export.main(["--level", "nation", "--from", "2024-01", "--to", "2024-03", "--by",
                        "province", "--format", "xlsx", "--out", str(out)]) == 0
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "Mã")
    header = rows[header_at]
    body = {r[0]: dict(zip(header, r)) for r in rows[header_at + 1:] if r and r[0] in
            ("01", "79", "B-TP")}
    assert body["01"]["Hồ sơ tiếp nhận mới"] == 440
    assert body["B-TP"]["Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)"] == pytest.approx(0.8)
    assert any("Kỳ báo cáo" in str(r[0]) for r in rows[:header_at] if r and r[0])
    assert "Đơn vị hành chính cấp tỉnh: 63 tỉnh, thành phố (trước 01/07/2025)" in [
        r[0] for r in rows[:header_at] if r]


# --- the unit sets, on the sample (63 provinces to 06/2025, the 34 from 07/2025) ----------
UNITS = "Đơn vị hành chính cấp tỉnh"
COUNTS = ["Hồ sơ kỳ trước chuyển sang", "Hồ sơ tiếp nhận mới", "Hồ sơ tiếp nhận trực tuyến",
          "Hồ sơ trực tuyến toàn trình", "Hồ sơ đã giải quyết", "Hồ sơ giải quyết quá hạn",
          "Hồ sơ đang giải quyết", "Hồ sơ đang giải quyết quá hạn", "Hồ sơ thanh toán trực tuyến"]


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory):
    url = f"duckdb:///{tmp_path_factory.mktemp('export') / 'sample.duckdb'}"
    db = Database(url)
    sample.generate(db, "demo", until=Month(2026, 1), progress=False)
    db.dispose()
    return url


def export_csv(url, monkeypatch, tmp_path, *args) -> tuple[int, pd.DataFrame | None]:
    monkeypatch.setenv("DVC_DATABASE_URL", url)
    out = tmp_path / "out.csv"
    out.unlink(missing_ok=True)
    code = export.main([*args, "--out", str(out)])
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"Mã": str}) if out.exists() else None
    return code, frame


def provinces(frame: pd.DataFrame) -> pd.DataFrame:
    """The provinces' rows (two-digit codes; the ministries' codes are letters)."""
    return frame[frame["Mã"].str.fullmatch(r"\d{2}")].set_index("Mã")


def test_a_period_of_today_lists_the_34(sample_url, monkeypatch, tmp_path):
    code, frame = export_csv(sample_url, monkeypatch, tmp_path, "--level", "nation", "--by",
                             "province", "--from", "2026-01", "--to", "2026-01")
    assert code == 0
    prov = provinces(frame)
    assert len(prov) == 34
    assert prov.loc["24", "Tên"] == "Bắc Ninh" and prov.loc["44", "Tên"] == "Quảng Trị"
    assert "45" not in prov.index  # old Quảng Trị is part of 44 now
    assert set(frame[UNITS]) == {"34 tỉnh, thành phố (từ 01/07/2025)"}
    assert "B-CA" in set(frame["Mã"])  # the ministries follow the provinces


def test_a_period_before_the_change_lists_the_63(sample_url, monkeypatch, tmp_path):
    code, frame = export_csv(sample_url, monkeypatch, tmp_path, "--level", "nation", "--by",
                             "province", "--from", "2024-01", "--to", "2024-12")
    assert code == 0
    prov = provinces(frame)
    assert len(prov) == 63
    assert prov.loc["24", "Tên"] == "Bắc Giang (trước 01/07/2025)"
    assert prov.loc["45", "Tên"] == "Quảng Trị (trước 01/07/2025)"
    assert set(frame[UNITS]) == {"63 tỉnh, thành phố (trước 01/07/2025)"}


def test_history_re_aggregated_into_the_34_adds_up(sample_url, monkeypatch, tmp_path):
    args = ["--level", "nation", "--by", "province", "--from", "2024-01", "--to", "2024-12"]
    _, old = export_csv(sample_url, monkeypatch, tmp_path, *args)
    code, new = export_csv(sample_url, monkeypatch, tmp_path, *args, "--units", "34")
    assert code == 0
    new = provinces(new)
    assert len(new) == 34 and new.loc["24", "Tên"] == "Bắc Ninh"
    # the merger table read here on its own: each old province goes whole into one new unit
    merger = pd.read_csv(ROOT / "sample_data" / "reference" / "merger_2025.csv", dtype=str)
    old = provinces(old).join(merger.set_index("old_code")["new_code"])
    sums = old.groupby("new_code")[COUNTS].sum()
    pd.testing.assert_frame_equal(new[COUNTS].sort_index(), sums.sort_index(),
                                  check_names=False, check_dtype=False)
    rate = sums["Hồ sơ tiếp nhận trực tuyến"] / sums["Hồ sơ tiếp nhận mới"]
    assert new["Tỷ lệ hồ sơ trực tuyến"].to_numpy() == pytest.approx(
        rate.loc[new.index].to_numpy(), abs=1e-6)  # a ratio of sums, not a mean of rates


def test_the_34_are_not_split_into_the_63(sample_url, monkeypatch, tmp_path, capsys):
    code, frame = export_csv(sample_url, monkeypatch, tmp_path, "--level", "nation", "--by",
                             "province", "--from", "2026-01", "--to", "2026-01", "--units", "63")
    assert code != 0 and frame is None
    assert "không thể tách lại thành 63 tỉnh cũ" in capsys.readouterr().err


def test_a_province_is_read_in_the_unit_set_shown(sample_url, monkeypatch, tmp_path):
    args = ["--level", "province", "--province", "24", "--by", "month", "--from", "2024-01",
            "--to", "2024-03"]
    _, bac_giang = export_csv(sample_url, monkeypatch, tmp_path, *args)
    _, bac_ninh_old = export_csv(sample_url, monkeypatch, tmp_path, *args[:3], "27", *args[4:])
    _, bac_ninh = export_csv(sample_url, monkeypatch, tmp_path, *args, "--units", "34")
    new = "Hồ sơ tiếp nhận mới"
    assert list(bac_ninh[new]) == list(bac_giang[new] + bac_ninh_old[new])


def test_a_code_the_34_no_longer_have_is_refused(sample_url, monkeypatch, tmp_path, capsys):
    code, frame = export_csv(sample_url, monkeypatch, tmp_path, "--level", "province",
                             "--province", "45", "--units", "34", "--by", "agency",
                             "--from", "2024-01", "--to", "2024-03")
    assert code != 0 and frame is None
    err = capsys.readouterr().err
    assert "Quảng Trị (trước 01/07/2025)" in err and "--province 44" in err


@pytest.mark.parametrize("args, message", [
    (["--level", "province", "--province", "99"], "Không có tỉnh, thành phố hoặc bộ, ngành nào "
                                                  "mã 99"),
    (["--level", "procedure", "--procedure", "9.999999"], "Không có thủ tục nào mã 9.999999"),
    (["--level", "agency", "--agency", "999999999"], "Không có cơ quan nào số 999999999"),
])
def test_unknown_codes_are_refused(sample_url, monkeypatch, tmp_path, capsys, args, message):
    code, frame = export_csv(sample_url, monkeypatch, tmp_path, *args, "--by", "month",
                             "--from", "2026-01", "--to", "2026-01")
    assert code != 0 and frame is None
    assert message in capsys.readouterr().err


# --- refusals: exit 1, one line naming the argument, nothing written ---------------------
def run_cli(url, monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setenv("DVC_DATABASE_URL", url)
    code = export.main(["--from", "2024-01", "--to", "2024-03", *args])
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("args, needle", [
    (["--level", "nation", "--province", "99"], "--province"),
    (["--level", "nation", "--procedure", "1.001193"], "--procedure"),
    (["--level", "province", "--province", "01", "--procedure", "9.999999"], "--procedure"),
    (["--level", "agency", "--agency", "1", "--procedure", "9.999999"], "--procedure"),
    (["--level", "agency", "--agency", "1", "--province", "99"], "--province"),
    (["--level", "procedure", "--procedure", "9.999999"], "9.999999"),
    (["--level", "procedure", "--procedure", "1.001193", "--province", "99"], "99"),
    (["--level", "procedure", "--procedure", "1.001193", "--province", "79", "--agency", "1"],
     "--agency 1"),  # the agency is in Hà Nội, not in TP HCM
    (["--level", "agency", "--agency", "4", "--by", "month", "--units", "63",
      "--procedure", "1.001193"], "--procedure"),
])
def test_a_code_that_does_not_fit_is_refused(duck_fixture_path, monkeypatch, capsys, tmp_path,
                                             args, needle):
    out = tmp_path / "out.csv"
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys,
                        *(args if "--by" in args else [*args, "--by", "month"]),
                        "--out", str(out))
    assert code == 1 and not out.exists()
    assert needle in err and len(err.strip().splitlines()) == 1, err


def test_a_scope_without_figures_in_the_period_is_refused(duck_fixture_path, monkeypatch,
                                                          capsys, tmp_path):
    out = tmp_path / "out.csv"
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                        "agency", "--agency", "1", "--by", "month", "--out", str(out),
                        "--from", "2025-01", "--to", "2025-03")
    assert code == 1 and not out.exists()
    assert err.strip() == ("Không có số liệu của Sở Tư pháp (01-S02) trong kỳ 01/2025 – "
                           "03/2025: không ghi tệp nào.")


@pytest.mark.parametrize("where, needle", [
    ("missing/out.csv", "không có thư mục"),
    (".", "là một thư mục"),
])
def test_a_destination_that_cannot_be_a_file_is_refused(duck_fixture_path, monkeypatch, capsys,
                                                        tmp_path, where, needle):
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                        "nation", "--by", "province", "--out", str(tmp_path / where))
    assert code == 1 and needle in err and "--out" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.rglob("*.csv"))


def test_an_unwritable_folder_leaves_the_old_file_alone(duck_fixture_path, monkeypatch, capsys,
                                                        tmp_path):
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"yesterday's")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export.tempfile, "mkstemp", denied)
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                        "nation", "--by", "province", "--format", "xlsx", "--out", str(out))
    assert code == 1 and err.strip() == f"--out {out}: không có quyền ghi vào thư mục {tmp_path}."
    assert out.read_bytes() == b"yesterday's"


def test_a_failed_write_leaves_no_partial_file(duck_fixture_path, monkeypatch, capsys, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.csv"

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", full)
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                        "nation", "--by", "province", "--out", str(out))
    assert code == 1 and "No space left on device" in err
    assert list(folder.iterdir()) == []  # neither the file nor its temporary


def test_without_out_the_file_is_named_after_the_table(duck_fixture_path, monkeypatch, capsys,
                                                       tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.chdir(folder)
    code, err = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                        "province", "--province", "01", "--by", "agency", "--format", "xlsx")
    assert code == 0
    assert [p.name for p in folder.iterdir()] == [
        "tinh_63-01_ha-noi_theo-co-quan_2024-01_2024-03.xlsx"]
    assert err.strip() == "2 dòng → tinh_63-01_ha-noi_theo-co-quan_2024-01_2024-03.xlsx"


def test_out_dash_writes_csv_to_standard_output(duck_fixture_path, monkeypatch, capsys):
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    assert export.main(["--level", "nation", "--by", "province", "--from", "2024-01", "--to",
                        "2024-03", "--out", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Mã,Tên,") and len(lines) == 4


def test_the_file_gets_the_usual_permissions(duck_fixture_path, monkeypatch, capsys, tmp_path):
    out = tmp_path / "out.csv"
    code, _ = run_cli(f"duckdb:///{duck_fixture_path}", monkeypatch, capsys, "--level",
                      "nation", "--by", "province", "--out", str(out))
    mask = os.umask(0)
    os.umask(mask)
    assert code == 0 and out.stat().st_mode & 0o777 == 0o666 & ~mask
