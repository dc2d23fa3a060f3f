"""Data is text, never markdown: `plain` (domain/plain.py) escapes what can open a construct,
and the pages pass names from the data and values from the URL through it (AppTest on a
fixture whose names carry links, images, HTML, Streamlit directives and formulas).
tests/test_injection_e2e.py checks what a real browser then draws and fetches."""
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import Database
from domain.plain import ELLIPSIS, JOINER, echo, plain, plain_frame
from tests import fixture_data
from tests.apptest import run as run_page

ROOT = Path(__file__).resolve().parent.parent

# What a hostile file or database could name a unit, an agency or a procedure.
PAYLOAD = ("[click](http://evil.example/) ![img](http://evil.example/x.png) "
           "<img src=http://evil.example/y.png> <b>bold</b> :red[red] =cmd|' /C calc'!A0 "
           "$x^2$ :material/warning: :fire: www.evil.example a@evil.example")


def hostile(name: str) -> str:
    return f"{name} {PAYLOAD}"


def build_hostile(db: Database) -> None:
    """The hand-made fixture with every locality, agency, field and procedure name hostile."""
    saved = {n: [dict(r) for r in getattr(fixture_data, n)]
             for n in ("LOCALITIES", "AGENCIES", "FIELDS", "PROCEDURES")}
    try:
        for rows in (fixture_data.LOCALITIES, fixture_data.AGENCIES, fixture_data.FIELDS,
                     fixture_data.PROCEDURES):
            for r in rows:
                r["name_vi"], r["name_en"] = hostile(r["name_vi"]), hostile(r["name_en"])
        fixture_data.build(db)
    finally:
        for n, rows in saved.items():
            getattr(fixture_data, n)[:] = rows


# --- plain ------------------------------------------------------------------------------------
def unescaped(text: str) -> str:
    """What markdown shows for an escaped text: the escapes read, the joiners invisible."""
    return re.sub(r"\\(.)", r"\1", text).replace(JOINER, "")


@pytest.mark.parametrize("text", [
    PAYLOAD, "**b** _i_ ~~s~~ `c` <b>x</b> &lt; &amp;", "# h", "1. one", "2) two", "- a", "+ a",
    "> q", "|a|b|", "-- -> <- >= <= ~=", "\\[already\\]", "{x}", "www.x.vn WWW.X.VN",
    "TP. Hồ Chí Minh (trước 01/07/2025)", "Sở Tư pháp", "2024-01",
])
def test_plain_text_reads_the_same(text):
    assert unescaped(plain(text)) == text


@pytest.mark.parametrize("text, construct", [
    ("[c](http://e.x/)", r"(?<!\\)\["), ("![i](u)", r"(?<!\\)!"), ("<b>", r"(?<!\\)<"),
    ("**b**", r"(?<!\\)\*"), ("_i_", r"(?<!\\)_"), ("`c`", r"(?<!\\)`"), ("~~s~~", r"(?<!\\)~"),
    ("$x$", r"(?<!\\)\$"), ("&amp;", r"(?<!\\)&"), (":red[r]", r"(?<!\\):"),
    # found in the text after the escapes are read: broken by an invisible joiner
    ("http://e.x", r"http:/"), ("www.e.x", r"www\."), ("a@e.x", r"a\\?@"),
    (":fire:", r":fire"), (":material/warning:", r":material/"), ("a -- b", r"--"),
    ("a -> b", r"->"),
    # a block opens only at the start
    ("# h", r"^#"), ("1. one", r"^1\."), ("- a", r"^-"), ("+ a", r"^\+"), ("= a", r"^="),
])
def test_plain_breaks_every_construct(text, construct):
    assert not re.search(construct, plain(text))


def test_plain_keeps_ordinary_names_readable_in_the_source():
    for name in ("TP. Hồ Chí Minh (trước 01/07/2025)", "Sở Tư pháp", "2024-01", "1.001193"):
        assert plain(name) == name


def test_plain_makes_one_line_without_control_characters():
    assert plain("a\nb\r\n\tc\u2028d\u202e e\x00") == "a b c d e"
    assert plain("    indented") == "indented"  # no indented code block
    assert plain(None) == ""


def test_echo_cuts_long_url_values():
    assert echo("x" * 1000) == "x" * 40 + ELLIPSIS
    assert echo("[a](b)") == "\\[a\\](b)"


