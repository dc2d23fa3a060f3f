"""The layering rules: domain/ is pure (no Streamlit, no SQL, no file formats); only
data_access/ touches a database or a file format; pages stay thin."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("components/**/*.py")]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(ROOT.glob("domain/**/*.py")), ids=lambda p: p.name)
def test_domain_is_pure(path):
    assert not imported_modules(path) & {"streamlit", "sqlalchemy", "duckdb", "psycopg2",
                                         "openpyxl", "pydeck", "altair"}


@pytest.mark.parametrize("path", sorted(UI_FILES), ids=lambda p: p.name)
def test_ui_touches_no_database_or_file_format(path):
    assert not imported_modules(path) & {"sqlalchemy", "duckdb", "psycopg2", "openpyxl"}


@pytest.mark.parametrize("path", sorted(ROOT.glob("pages/*.py")) + [ROOT / "app.py"],
                         ids=lambda p: p.name)
def test_pages_are_thin(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 150
