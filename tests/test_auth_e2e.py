"""Sign-in for real: an OpenID Connect provider on loopback (oidc-provider-mock), the app with
[auth] in its secrets, and Debian's Chromium. A viewer gets no upload control; the editor of
Hà Nội loads Hà Nội's file and is refused another province's; an administrator may load and
keeps the grants; each signs out. The audit records who loaded."""
from __future__ import annotations

import secrets

import pytest
import sqlalchemy as sa

from data_access import schema
from data_access.db import Database
from tests import fixture_data
from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port, require_chromium, \
    streamlit_server, wait_idle
from tests.test_import_corpus import add_new_era_agencies, flat_csv, month_2026

oidc = pytest.importorskip("oidc_provider_mock")

USERS = {
    "viewer": {"email": "xem@mic.gov.vn", "name": "Người Xem", "dvc_roles": ["viewer"]},
    "editor": {"email": "so@hanoi.gov.vn", "name": "Sở Hà Nội", "dvc_roles": ["editor:01"]},
    "admin": {"email": "quantri@mic.gov.vn", "name": "Quản Trị", "dvc_roles": ["admin"]},
}
HANOI = flat_csv([month_2026(locality_code="01", agency_code="34:01-S02")])
HCMC = flat_csv([month_2026(locality_code="79", agency_code="79-S02")])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_chromium()
    work = tmp_path_factory.mktemp("auth")
    url = f"duckdb:///{work / 'auth.duckdb'}"
    db = Database(url)
    fixture_data.build(db)
    add_new_era_agencies(db)
    db.dispose()
    users = [oidc.User(sub=role, claims=claims) for role, claims in USERS.items()]
    with oidc.run_server_in_thread(port=0, user_claims=users) as provider:
        issuer = f"http://127.0.0.1:{provider.server_port}"
        port = free_port()
        secrets_file = work / "secrets.toml"
        secrets_file.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "{secrets.token_hex(16)}"
client_id = "dvc-dashboard"
client_secret = "{secrets.token_hex(16)}"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
""", encoding="utf-8")
        with streamlit_server(url, port=port, args=("--secrets.files", str(secrets_file)),
                              env={"AUTHLIB_INSECURE_TRANSPORT": "1"}) as base:
            yield base, Database(url)


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def text(locator) -> str:
    """What a person reads: data is shown as plain text, with invisible word joiners that keep
    an address from becoming a link (domain/plain.py)."""
    return locator.inner_text().replace("\u2060", "")


def sign_in(browser, base: str, role: str):
    """A fresh browser profile, signed in as `role` through the provider's form."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/data")
    wait_idle(page)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda u: "/oauth2/authorize" in u, timeout=30_000)
    page.locator(f"button[name='sub'][value='{role}']").click()
    page.wait_for_url(lambda u: u.startswith(base) and "oauth2callback" not in u,
                      timeout=30_000)
    page.goto(f"{base}/data")
    wait_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert USERS[role]["email"] in text(sidebar)
    return context, page


def upload(page, name: str, content: bytes, expect: str) -> str:
    """Load a file through the page; the main area's text once `expect` shows in it."""
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    page.wait_for_selector(f"text={name}", timeout=15_000)
    page.get_by_role("button", name="Nạp vào cơ sở dữ liệu").click()
    page.get_by_text(expect).first.wait_for(timeout=30_000)
    wait_idle(page)
    return text(page.locator("[data-testid='stMain']"))


def sign_out(page, base: str) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    # the provider's end-session endpoint, which asks to confirm, then back to the app
    page.wait_for_url(lambda u: "end_session" in u, timeout=30_000)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(lambda u: u.startswith(base), timeout=30_000)
    page.goto(base)
    wait_idle(page)
    assert page.get_by_role("button", name="Đăng nhập").count() == 1


def loads_by(db: Database, email: str) -> list[tuple[str, str]]:
    rows = db.query(sa.select(schema.data_loads.c.file_name, schema.data_loads.c.outcome,
                              schema.data_loads.c.loaded_by).order_by(schema.data_loads.c.id))
    return [(f, o) for f, o, w in rows.itertuples(index=False) if email in w]


def test_anonymous_visitors_see_the_pages_and_cannot_load(site, chromium):
    base, _ = site
    page = chromium.new_context().new_page()
    page.goto(f"{base}/data")
    wait_idle(page)
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert "Đăng nhập bằng tài khoản có quyền biên tập" in page.inner_text("body")
    page.goto(base)  # the pages are public
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip()


def test_a_viewer_has_no_upload_control(site, chromium):
    base, db = site
    context, page = sign_in(chromium, base, "viewer")
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert "chỉ có quyền xem" in page.inner_text("body")
    sign_out(page, base)
    context.close()
    assert loads_by(db, USERS["viewer"]["email"]) == []


def test_an_editor_loads_their_province_and_is_refused_another(site, chromium):
    base, db = site
    context, page = sign_in(chromium, base, "editor")
    assert "Bạn được nạp số liệu của: Hà Nội" in page.inner_text("body")
    shown = upload(page, "tp_hcm.csv", HCMC, "Tệp có số liệu của đơn vị bạn không được giao")
    assert "TP. Hồ Chí Minh" in shown
    assert "Đã nạp ha_noi.csv" in upload(page, "ha_noi.csv", HANOI, "Đã nạp ha_noi.csv")
    sign_out(page, base)
    context.close()
    assert loads_by(db, USERS["editor"]["email"]) == [("tp_hcm.csv", "rejected"),
                                                      ("ha_noi.csv", "ok")]


def test_an_administrator_loads_any_unit_and_keeps_the_grants(site, chromium):
    base, db = site
    context, page = sign_in(chromium, base, "admin")
    body = page.inner_text("body")
    assert "Bạn được nạp số liệu của mọi đơn vị" in body and "Phân quyền người dùng" in body
    assert "Đã nạp tp_hcm.csv" in upload(page, "tp_hcm.csv", HCMC, "Đã nạp tp_hcm.csv")
    page.get_by_role("textbox", name="Thư điện tử hoặc mã định danh").fill("xem@mic.gov.vn")
    page.get_by_role("textbox", name="Quyền", exact=True).fill("editor:79")
    page.get_by_role("button", name="Lưu quyền").click()
    page.get_by_text("Đã lưu quyền của").wait_for(timeout=30_000)
    assert "Đã lưu quyền của xem@mic.gov.vn" in text(page.locator("[data-testid='stMain']"))
    sign_out(page, base)
    context.close()
    assert loads_by(db, USERS["admin"]["email"]) == [("tp_hcm.csv", "ok")]
    # the viewer of the claim is now, by the table, the editor of TP. Hồ Chí Minh
    context, page = sign_in(chromium, base, "viewer")
    assert "Bạn được nạp số liệu của: TP. Hồ Chí Minh" in page.inner_text("body")
    context.close()


def test_a_network_server_without_sign_in_is_read_only(tmp_path, chromium):
    """Listening on every interface without [auth]: nobody may load, and the page says why."""
    url = f"duckdb:///{tmp_path / 'open.duckdb'}"
    fixture_data.build(Database(url))
    with streamlit_server(url, args=("--server.address", "0.0.0.0")) as base:
        page = chromium.new_context().new_page()
        page.goto(f"{base}/data")
        wait_idle(page)
        assert page.locator("[data-testid='stFileUploader']").count() == 0
        body = page.inner_text("body")
        assert "máy chủ này mở ra mạng mà chưa cấu hình đăng nhập" in body
        assert "Chỉ xem" in page.locator("[data-testid='stSidebar']").inner_text()