def test_plain_frame_escapes_cells_headers_and_index_keeping_blanks():
    frame = pd.DataFrame({"<b>": ["[a](b)", None]}, index=["*i*", "j"])
    shown = plain_frame(frame)
    assert list(shown.columns) == ["\\<b\\>"] and list(shown.index) == ["\\*i\\*", "j"]
    assert list(shown.iloc[:, 0]) == ["\\[a\\](b)", ""]


# --- the pages (AppTest) ------------------------------------------------------------------------
@pytest.fixture
def hostile_db(tmp_path, monkeypatch):
    from tests.conftest import point_app_at

    path = tmp_path / "hostile.duckdb"
    build_hostile(Database(f"duckdb:///{path}"))
    yield from point_app_at(path, monkeypatch)


Q1 = {"from": "2024-01", "to": "2024-03", "units": "63"}


def run(page: str, **params) -> AppTest:
    return run_page(page, **{**Q1, **params})


def markdown_sources(at: AppTest, html: bool = False) -> list[str]:
    """Every text the page hands to Streamlit's markdown renderer (with html: only the
    app's own HTML blocks, st.markdown(unsafe_allow_html=True), which escape data as HTML)."""
    if html:
        return [m.value for m in at.markdown if m.allow_html]
    out = [m.value for m in at.markdown if not m.allow_html]
    for kind in ("title", "header", "subheader", "caption", "info", "warning", "error",
                 "success"):
        out += [e.value for e in getattr(at, kind)]
    out += [m.label for m in at.metric]
    return out


def assert_no_raw_payload(at: AppTest) -> None:
    """Each piece of the payload is either absent or escaped: no raw link, image, HTML tag,
    directive or formula reaches the renderer."""
    raw = [r"(?<!\\)\[click\\?\]", r"(?<!\\)!\\?\[img", r"(?<!\\)<img", r"(?<!\\)<b>bold",
           r"(?<!\\):red\[red", r"(?<!\\)\$x", r"http://", r":material/warning", r":fire:",
           r"www\.evil", r"a@evil"]
    for source in markdown_sources(at):
        for pattern in raw:
            assert not re.search(pattern, source), (pattern, source)
    for source in markdown_sources(at, html=True):
        assert "<img src=http" not in source and "<b>bold" not in source, source


@pytest.mark.parametrize("page, params", [
    ("app.py", {}),
    ("pages/province.py", {"province": "01"}),
    ("pages/province.py", {"province": "B-TP"}),
    ("pages/agency.py", {"agency": "1"}),
    ("pages/procedure.py", {"procedure": "1.001193"}),
    ("pages/procedure.py", {"procedure": "1.001193", "province": "01"}),
    ("pages/methodology.py", {}),
])
def test_hostile_names_reach_markdown_escaped(hostile_db, page, params):
    at = run(page, **params)
    assert not at.exception, at.exception
    assert_no_raw_payload(at)
    shown = "\n".join(unescaped(s) for s in markdown_sources(at))
    if page != "app.py" and page != "pages/methodology.py":
        assert PAYLOAD in shown  # the names are there, as text


def test_breadcrumbs_and_title_carry_the_escaped_names(hostile_db):
    at = run("pages/agency.py", agency="1")
    title = at.title[0].value
    assert title.startswith("Sở Tư pháp \\[click\\](http\\:")
    assert unescaped(title) == hostile("Sở Tư pháp")
    crumbs = [m.value for m in at.markdown if m.value.startswith("**")]
    assert f"**{plain(hostile('Sở Tư pháp'))}**" in crumbs


def test_hostile_url_values_are_quoted_as_text(hostile_db):
    bad = "<img src=http://evil.example/q.png>"
    for page, params in (("pages/province.py", {"province": bad}),
                         ("pages/agency.py", {"agency": bad}),
                         ("pages/procedure.py", {"procedure": bad}),
                         ("app.py", {"metric": bad}),
                         ("app.py", {"from": bad}),
                         ("app.py", {"units": bad})):
        at = run(page, **params)
        assert not at.exception, (page, params, at.exception)
        messages = "\n".join(i.value for i in at.info)
        assert "\\<img src=http\\:" in messages, (page, params, messages)
        assert_no_raw_payload(at)
