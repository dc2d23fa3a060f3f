"""A database prepared for real reports: schema and reference lists, no statistics, no
sample-data notice; preparing it twice changes nothing."""
import pytest
import sqlalchemy as sa

from data_access import catalog, reference, schema
from data_access.db import Database
from tests.conftest import DIALECTS, make_db


@pytest.mark.parametrize("dialect", DIALECTS)
def test_prepare_a_database_for_real_reports(tmp_path, capsys, dialect):
    db = make_db(dialect, tmp_path)
    db.drop_schema()
    url = db.url
    assert reference.main(["--url", url]) == 0
    assert reference.main(["--url", url]) == 0
    assert "nothing to do" in capsys.readouterr().out
    db = Database(url)
    eras = db.query(sa.select(schema.localities.c.kind, schema.localities.c.era, sa.func.count())
                    .group_by(schema.localities.c.kind, schema.localities.c.era))
    assert {(k, e if isinstance(e, str) else None): n
            for k, e, n in eras.itertuples(index=False)} == {
        ("ministry", None): 20, ("province", "63"): 63, ("province", "34"): 34}
    # the units of 01/07/2025: every commune, a service centre per province, no district
    levels = db.query(sa.text(
        "SELECT a.level, COUNT(*) FROM agencies a JOIN localities l ON l.code = a.locality_code "
        "WHERE l.era = '34' GROUP BY a.level")).set_index("level").iloc[:, 0].to_dict()
    assert levels["commune"] == 3321 and "district" not in levels
    assert db.scalar(sa.select(sa.func.count()).select_from(schema.agencies).where(
        schema.agencies.c.code.like("%-TTPVHCC"))) == 34
    assert db.scalar(sa.select(sa.func.count()).select_from(schema.procedures)) == len(
        reference.procedures())
    status = catalog.data_status(db)
    assert not status["ready"] and not status["sample"]
