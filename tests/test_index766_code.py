"""The scoreboard's code keeps the project's rules: every string it asks for exists in both
languages (including the keys it builds at run time), its UI folder touches no database or
file format, and its chart is a valid Vega-Lite spec in both languages."""
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from components.index766.charts import history_chart
from domain import i18n
from domain import index766 as I
from tests.test_layering import imported_modules

ROOT = Path(__file__).resolve().parent.parent
UI = sorted((ROOT / "components" / "index766").glob("*.py")) + [ROOT / "pages" / "index766.py"]
CODE = UI + [ROOT / "data_access" / "index766.py", ROOT / "data_access" / "sample_index766.py",
             ROOT / "domain" / "index766.py"]


def test_every_string_asked_for_exists():
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""")
    used = {k for path in CODE for k in pattern.findall(path.read_text(encoding="utf-8"))}
    built = [f"i766_{p}_{g.id}" for g in I.GROUPS for p in ("group", "gshort", "col", "help")]
    built += [f"i766_{p}_{s.id}" for s in I.SUBINDICATORS for p in ("sub", "missed")]
    built += [f"i766_band_{b}" for _, b, _ in I.BANDS]
    built += [f"i766_status_{s}" for s in (I.PUBLISHED, I.ASSUMED)]
    built += [f"i766_{p}_{name}" for kind in I.COMPARISONS.values() for name, _ in kind
              for p in ("d_rank", "d_total", "delta", "rank_delta")]
    built += [f"i766_kind_{k}" for k in (I.WEEK, I.MONTH)]
    built += [f"i766_level_{lv}" for lv in ("province", "ministry")]
    built += [f"i766_level_agency_{lv}" for lv in ("province", "district", "commune", "ministry")]
    built += [f"i766_list_{lv}" for lv in ("province", "district", "commune", "ministry")]
    built += [f"i766_result_{o}" for o in ("ok", "checked", "rejected", "failed", "unchanged")]
    built += [f"i766_unit_col_{c}" for c in ("group", "max", "official", "lost", "recomputed",
                                             "of", "diff")]
    built += [f"imp_{c}" for c in ("i766_bad_period", "i766_score_text", "i766_score_range",
                                   "i766_sum", "i766_bad_rank", "i766_rank_of",
                                   "i766_unknown_unit", "i766_name_mismatch", "i766_duplicate",
                                   "i766_exists", "i766_replaced")]
    missing = sorted((used | set(built)) - set(i18n.STRINGS))
    assert not missing, missing


@pytest.mark.parametrize("path", UI, ids=lambda p: p.name)
def test_ui_touches_no_database_or_file_format(path):
    assert not imported_modules(path) & {"sqlalchemy", "duckdb", "psycopg2", "openpyxl"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", [I.WEEK, I.MONTH])
def test_history_chart_validates(lang, kind):
    frame = pd.DataFrame([
        {"period_start": date(2026, 10, 12), "period_end": date(2026, 10, 18), "total": 84.0,
         **{g.id: g.points * 0.9 for g in I.GROUPS}},
        {"period_start": date(2026, 10, 19), "period_end": date(2026, 10, 25), "total": 84.5,
         **{g.id: g.points * 0.92 for g in I.GROUPS}, "transparency": float("nan")},
    ])
    spec = history_chart(frame, kind, lang).to_dict()  # validates against the schema
    assert spec["facet"]["field"] == "group"
