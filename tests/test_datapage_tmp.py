from pathlib import Path
from streamlit.testing.v1 import AppTest
ROOT = Path("/work/main")

def run(**params):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/data.py")
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()

def test_pages(app_db):
    from tests.test_import_corpus import add_new_era_agencies
    from data_access.db import Database
    db = Database(f"duckdb:///{app_db}"); add_new_era_agencies(db)
    from tests.test_import_corpus import flat_csv, flat_row
    from data_access import importer
    r = importer.import_file(db, flat_csv([flat_row(period_start="2026-03-01", period_end="2026-03-31")]), "x.csv")
    assert r.outcome == "ok"; db.dispose()
    for params in ({"from": "2024-01", "to": "2024-03"}, {"from": "2026-01", "to": "2026-03"},
                   {"from": "2025-01", "to": "2025-12"},
                   {"from": "2024-01", "to": "2024-03", "province": "01", "units": "34"},
                   {"from": "2026-01", "to": "2026-03", "province": "01", "agency": "101"}):
        at = run(**params)
        assert not at.exception, [e.value for e in at.exception]
        sb = [s for s in at.selectbox]
        print(params, [(s.label, s.value, s.options[:3]) for s in sb][:1], [i.value[:60] for i in at.info], dict(at.query_params))
