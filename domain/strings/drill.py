"""Strings of the drill-down pages (province, agency, procedure) and their components."""
STRINGS = {
    "bad_scope": {"vi": "Không tìm thấy {name} “{value}”. Hãy chọn trong danh sách dưới đây.",
                  "en": "No {name} “{value}” was found. Choose one from the list below."},
    "choose": {"vi": "Chọn…", "en": "Choose…"},
    "longer_reports": {
        "vi": "{n} đơn vị chỉ báo cáo theo kỳ dài hơn kỳ đang xem, nên số liệu của họ không "
              "được tính ở đây: {items}{more}. Chọn kỳ bao trọn kỳ báo cáo của họ để xem.",
        "en": "{n} units reported only for a longer period than the one shown, so their "
              "figures are not counted here: {items}{more}. Choose a period that contains "
              "their report to see them."},
    "longer_report_item": {"vi": "{agency} ({place}, {start}–{end})",
                           "en": "{agency} ({place}, {start}–{end})"},
    "and_more": {"vi": " và {n} đơn vị khác", "en": " and {n} more"},
    "target_unpublished": {
        "vi": "Chưa có chỉ tiêu “{metric}” năm {year} được công bố cho bộ, ngành và địa phương; "
              "bảng điều hành không dùng lại chỉ tiêu của năm trước.",
        "en": "No {year} target for “{metric}” has been published for the ministries and "
              "localities; the dashboard does not carry an earlier year's target forward."},
    "param_province": {"vi": "địa phương, bộ ngành", "en": "province or ministry"},
    "param_agency": {"vi": "cơ quan", "en": "agency"},
    "param_procedure": {"vi": "thủ tục", "en": "procedure"},
    "param_metric": {"vi": "chỉ số", "en": "metric"},
    "param_from": {"vi": "tháng đầu kỳ", "en": "first month"},
    "param_to": {"vi": "tháng cuối kỳ", "en": "last month"},
    "choose_province": {"vi": "Chọn địa phương hoặc bộ, ngành", "en": "Choose a province or ministry"},
    "choose_agency": {"vi": "Chọn cơ quan", "en": "Choose an agency"},
    "choose_procedure": {"vi": "Chọn thủ tục", "en": "Choose a procedure"},
    "level_ministry": {"vi": "Đơn vị thuộc bộ, ngành", "en": "Ministry unit"},
    "level_province": {"vi": "Cơ quan cấp tỉnh", "en": "Provincial agency"},
    "level_district": {"vi": "Cấp huyện", "en": "District level"},
    "level_commune": {"vi": "Cấp xã", "en": "Commune level"},
    "procedure_code": {"vi": "Mã thủ tục {code}", "en": "Procedure code {code}"},
    "focus_metric": {"vi": "Chỉ số theo dõi (xu hướng và xếp hạng)",
                     "en": "Metric to follow (trend and ranking)"},
    "progress_title": {"vi": "{metric}: tiến độ năm {year}", "en": "{metric}: progress in {year}"},
    "ytd_value": {"vi": "Lũy kế từ đầu năm {year}", "en": "Year to date {year}"},
    "year_value": {"vi": "Cả năm {year}", "en": "Full year {year}"},
    "year_met": {"vi": "Cả năm đạt chỉ tiêu", "en": "The year met its target"},
    "year_missed": {"vi": "Cả năm không đạt chỉ tiêu", "en": "The year missed its target"},
    "projected_value": {"vi": "Dự báo cả năm", "en": "Projected full year"},
    "status_on_track": {"vi": "Đúng lộ trình đạt chỉ tiêu", "en": "On track to meet the target"},
    "status_at_risk": {"vi": "Có nguy cơ không đạt chỉ tiêu", "en": "At risk of missing the target"},
    "status_off_track": {"vi": "Chệch lộ trình, khó đạt chỉ tiêu", "en": "Off track"},
    "projection_method": {
        "vi": "Cách dự báo: các tháng còn lại lấy số hồ sơ của cùng tháng năm trước, nhân với mức "
              "tăng từ đầu năm; tỷ lệ nối dài xu hướng đường thẳng của tối đa 6 tháng gần nhất "
              "({n} tháng đã có số liệu). Tỷ lệ cả năm = tổng tử số / tổng mẫu số. Thấp hơn chỉ "
              "tiêu không quá 5 điểm %: có nguy cơ; thấp hơn nữa: chệch lộ trình.",
        "en": "Method: the remaining months take the same month's dossiers a year earlier, scaled "
              "by this year's growth so far; the rate continues the straight-line trend of up to "
              "the last 6 months ({n} months observed). The full-year rate is Σ numerators / "
              "Σ denominators. Within 5 points below target: at risk; further below: off track."},
    "children_locality": {"vi": "Các địa phương và bộ, ngành", "en": "Provinces and ministries"},
    "children_agency": {"vi": "Các cơ quan", "en": "Agencies"},
    "children_procedure": {"vi": "Các thủ tục", "en": "Procedures"},
    "show": {"vi": "Hiển thị", "en": "Show"},
    "filter_all": {"vi": "Tất cả", "en": "All"},
    "filter_kind_province": {"vi": "Tỉnh, thành phố", "en": "Provinces"},
    "filter_kind_ministry": {"vi": "Bộ, ngành", "en": "Ministries"},
    "filter_level_ministry": {"vi": "Đơn vị bộ, ngành", "en": "Ministry units"},
    "filter_level_province": {"vi": "Cấp tỉnh", "en": "Provincial"},
    "filter_level_district": {"vi": "Cấp huyện", "en": "District"},
    "filter_level_commune": {"vi": "Cấp xã", "en": "Commune"},
    "chart_first_n": {"vi": "Biểu đồ hiển thị {n} đơn vị đầu bảng xếp hạng trong {total}; bảng "
                            "dưới đây có đủ.",
                      "en": "The chart shows the first {n} of {total}; the table below has all."},
    "status_met": {"vi": "Đạt chỉ tiêu", "en": "Target met"},
    "status_behind": {"vi": "Chưa đạt chỉ tiêu", "en": "Behind target"},
    "status_none": {"vi": "Chưa có chỉ tiêu", "en": "No target"},
    "col_gap": {"vi": "Chênh lệch với chỉ tiêu", "en": "Gap to target"},
    "col_name": {"vi": "Tên", "en": "Name"},
    "col_rank": {"vi": "Hạng", "en": "Rank"},
    "col_code": {"vi": "Mã", "en": "Code"},
    "top5": {"vi": "5 đơn vị dẫn đầu", "en": "Top 5"},
    "bottom5": {"vi": "5 đơn vị cuối bảng", "en": "Bottom 5"},
    "processing_title": {"vi": "Tình hình giải quyết hồ sơ", "en": "Processing"},
    "proc_resolved": {"vi": "Đã giải quyết", "en": "Resolved"},
    "proc_pending": {"vi": "Đang giải quyết (cuối kỳ)", "en": "Pending (end of period)"},
    "proc_resolved_early": {"vi": "Giải quyết trước hạn", "en": "Resolved early"},
    "proc_resolved_on_time": {"vi": "Giải quyết đúng hạn", "en": "Resolved on time"},
    "proc_resolved_late": {"vi": "Giải quyết quá hạn", "en": "Resolved late"},
    "proc_pending_on_time": {"vi": "Đang giải quyết trong hạn", "en": "Pending within deadline"},
    "proc_pending_late": {"vi": "Đang giải quyết quá hạn", "en": "Pending overdue"},
    "payments_title": {"vi": "Thanh toán trực tuyến và mức độ hài lòng",
                       "en": "Online payments and satisfaction"},
    "no_payment_data": {"vi": "Phạm vi này chưa có số liệu thanh toán trực tuyến và đánh giá hài lòng.",
                        "en": "No online-payment or satisfaction figures for this scope."},
}
