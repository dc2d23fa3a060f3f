"""Strings of completeness and freshness: which units have reported, up to when the data runs."""
STRINGS = {
    "data_until": {"vi": "Số liệu đầy đủ đến hết {month}; cập nhật {date}.",
                   "en": "Complete data up to {month}; updated {date}."},
    "month_partial": {"vi": "{month}: {reported}/{expected} đơn vị đã báo cáo",
                      "en": "{month}: {reported} of {expected} units reported"},
    "range_incomplete": {
        "vi": "Kỳ đang xem có tháng chưa đủ báo cáo ({months}): số liệu còn thay đổi. Không so "
              "sánh với cùng kỳ năm trước, vì hai kỳ không cùng tập đơn vị báo cáo.",
        "en": "The period shown has months not yet fully reported ({months}): the figures will "
              "change. No comparison with a year earlier, since the two periods would not cover "
              "the same reporting units."},
    "trend_incomplete": {
        "vi": "Điểm nhạt: tháng chưa đủ báo cáo ({months}).",
        "en": "Faded points: months not yet fully reported ({months})."},
    "coverage_title": {"vi": "Đơn vị chưa báo cáo", "en": "Units not yet reported"},
    "coverage_month": {"vi": "Tháng", "en": "Month"},
    "coverage_caption": {
        "vi": "Đơn vị phải báo cáo một tháng: cơ quan của tỉnh, thành phố (theo đơn vị hành chính "
              "của tháng đó) và đơn vị thuộc bộ, ngành đã báo cáo cho ít nhất một trong ba tháng "
              "trước. Tháng đủ số liệu khi ít nhất {share} đơn vị phải báo cáo đã báo cáo.",
        "en": "Units expected for a month: the agencies of the provinces (in that month's units) "
              "and ministries that reported for at least one of the three months before. A month "
              "is complete when at least {share} of the expected units have reported."},
    "coverage_none_late": {"vi": "Mọi đơn vị phải báo cáo đã báo cáo cho {month}.",
                           "en": "Every expected unit has reported for {month}."},
    "cov_summary": {"vi": "{month}: {reported}/{expected} đơn vị đã báo cáo; {late} đơn vị chưa báo cáo.",
                    "en": "{month}: {reported} of {expected} units reported; {late} not yet."},
    "cov_col_province": {"vi": "Tỉnh, thành phố, bộ ngành", "en": "Province or ministry"},
    "cov_col_code": {"vi": "Mã đơn vị", "en": "Unit code"},
    "cov_col_agency": {"vi": "Đơn vị", "en": "Unit"},
    "cov_col_last": {"vi": "Báo cáo gần nhất đến ngày", "en": "Last report up to"},
    "cov_bad_month": {"vi": "Tháng không hợp lệ: “{value}” (cần YYYY-MM).",
                      "en": "Not a month: “{value}” (expected YYYY-MM)."},
    "cov_bad_province": {"vi": "Không có tỉnh, thành phố hoặc bộ ngành mã “{value}” trong {era}.",
                         "en": "No province or ministry with code “{value}” among the {era}."},
}
