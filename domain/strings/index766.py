"""Strings of the Decision 766 scoreboard: the page, the template and its loading, the
command line."""
STRINGS = {
    "nav_index766": {"vi": "Bộ chỉ số 766", "en": "Index 766"},
    "i766_title": {"vi": "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
                   "en": "Service index for citizens and businesses (Decision 766)"},
    "i766_week": {"vi": "Tuần {week}/{year} ({start}–{end})",
                  "en": "Week {week} of {year} ({start}–{end})"},
    # --- groups, levels, bands -----------------------------------------------------------
    "i766_group_transparency": {"vi": "Công khai, minh bạch", "en": "Transparency"},
    "i766_group_progress": {"vi": "Tiến độ, kết quả giải quyết", "en": "Progress and results"},
    "i766_group_online_services": {"vi": "Dịch vụ công trực tuyến",
                                   "en": "Online public services"},
    "i766_group_online_payment": {"vi": "Thanh toán trực tuyến", "en": "Online payment"},
    "i766_group_digitisation": {"vi": "Số hóa hồ sơ", "en": "Digitisation"},
    "i766_group_satisfaction": {"vi": "Mức độ hài lòng", "en": "Satisfaction"},
    "i766_level_province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "i766_level_ministry": {"vi": "Bộ, ngành", "en": "Ministry"},
    "i766_level_agency_province": {"vi": "Sở, ban, ngành, Trung tâm", "en": "Department or centre"},
    "i766_level_agency_district": {"vi": "Cấp huyện", "en": "District"},
    "i766_level_agency_commune": {"vi": "Cấp xã", "en": "Commune"},
    "i766_level_agency_ministry": {"vi": "Đơn vị thuộc bộ", "en": "Ministry unit"},
    "i766_band_excellent": {"vi": "Xuất sắc", "en": "Excellent"},
    "i766_band_good": {"vi": "Tốt", "en": "Good"},
    "i766_band_fair": {"vi": "Trung bình", "en": "Fair"},
    "i766_band_weak": {"vi": "Yếu", "en": "Weak"},
    "i766_relative": {
        "vi": "Thứ hạng là tương đối: tụt hạng chưa chắc là chất lượng phục vụ kém đi, có thể do "
              "đơn vị khác tiến nhanh hơn.",
        "en": "Ranks are relative: a lower rank is not by itself a lower quality of service; "
              "others may simply have improved faster."},
    "i766_rule_note": {
        "vi": "Tính lại từ số liệu hồ sơ: điểm = điểm tối đa nếu tỷ lệ ≥ ngưỡng, nếu không = tỷ lệ × "
              "điểm tối đa / ngưỡng; chỉ các chỉ số con mà số liệu hồ sơ có (58/100 điểm). Chênh "
              "lệch = điểm công bố − điểm tính lại quy về thang điểm của nhóm.",
        "en": "Recomputed from the dossier statistics: points = maximum if rate ≥ threshold, else "
              "rate × maximum / threshold; only the sub-indicators the statistics feed (58 of "
              "100 points). Difference = official − recomputed scaled to the group's maximum."},
    # --- columns (the template's and the tables') -----------------------------------------
    "i766_col_period": {"vi": "Kỳ", "en": "Period"},
    "i766_col_unit_code": {"vi": "Mã đơn vị", "en": "Unit code"},
    "i766_col_unit_name": {"vi": "Tên đơn vị", "en": "Unit name"},
    "i766_col_transparency": {"vi": "Công khai, minh bạch", "en": "Transparency"},
    "i766_col_progress": {"vi": "Tiến độ, kết quả giải quyết", "en": "Progress and results"},
    "i766_col_online_services": {"vi": "Dịch vụ công trực tuyến",
                                 "en": "Online public services"},
    "i766_col_online_payment": {"vi": "Thanh toán trực tuyến", "en": "Online payment"},
    "i766_col_digitisation": {"vi": "Số hóa hồ sơ", "en": "Digitisation"},
    "i766_col_satisfaction": {"vi": "Mức độ hài lòng", "en": "Satisfaction"},
    "i766_col_total": {"vi": "Tổng điểm", "en": "Total"},
    "i766_col_rank": {"vi": "Xếp hạng", "en": "Rank"},
    "i766_col_rank_of": {"vi": "Trên số đơn vị", "en": "Out of"},
    "i766_col_code": {"vi": "Mã", "en": "Code"},
    "i766_col_name": {"vi": "Đơn vị", "en": "Unit"},
    "i766_col_level": {"vi": "Cấp", "en": "Level"},
    "i766_col_band": {"vi": "Xếp loại", "en": "Band"},
    "i766_head_group": {"vi": "{group} (/{max})", "en": "{group} (/{max})"},
    "i766_head_recomputed": {"vi": "{group} — tính lại (/{max})",
                             "en": "{group} — recomputed (/{max})"},
    "i766_head_diff": {"vi": "{group} — chênh lệch", "en": "{group} — difference"},
    "i766_head_recomputed_total": {"vi": "Tổng tính lại (/{max})",
                                   "en": "Recomputed total (/{max})"},
    # --- the template ----------------------------------------------------------------------
    "i766_guide_sheet": {"vi": "Hướng dẫn", "en": "Guide"},
    "i766_guide_column": {"vi": "Cột", "en": "Column"},
    "i766_guide_meaning": {"vi": "Ý nghĩa", "en": "Meaning"},
    "i766_guide_required": {"vi": "Bắt buộc", "en": "Required"},
    "i766_required": {"vi": "bắt buộc", "en": "required"},
    "i766_optional": {"vi": "không bắt buộc", "en": "optional"},
    "i766_help_period": {
        "vi": "Kỳ công bố: tháng YYYY-MM (2026-10) hoặc tuần ISO YYYY-Www (2026-W43, thứ Hai – "
              "Chủ nhật; tuần của Cổng ghi theo tuần ISO chứa ngày cuối của nó). Đơn vị được đọc "
              "theo đơn vị hành chính của ngày cuối kỳ: từ 01/07/2025 là 34 tỉnh, thành phố.",
        "en": "The period published: a month YYYY-MM (2026-10) or an ISO week YYYY-Www (2026-W43, "
              "Monday–Sunday; file a portal week under the ISO week of its last day). Units are "
              "read in the units of the period's last day: from 01/07/2025 the 34 provinces."},
    "i766_help_unit_code": {
        "vi": "Mã như người dùng viết: tỉnh “24”, bộ “B-CA”, sở “01-S02”, xã “01-X00004” (không "
              "cần tiền tố 34:). Mã tỉnh đã giải thể sau 30/06/2025 bị từ chối kèm đơn vị mới.",
        "en": "The code as people write it: province “24”, ministry “B-CA”, department “01-S02”, "
              "commune “01-X00004” (no 34: prefix needed). A province code retired after "
              "30/06/2025 is refused with the unit it became."},
    "i766_help_unit_name": {
        "vi": "Tên đơn vị, để đối chiếu: tên khác với mã sẽ được cảnh báo.",
        "en": "The unit's name, as a check: a name that is not the code's unit is warned about."},
    "i766_help_transparency": {"vi": "Nhóm 1, tối đa 18 điểm; để trống nếu không công bố.",
                               "en": "Group 1, at most 18 points; blank when not published."},
    "i766_help_progress": {"vi": "Nhóm 2, tối đa 20 điểm.", "en": "Group 2, at most 20 points."},
    "i766_help_online_services": {"vi": "Nhóm 3 (dịch vụ công trực tuyến), tối đa 12 điểm.",
                                  "en": "Group 3 (online public services), at most 12 points."},
    "i766_help_online_payment": {"vi": "Nhóm 3 (thanh toán trực tuyến), tối đa 10 điểm.",
                                 "en": "Group 3 (online payment), at most 10 points."},
    "i766_help_digitisation": {"vi": "Nhóm 4, tối đa 22 điểm.", "en": "Group 4, at most 22 points."},
    "i766_help_satisfaction": {"vi": "Nhóm 5, tối đa 18 điểm.", "en": "Group 5, at most 18 points."},
    "i766_help_total": {
        "vi": "Tổng điểm công bố (0–100), dấu thập phân là dấu phẩy hoặc dấu chấm (92,80).",
        "en": "The published total (0–100), with a decimal comma or point (92.80)."},
    "i766_help_rank": {"vi": "Thứ hạng công bố (không bắt buộc; để trống thì tính theo tổng điểm).",
                       "en": "The published rank (optional; blank: ranked by total)."},
    "i766_help_rank_of": {"vi": "Số đơn vị được xếp hạng (34 tỉnh, số bộ, số xã của tỉnh…).",
                          "en": "How many units were ranked (34 provinces, the ministries, …)."},
    # --- loading ---------------------------------------------------------------------------
    "imp_i766_bad_period": {
        "vi": "“{value}” không phải kỳ công bố (cần YYYY-MM hoặc YYYY-Www, ví dụ 2026-10, 2026-W43).",
        "en": "“{value}” is not a period (expected YYYY-MM or YYYY-Www, e.g. 2026-10, 2026-W43)."},
    "imp_i766_score_text": {"vi": "“{value}” không phải điểm số.",
                            "en": "“{value}” is not a score."},
    "imp_i766_score_range": {"vi": "Điểm {value} nằm ngoài khoảng 0–{max}.",
                             "en": "Score {value} is outside 0–{max}."},
    "imp_i766_sum": {
        "vi": "Tổng các nhóm {sum} khác tổng điểm {total} (do làm tròn khi công bố?).",
        "en": "The groups add up to {sum}, not the total {total} (rounded when published?)."},
    "imp_i766_bad_rank": {"vi": "“{value}” không phải thứ hạng (số nguyên từ 1).",
                          "en": "“{value}” is not a rank (a whole number from 1)."},
    "imp_i766_rank_of": {"vi": "Hạng {rank} lớn hơn số đơn vị được xếp hạng ({of}).",
                         "en": "Rank {rank} exceeds the number of units ranked ({of})."},
    "imp_i766_unknown_unit": {
        "vi": "Không có tỉnh, bộ ngành hay cơ quan mã “{value}” trong kỳ này ({n} dòng). Gần nhất: {closest}.",
        "en": "No province, ministry or agency with code “{value}” in this period ({n} rows). Closest: {closest}."},
    "imp_i766_name_mismatch": {
        "vi": "Tên “{name}” không phải tên của mã {code} ({known}).",
        "en": "“{name}” is not the name of code {code} ({known})."},
    "imp_i766_duplicate": {"vi": "Trùng với dòng {first_row} (cùng kỳ, cùng đơn vị).",
                           "en": "Duplicates row {first_row} (same period and unit)."},
    "imp_i766_exists": {
        "vi": "Đã có điểm của {n} đơn vị cho kỳ trong tệp (ví dụ {unit}, kỳ từ {period}). Chọn “Thay thế điểm đã có” (--replace) để nạp đè.",
        "en": "Scores of {n} units are already loaded for the file's periods (e.g. {unit}, period from {period}). Choose “Replace existing scores” (--replace) to overwrite."},
    "imp_i766_replaced": {
        "vi": "Sẽ thay thế điểm đã có của {n} đơn vị (ví dụ {unit}, kỳ từ {period}).",
        "en": "The scores already loaded for {n} units will be replaced (e.g. {unit}, period from {period})."},
    "i766_result_ok": {"vi": "Đã nạp {file}: {rows} dòng điểm, kỳ {periods}; thay thế {replaced} dòng cũ.",
                       "en": "Loaded {file}: {rows} score rows, periods {periods}; {replaced} old rows replaced."},
    "i766_result_checked": {
        "vi": "Kiểm tra xong {file}, có thể nạp: {rows} dòng điểm, kỳ {periods}; sẽ thay thế {replaced} dòng cũ. Chưa ghi gì.",
        "en": "Checked {file}, ready to load: {rows} score rows, periods {periods}; {replaced} old rows to replace. Nothing written yet."},
    "i766_result_rejected": {"vi": "Không nạp {file}: {n} lỗi. Cơ sở dữ liệu không thay đổi.",
                             "en": "{file} was not loaded: {n} errors. The database is unchanged."},
    "i766_result_failed": {"vi": "Không nạp được {file}: lỗi khi ghi, đã hoàn tác ({n} lỗi).",
                           "en": "{file} could not be loaded: the write failed and was rolled back ({n} errors)."},
    "i766_result_unchanged": {"vi": "{file} đã được nạp trước đây; không thay đổi gì.",
                              "en": "{file} was loaded before; nothing changed."},
    # --- the command line --------------------------------------------------------------------
    "i766_cli_nothing": {"vi": "Không có điểm công bố hay số liệu hồ sơ nào cho {period}.",
                         "en": "No published scores and no dossier statistics for {period}."},
    "i766_cli_no_scores": {"vi": "Chưa nạp điểm công bố cho {period}: chỉ có điểm tính lại.",
                           "en": "No published scores loaded for {period}: recomputed groups only."},
    "i766_cli_period": {"vi": "Kỳ công bố: {period}; tính lại từ số liệu hồ sơ tháng {month}",
                        "en": "Period published: {period}; recomputed from the dossier statistics of {month}"},
}
