"""The two eras of local government: the rules (domain/eras.py) on the codes that change
meaning on 01/07/2025, and figures of the 34 built from the 63's history on a hand-made
database whose totals are worked out by hand (stocks included), on DuckDB, SQLite and
PostgreSQL."""
from datetime import date

import pandas as pd
import pytest

from data_access import reference
from data_access.stats import totals
from domain import eras
from domain.periods import Month, MonthRange
from domain.scope import Scope
from tests import fixture_eras
from tests.conftest import DIALECTS, make_db
from tests.fixture_eras import COLS, ROWS

# --- the rules, on the real reference lists ---------------------------------------------------

NAMES = {k: n for k, n in zip(reference.locality_rows()["code"],
                              reference.locality_rows()["name_vi"])}
CW = reference.crosswalk()


@pytest.mark.parametrize("code,old,new,old_parts", [
    ("24", "Bắc Giang", "Bắc Ninh", ["24", "27"]),
    ("44", "Quảng Bình", "Quảng Trị", ["44", "45"]),
    ("52", "Bình Định", "Gia Lai", ["52", "64"]),
    ("80", "Long An", "Tây Ninh", ["72", "80"]),
    ("82", "Tiền Giang", "Đồng Tháp", ["82", "87"]),
    ("91", "Kiên Giang", "An Giang", ["89", "91"]),
    ("15", "Yên Bái", "Lào Cai", ["10", "15"]),
])
def test_a_code_names_another_place_in_each_era(code, old, new, old_parts):
    assert NAMES[eras.key(code, "63")] == old
    assert NAMES[eras.key(code, "34")] == new
    assert CW.predecessors(eras.key(code, "34")) == tuple(f"63:{c}" for c in old_parts)
    assert CW.members(eras.key(code, "34"))[0] == f"34:{code}"
    assert CW.members(eras.key(code, "63")) == (f"63:{code}",)  # history is itself


def test_a_retired_code_and_what_it_became():
    assert "34:45" not in NAMES and NAMES["63:45"] == "Quảng Trị"
    assert CW.successor["63:45"] == "34:44" and CW.to_units("63:45", "34") == "34:44"
    assert CW.to_units("63:45", "63") == "63:45" and CW.to_units("B-CA", "34") == "B-CA"
    with pytest.raises(ValueError):  # the 34 are never split back into the 63
        CW.to_units("34:44", "63")
    assert len(set(CW.successor.values())) == 34 and len(CW.successor) == 63


def test_which_era_a_date_or_range_is_in():
    assert eras.era_of(date(2025, 6, 30)) == "63" and eras.era_of(date(2025, 7, 1)) == "34"
    assert eras.era_of(Month(2025, 6)) == "63" and eras.era_of(Month(2025, 7)) == "34"
    before = MonthRange(Month(2024, 1), Month(2025, 6))
    after = MonthRange(Month(2025, 6), Month(2025, 7))
    assert eras.unit_sets(before) == ("63", "34") and eras.default_units(before) == "63"
    assert eras.unit_sets(after) == ("34",) and eras.default_units(after) == "34"
    assert eras.choose_units("34", before) == ("34", None)
    assert eras.choose_units("63", after) == ("34", "split")
    assert eras.choose_units("99", after) == ("34", "unknown")
    assert eras.crosses_reform(after) and not eras.crosses_reform(before)
    assert eras.split("34:24") == ("24", "34") and eras.split("B-CA") == ("B-CA", None)


def test_names_over_time_and_labels():
    row = reference.provinces_34().set_index("code").loc["24"]
    change = eras.StatusChange(row["city_from"], row["full_name_vi_from_city_date"])
    assert eras.full_name_on(row["full_name_vi"], change, date(2026, 9, 19)) == "Tỉnh Bắc Ninh"
    assert eras.full_name_on(row["full_name_vi"], change, date(2026, 9, 20)) == \
        "Thành phố Bắc Ninh"
    assert eras.label("Quảng Trị", "63:45", "vi") == "Quảng Trị (trước 01/07/2025)"
    assert eras.label("Quảng Trị", "63:45", "en") == "Quảng Trị (before 01/07/2025)"
    assert eras.label("Quảng Trị", "34:44", "vi") == "Quảng Trị"


# --- history in the units of today, on a hand-made database --------------------------------

MEASURES = ["received_new", "received_full_online", "carried_over", "pending", "pending_late"]


@pytest.fixture(params=DIALECTS, scope="module")
def era_db(request, tmp_path_factory):
    db = make_db(request.param, tmp_path_factory.mktemp("eras"))
    fixture_eras.build(db)
    yield db
    db.dispose()


def month(y, m, y2=None, m2=None) -> MonthRange:
    return MonthRange(Month(y, m), Month(y2 or y, m2 or m))


def one(db, scope, rng) -> dict:
    return totals(db, scope, rng, MEASURES).iloc[0].to_dict()


