"""Every chart the app draws is a valid Vega-Lite spec (the app skips Altair's validation at
run time for speed, so it happens here), in both languages."""
from datetime import date

import pandas as pd
import pytest

from components.charts import _trend
from components.processing import _parts, _processing_chart
from components.ranking import _rank_chart


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_specs_validate(lang):
    trend = pd.DataFrame({"month": [date(2025, 1, 1), date(2025, 2, 1)], "value": [0.2, 0.25],
                          "series": ["Hà Nội", "Hà Nội"]})
    _trend(trend, "full_online_rate", (("2025", 0.7),), lang, 320).to_dict()
    ranked = pd.DataFrame({"key": ["01", "79"], "label": ["Hà Nội", "TP. Hồ Chí Minh"],
                           "value": [0.2, 0.8], "target": [0.7, None], "gap": [-0.5, None]})
    spec = _rank_chart(ranked, "full_online_rate", lang).to_dict()
    assert spec["params"][0]["name"] == "pick"  # the selection a click drills down with
    totals = {"resolved_early": 5, "resolved_on_time": 3, "resolved_late": 2,
              "pending_on_time": 4, "pending_late": 1}
    _processing_chart(_parts(totals, lang), lang).to_dict()
