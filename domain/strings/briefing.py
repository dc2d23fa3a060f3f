"""Strings of the briefing pack (domain/briefing.py, data_access/briefing/, components/briefing.py):
the slides, their footer, the download buttons and the command line's refusals."""
STRINGS = {
    "brief_title": {"vi": "Báo cáo tóm tắt", "en": "Briefing"},
    "brief_file_stem": {"vi": "bao-cao", "en": "briefing"},
    "brief_created": {"vi": "Lập ngày {date}", "en": "Prepared on {date}"},
    "brief_rank_title": {"vi": "Xếp hạng", "en": "Where it ranks"},
    "brief_table_title": {"vi": "Bảng xếp hạng", "en": "Ranking table"},
    "brief_weakest_title": {"vi": "Cơ quan và thủ tục yếu nhất",
                            "en": "Weakest agencies and procedures"},
    "brief_weakest_agencies": {"vi": "Cơ quan yếu nhất", "en": "Weakest agencies"},
    "brief_weakest_procedures": {"vi": "Thủ tục yếu nhất", "en": "Weakest procedures"},
    "brief_weakest_caption": {"vi": "Theo {metric}, yếu nhất trước; {reported}.",
                              "en": "By {metric}, weakest first; {reported}."},
    "brief_position": {"vi": "Thứ {rank}/{total}", "en": "No. {rank} of {total}"},
    "brief_position_by_value": {
        "vi": "{name} trong {among}, theo {metric} (thứ 1 là tốt nhất).",
        "en": "{name} among {among}, by {metric} (no. 1 is the best)."},
    "brief_position_by_gap": {
        "vi": "Hạng {rank}/{total} trong bảng xếp hạng theo khoảng cách tới chỉ tiêu, xa chỉ "
              "tiêu nhất trước (như trên trang).",
        "en": "Rank {rank} of {total} in the ranking by gap to target, furthest behind first "
              "(as on the page)."},
    "brief_position_page_by_value": {
        "vi": "Hạng {rank}/{total} trong bảng xếp hạng của trang (chưa có chỉ tiêu: xếp theo "
              "giá trị, yếu nhất trước).",
        "en": "Rank {rank} of {total} in the page's ranking (no target: by value, weakest "
              "first)."},
    "brief_position_none": {"vi": "{name} chưa có số liệu {metric} trong kỳ.",
                            "en": "{name} has no {metric} figure for the period."},
    "brief_among_kind_province": {"vi": "các tỉnh, thành phố", "en": "the provinces"},
    "brief_among_kind_ministry": {"vi": "các bộ, ngành", "en": "the ministries"},
    "brief_among_level_ministry": {"vi": "các đơn vị thuộc {parent}",
                                   "en": "the units of {parent}"},
    "brief_among_level_province": {"vi": "các cơ quan cấp tỉnh của {parent}",
                                   "en": "the provincial agencies of {parent}"},
    "brief_among_level_district": {"vi": "các cơ quan cấp huyện của {parent}",
                                   "en": "the district agencies of {parent}"},
    "brief_among_level_commune": {"vi": "các cơ quan cấp xã của {parent}",
                                  "en": "the commune agencies of {parent}"},
    "brief_among_procedure": {"vi": "các thủ tục của {parent}", "en": "the procedures of {parent}"},
    "brief_chart_caption": {
        "vi": "{children}: {shown} đơn vị xa chỉ tiêu nhất trong {total}, theo {metric}; "
              "{reported}.",
        "en": "{children}: the {shown} furthest behind target of {total}, by {metric}; "
              "{reported}."},
    "brief_chart_caption_no_target": {
        "vi": "{children}: {shown} đơn vị yếu nhất trong {total}, theo {metric} (chưa có chỉ "
              "tiêu năm {year}); {reported}.",
        "en": "{children}: the {shown} weakest of {total}, by {metric} (no target for "
              "{year}); {reported}."},
    "brief_table_caption": {
        "vi": "Xếp theo khoảng cách tới chỉ tiêu, theo {metric}, xa nhất trước; {shown} dòng "
              "đầu trong {total}.",
        "en": "Ranked by gap to target, by {metric}, furthest behind first; the first {shown} "
              "of {total}."},
    "brief_table_caption_no_target": {
        "vi": "Chưa có chỉ tiêu năm {year}: xếp theo {metric}, yếu nhất trước; {shown} dòng "
              "đầu trong {total}.",
        "en": "No target for {year}: ranked by {metric}, weakest first; the first {shown} of "
              "{total}."},
    "brief_among_procedure_nation": {"vi": "các thủ tục trên toàn quốc",
                                     "en": "the procedures nationwide"},
    "brief_complete_until": {"vi": "Số liệu đầy đủ đến hết {month}.",
                             "en": "Complete data up to {month}."},
    "brief_more_months": {"vi": " (và {n} tháng trước đó)", "en": " (and {n} earlier months)"},
    "brief_page": {"vi": "Trang {n}/{total}", "en": "Page {n} of {total}"},
    "brief_download_pptx": {"vi": "Tải bản trình bày (PowerPoint)",
                            "en": "Download the briefing (PowerPoint)"},
    "brief_download_pdf": {"vi": "Tải bản trình bày (PDF)", "en": "Download the briefing (PDF)"},
    "brief_download_help": {
        "vi": "Bản trình bày của trang này: đơn vị, kỳ, chỉ số chính, xu hướng, xếp hạng, cơ "
              "quan và thủ tục yếu nhất; cùng số liệu với trang.",
        "en": "This page as slides: the unit, the period, the headline figures, the trend, the "
              "ranking, the weakest agencies and procedures; the same figures as the page."},
    # command line
    "brief_bad_month": {"vi": "Tháng không hợp lệ: “{value}” (cần YYYY-MM).",
                        "en": "Not a month: “{value}” (expected YYYY-MM)."},
    "brief_bad_order": {"vi": "Kỳ kết thúc ({end}) trước khi bắt đầu ({start}).",
                        "en": "The period ends ({end}) before it starts ({start})."},
    "brief_outside": {
        "vi": "Số liệu có từ {first} đến {last}; kỳ {period} nằm ngoài khoảng này.",
        "en": "Data runs from {first} to {last}; the period {period} lies outside it."},
    "brief_needs_code": {"vi": "--level {level} cần --{level}.",
                         "en": "--level {level} needs --{level}."},
    "brief_bad_metric": {
        "vi": "Chỉ số “{value}” không dùng được cho xu hướng và xếp hạng; chọn một trong: "
              "{choices}.",
        "en": "The metric “{value}” cannot be followed in the trend and ranking; choose one "
              "of: {choices}."},
    "brief_db_error": {
        "vi": "Không đọc được cơ sở dữ liệu {url}: không truy cập được, hoặc một tiến trình "
              "đang ghi vào đó quá lâu.",
        "en": "Could not read the database {url}: it cannot be reached, or a process has "
              "been writing to it for too long."},
    "brief_written": {"vi": "Đã ghi {slides} trang vào {path}.",
                      "en": "Wrote {slides} slides to {path}."},
}