def independent(rng: MonthRange, localities: set[str]) -> dict:
    """The same totals summed by hand from ROWS (flows over rows; stocks at the range's ends)."""
    rows = [r for r in ROWS if r[2] in localities and rng.first <= Month(*r[0]) <= rng.last]
    get = lambda r, c: r[3 + COLS.index(c)]  # noqa: E731
    first = min(Month(*r[0]) for r in rows)
    last = max(Month(*r[0]) for r in rows)
    return {
        "received_new": sum(get(r, "received_online") + get(r, "received_direct")
                            + get(r, "received_postal") for r in rows),
        "received_full_online": sum(get(r, "received_full_online") for r in rows),
        "carried_over": sum(get(r, "carried_over") for r in rows if Month(*r[0]) == first),
        "pending": sum(get(r, "pending_on_time") + get(r, "pending_late") for r in rows
                       if Month(*r[0]) == last),
    }


def test_a_new_province_before_its_time_is_the_sum_of_its_old_ones(era_db):
    got = one(era_db, Scope(locality="34:24"), month(2024, 7))
    assert got["received_new"] == 220  # Bắc Giang 120 + Bắc Ninh (old) 100
    assert got["received_full_online"] == 50
    assert got["carried_over"] == 15 and got["pending"] == 30 and got["pending_late"] == 3
    assert {k: got[k] for k in independent(month(2024, 7), {"63:24", "63:27"})} == \
        independent(month(2024, 7), {"63:24", "63:27"})
    # the old Bắc Ninh alone, and code 24 in its own era, are different places
    assert one(era_db, Scope(locality="63:27"), month(2024, 7))["received_new"] == 100
    assert one(era_db, Scope(locality="63:24"), month(2024, 7))["received_new"] == 120
    assert pd.isna(one(era_db, Scope(locality="63:24"), month(2026, 7))["received_new"])


def test_the_trap_codes_44_and_45(era_db):
    # the new Quảng Trị (44) is old Quảng Bình (44) + old Quảng Trị (45)
    assert one(era_db, Scope(locality="34:44"), month(2025, 6))["received_new"] == 20
    assert one(era_db, Scope(locality="63:45"), month(2025, 6))["received_new"] == 20
    assert pd.isna(one(era_db, Scope(locality="63:44"), month(2025, 6))["received_new"])


def test_a_range_across_the_change_counts_handed_over_stocks_once(era_db):
    rng = month(2025, 6, 2025, 7)
    got = one(era_db, Scope(locality="34:24"), rng)
    assert got["received_new"] == 160 + 100 + 220 + 40
    assert got["carried_over"] == 30  # the old departments' stock on 01/06/2025
    assert got["pending"] == 45 and got["pending_late"] == 5  # the new agencies' at 31/07
    assert {k: got[k] for k in independent(rng, {"63:24", "63:27", "34:24"})} == \
        independent(rng, {"63:24", "63:27", "34:24"})
    nation = one(era_db, Scope(), rng)
    assert nation["carried_over"] == 30 and nation["pending"] == 45


def test_by_locality_in_each_unit_set(era_db):
    by63 = totals(era_db, Scope(units="63"), month(2024, 7), ["received_new"], by="locality")
    assert dict(zip(by63["key"], by63["received_new"])) == {"63:24": 120, "63:27": 100}
    by34 = totals(era_db, Scope(units="34"), month(2025, 6, 2025, 7), ["received_new",
                                                                        "carried_over"],
                  by="locality").set_index("key")
    assert by34.loc["34:24", "received_new"] == 520 and by34.loc["34:24", "carried_over"] == 30
    assert by34.loc["34:44", "received_new"] == 20
    assert by34.loc["34:24", "members_reported"] == 3  # two old provinces and the new one
    with pytest.raises(ValueError):  # the 34 cannot be shown as the 63
        totals(era_db, Scope(units="63"), month(2025, 7), ["received_new"], by="locality")


def test_a_change_on_a_year_earlier_compares_like_with_like(era_db):
    rng = month(2026, 6, 2026, 7)
    now = one(era_db, Scope(locality="34:24"), rng)
    before = one(era_db, Scope(locality="34:24"), rng.year_earlier())  # 06–07/2025: crosses
    assert now["received_new"] == 310 and now["received_full_online"] == 160
    assert before["received_new"] == 520 and before["received_full_online"] == 198
    # the full-process rate is a ratio of sums on both sides, never an average of rates
    assert now["received_full_online"] / now["received_new"] - \
        before["received_full_online"] / before["received_new"] == pytest.approx(
            160 / 310 - 198 / 520)


def test_an_export_names_old_agencies_with_their_old_province(era_db):
    from data_access.export import table

    rng = month(2025, 6, 2025, 7)
    frame = table(era_db, Scope(locality="34:24", units="34"), rng, "agency")
    names = set(frame.iloc[:, 1])
    assert {"Sở Tư pháp – Bắc Giang (trước 01/07/2025)",
            "Sở Tư pháp – Bắc Ninh (trước 01/07/2025)", "Sở Tư pháp",
            "UBND Xã Lâm Thao"} == names
