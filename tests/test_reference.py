"""A database prepared for real reports: schema and reference lists, no statistics, no
sample-data notice; preparing it twice changes nothing."""
import sqlalchemy as sa

from data_access import catalog, reference, schema
from data_access.db import Database


def test_prepare_a_database_for_real_reports(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'real.sqlite'}"
    assert reference.main(["--url", url]) == 0
    assert reference.main(["--url", url]) == 0
    assert "nothing to do" in capsys.readouterr().out
    db = Database(url)
    kinds = db.query(sa.select(schema.localities.c.kind, sa.func.count())
                     .group_by(schema.localities.c.kind)).set_index("kind")
    assert kinds.iloc[:, 0].to_dict() == {"ministry": 20, "province": 63}
    assert db.scalar(sa.select(sa.func.count()).select_from(schema.procedures)) == len(
        reference.procedures())
    status = catalog.data_status(db)
    assert not status["ready"] and not status["sample"]
