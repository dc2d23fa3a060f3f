"""URL values read defensively (domain/params.py, components/whatif/state.py): numbers bounded
to the nearest valid value with a message, identifiers within the databases' integers, the
saved scenarios refused unread when too long or too deep — and, on the what-if page (AppTest),
no OverflowError, RecursionError or traceback whatever the link says."""
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.whatif import state as ws
from domain import params
from domain.params import BOUNDED, INVALID, bounded_json, bounded_number, json_depth, parse_id
from domain.periods import Month
from domain.plain import JOINER

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("raw, value, problem", [
    ("50", 50, None), ("50.4", 50, None), (" 45 ", 45, None),
    ("1e400", 100, BOUNDED), ("inf", 100, BOUNDED), ("Infinity", 100, BOUNDED),
    ("-inf", 0, BOUNDED), ("-5", 0, BOUNDED), ("101", 100, BOUNDED), ("1e308", 100, BOUNDED),
    ("52", 50, BOUNDED), ("53", 55, BOUNDED),  # off the control's steps of 5: the nearest
    ("nan", 25, INVALID), ("NaN", 25, INVALID), ("abc", 25, INVALID), ("0x10", 25, INVALID),
    ("1_000", 25, INVALID), ("5" * 41, 25, INVALID), ("", 25, None), (None, 25, None),
])
def test_a_percentage_on_steps_of_five(raw, value, problem):
    reading = bounded_number(raw, 0, 100, 25, step=5)
    assert (reading.value, reading.problem) == (value, problem)
    assert isinstance(reading.value, int)


@pytest.mark.parametrize("raw, value, problem", [
    ("0.5", 0.5, None), ("0.123", 0.12, None), ("3", 3.0, None), ("1e400", 3.0, BOUNDED),
    ("-0.01", 0.0, BOUNDED), ("nan", 0.5, INVALID), ("-1e400", 0.0, BOUNDED),
])
def test_a_response_in_hundredths(raw, value, problem):
    reading = bounded_number(raw, 0.0, 3.0, 0.5, digits=2)
    assert (reading.value, reading.problem) == (value, problem)


@pytest.mark.parametrize("raw, expected", [
    ("3", 3), ("0012", 12), (str(2 ** 63 - 1), 2 ** 63 - 1), (str(2 ** 63), None), ("0", None),
    ("-1", None), ("1e3", None), ("1.0", None), ("٣", None), ("", None), (None, None),
    ("9" * 400, None),
])
def test_an_identifier(raw, expected):
    assert parse_id(raw) == expected


def test_json_depth_skips_strings():
    assert json_depth('[{"n": "[[[[{{"}]') == 2
    assert json_depth('"\\"[["') == 0
    assert json_depth("[" * 100_000) == 100_000


def test_bounded_json_refuses_before_parsing(monkeypatch):
    def parser_must_not_run(*_, **__):
        raise AssertionError("the parser saw a hostile text")
    deep = "[" * 100_000 + "]" * 100_000
    monkeypatch.setattr(params.json, "loads", parser_must_not_run)
    with pytest.raises(ValueError, match="deeper"):
        bounded_json(deep, 1_000_000, 2)
    with pytest.raises(ValueError, match="longer"):
        bounded_json("[" + "1," * 10_000 + "1]", 1_000, 2)


FIRST = Month(2024, 4)
DEFAULT = ws.default_spec(FIRST, 0.5, 0.5)


@pytest.mark.parametrize("query, field, value, problem", [
    ({"cut": "1e400"}, "cut", 100, BOUNDED), ({"cut": "inf"}, "cut", 100, BOUNDED),
    ({"cut": "nan"}, "cut", DEFAULT.cut, INVALID), ({"cut": "-5"}, "cut", 0, BOUNDED),
    ({"cut": "52"}, "cut", 50, BOUNDED), ({"months": "500"}, "months", ws.MONTHS_RANGE[1], BOUNDED),
    ({"months": "-1e400"}, "months", ws.MONTHS_RANGE[0], BOUNDED),
    ({"resp": "1e400"}, "resp", ws.RESP_MAX, BOUNDED), ({"unc": "-3"}, "unc", 0.0, BOUNDED),
    ({"ceil": "10"}, "ceil", ws.CEIL_RANGE[0], BOUNDED),
    ({"visit": "1e400"}, "visit", ws.VISIT_LIMIT, BOUNDED),
    ({"visit": "12345"}, "visit", 12345, None),  # any cost a link names, within the limit
])
def test_the_what_if_url_is_bounded(query, field, value, problem):
    spec, problems = ws.from_query(query, DEFAULT, {"", "01"}, FIRST)
    assert getattr(spec, field) == value
    assert problems == ({field: problem} if problem else {})


def test_saved_scenarios_too_deep_or_too_long_are_refused():
    assert ws.decode_saved("[" * 50_000 + "]" * 50_000, DEFAULT, {""}, FIRST) == ([], False)
    long = json.dumps([{"n": "x" * (ws.SAVED_MAX_CHARS + 1)}])
    assert ws.decode_saved(long, DEFAULT, {""}, FIRST) == ([], False)
    nested = json.dumps([{"n": "a", "cut": [[["50"]]]}])
    assert ws.decode_saved(nested, DEFAULT, {""}, FIRST) == ([], False)
    good = ws.encode_saved([DEFAULT.with_(cut=100, name="Miễn phí")])
    saved, ok = ws.decode_saved(good, DEFAULT, {""}, FIRST)
    assert ok and saved[0].cut == 100 and saved[0].name == "Miễn phí"


def test_a_saved_scenario_with_an_infinite_cut_is_bounded():
    saved, ok = ws.decode_saved(json.dumps([{"n": "a", "cut": "1e400"}]), DEFAULT, {""}, FIRST)
    assert not ok and saved[0].cut == 100


# --- the page ---------------------------------------------------------------------------------
def run_what_if(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("pages/what_if.py")
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def infos(at: AppTest, read: bool = True) -> str:
    """The messages' markdown; read: as shown (escapes read, joiners dropped)."""
    text = "\n".join(i.value for i in at.info)
    return re.sub(r"\\(.)", r"\1", text).replace(JOINER, "") if read else text


def test_the_page_bounds_hostile_numbers(app_db):
    at = run_what_if(scope="01", cut="1e400", months="inf", resp="nan", ceil="-5",
                     visit="1e400")
    assert not at.exception and not at.error
    text = infos(at)
    assert "“cut=1e400”" in text and "100%" in text
    assert "“months=inf”" in text and "“ceil=-5”" in text and "50%" in text
    assert "“visit=1e400”" in text
    assert "“resp=nan”" in text
    assert at.select_slider(key="wi_cut").value == 100
    assert at.query_params["cut"] == ["100"] or at.query_params["cut"] == "100"
    assert at.select_slider(key="wi_ceil").value == ws.CEIL_RANGE[0]


def test_a_deeply_nested_scenario_is_refused_with_a_message(app_db):
    at = run_what_if(scope="01", sc="[" * 20_000 + "]" * 20_000)
    assert not at.exception and not at.error
    assert any("kịch bản" in i.value for i in at.info)


def test_a_hostile_url_value_is_quoted_as_text(app_db):
    hostile = "[x](http://evil.example/) ![i](http://evil.example/i.png)" + "z" * 100
    at = run_what_if(scope="01", cut=hostile)
    assert not at.exception
    text = infos(at, read=False)
    assert "\\[x\\](http\\:" in text and "\\!\\[i\\]" in text  # escaped, so shown as text
    assert "…”" in text and "zz" not in text  # quoted back cut short
