"""Strings of the figures: tiles' changes, which target a figure is measured against, the
ranking's caption and the charts' target labels."""
STRINGS = {
    "change_none": {"vi": "không đổi", "en": "unchanged"},
    # which target: on a chart's target line, in a ranking's caption, under a progress title
    "target_of_nation": {"vi": "Chỉ tiêu toàn quốc {value}", "en": "National target {value}"},
    "target_of_localities": {"vi": "Chỉ tiêu địa phương {value}",
                             "en": "Localities' target {value}"},
    "target_of_ministries": {"vi": "Chỉ tiêu bộ ngành {value}",
                             "en": "Ministries' target {value}"},
    "target_of_province": {"vi": "Chỉ tiêu {name} {value}", "en": "{name} target {value}"},
    "target_at_level": {"vi": "{target} ({level})", "en": "{target} ({level})"},
    "target_none_metric": {"vi": "Chưa có chỉ tiêu “{metric}” cho năm {year}.",
                           "en": "No {year} target for “{metric}”."},
    "target_none_here": {
        "vi": "Phạm vi này không có chỉ tiêu chung về “{metric}” năm {year}; các đơn vị bên "
              "dưới được so với chỉ tiêu của mình: {targets}.",
        "en": "No overall {year} target for “{metric}” applies here; the units below are "
              "measured against their own: {targets}."},
    "target_no_data": {"vi": "{target} · chưa có số liệu năm {year}",
                       "en": "{target} · no data for {year} yet"},
    "target_unpublished_localities": {
        "vi": "Chưa có chỉ tiêu “{metric}” năm {year} được công bố cho khối địa phương; "
              "bảng điều hành không dùng lại chỉ tiêu của năm trước.",
        "en": "No {year} target for “{metric}” has been published for the localities; the "
              "dashboard does not carry an earlier year's target forward."},
    # the ranking: what it ranks against, and how its chart is ordered
    "ranked_against": {
        "vi": "Bảng xếp theo khoảng cách tới chỉ tiêu năm {year} của từng đơn vị ({targets}), "
              "xa nhất trước. Biểu đồ xếp theo giá trị, {order}; số ở cuối thanh là khoảng "
              "cách tới chỉ tiêu.",
        "en": "The table is ranked by each unit's gap to its {year} target ({targets}), "
              "furthest behind first. The chart is ordered by value, {order}; the figure at "
              "the end of a bar is its gap to target."},
    "ranked_unset_last": {"vi": "Đơn vị chưa có chỉ tiêu xếp sau, theo giá trị.",
                          "en": "Units without a target come after, by value."},
    "ranked_by_value": {
        "vi": "Chưa có chỉ tiêu “{metric}” năm {year} cho các đơn vị này: xếp theo giá trị, "
              "{order}.",
        "en": "No {year} target for “{metric}” applies to these units: ranked by value, "
              "{order}."},
    "order_lowest_first": {"vi": "thấp nhất trước", "en": "lowest first"},
    "order_highest_first": {"vi": "cao nhất trước", "en": "highest first"},
    "drill_hint": {"vi": "Bấm vào một thanh hoặc một dòng để xem chi tiết.",
                   "en": "Click a bar or a row to drill down."},
}
