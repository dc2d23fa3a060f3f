"""The metric catalogue and the translations are complete: a metric without a label, a
definition or a source in both languages fails, and so does a string missing a language."""
import re
from pathlib import Path

import pytest

from data_access import reference
from domain import i18n
from domain.metrics import COUNT_COLUMNS, MEASURES, METRICS, metric_for_target
from domain.periods import PRESETS
from domain.targets import UNMEASURED

ROOT = Path(__file__).resolve().parent.parent
VI_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


@pytest.mark.parametrize("metric", METRICS.values(), ids=list(METRICS))
def test_every_metric_is_documented(metric):
    for text in (metric.label_vi, metric.label_en, metric.definition_vi, metric.definition_en,
                 metric.source):
        assert text.strip(), f"{metric.id} lacks a label, definition or source"
    assert VI_LETTERS.search(metric.label_vi + metric.definition_vi), \
        f"{metric.id}: the Vietnamese text has no diacritics"
    for m in metric.numerator + metric.denominator:
        assert m in MEASURES, f"{metric.id} uses unknown measure {m}"


def test_measures_read_real_columns():
    for m in MEASURES.values():
        for c in m.columns + m.minus + ((m.where_reported,) if m.where_reported else ()):
            assert c in COUNT_COLUMNS


def test_every_target_maps_to_a_metric_or_says_why_not():
    for name in set(reference.targets()["metric"]):
        assert metric_for_target(name) is not None or name in UNMEASURED, name


@pytest.mark.parametrize("key", list(i18n.STRINGS))
def test_every_string_has_both_languages(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == set(i18n.LANGS), key
    assert all(entry[lang].strip() for lang in i18n.LANGS), key
    # Placeholders must match, or one language would fail to format.
    assert set(re.findall(r"{(\w+)}", entry["vi"])) == set(re.findall(r"{(\w+)}", entry["en"]))


def _keys_used_in_code() -> set[str]:
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""")
    keys = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("components/**/*.py")]:
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return keys


def test_code_asks_only_for_known_strings():
    missing = _keys_used_in_code() - set(i18n.STRINGS)
    assert not missing, f"strings used but not translated: {sorted(missing)}"


def test_keys_built_at_run_time_exist():
    built = [f"period_{p}" for p in PRESETS + ("custom",)]
    built += [f"kind_{m.kind.value}" for m in METRICS.values()]
    built += [f"agg_{m.aggregation}" for m in METRICS.values()]
    built += [f"better_{m.better or 'none'}" for m in METRICS.values()]
    built += [f"block_{k}" for k in ("province", "ministry")]
    assert not [k for k in built if k not in i18n.STRINGS]
