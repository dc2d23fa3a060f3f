"""Every chart the app draws is a valid Vega-Lite spec (the app skips Altair's validation at
run time for speed, so it happens here), in both languages."""
from datetime import date

import pandas as pd
import pytest

from components.charts import _trend
from components.processing import _parts, _processing_chart
from components.ranking import _rank_chart
from domain.targets import Target


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_specs_validate(lang):
    trend = pd.DataFrame({"month": [date(2025, 1, 1), date(2025, 2, 1)], "value": [0.2, 0.25],
                          "series": ["unit", "unit"]})
    target = Target(2025, "localities", None, "full_online_rate", 0.7)
    _trend(trend, "full_online_rate", (("unit", "Hà Nội"),),
           (("unit", target, "Chỉ tiêu địa phương 70%"),), lang, 320).to_dict()
    ranked = pd.DataFrame({"key": ["01", "79"], "label": ["Hà Nội", "TP. Hồ Chí Minh"],
                           "value": [0.2, 0.8], "target": [0.7, None], "gap": [-0.5, None]})
    rules = pd.DataFrame({"target": [0.7], "label": ["Chỉ tiêu địa phương 70%"]})
    spec = _rank_chart(ranked, "full_online_rate", lang, rules).to_dict()
    assert spec["params"][0]["name"] == "pick"  # the selection a click drills down with
    totals = {"resolved_early": 5, "resolved_on_time": 3, "resolved_late": 2,
              "pending_on_time": 4, "pending_late": 1}
    _processing_chart(_parts(totals, lang), lang).to_dict()
