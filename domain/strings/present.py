"""Strings of the big-screen mode (?present=1, components/present)."""
STRINGS = {
    "present_link": {"vi": "Trình chiếu màn hình lớn", "en": "Present on a big screen"},
    "present_link_help": {
        "vi": "Mở trang này ở chế độ trình chiếu (tab mới): chữ và số lớn, không có thanh bên, "
              "các trang tự chuyển sau mỗi {seconds} giây. Thêm “&interval=” (giây) và "
              "“&views=” (ví dụ nation,map,bottom10,top10,province:24) vào địa chỉ để chọn.",
        "en": "Open this page in big-screen mode (new tab): large text and figures, no sidebar, "
              "slides that change every {seconds} seconds. Add “&interval=” (seconds) and "
              "“&views=” (e.g. nation,map,bottom10,top10,province:24) to the address to choose."},
    "present_prev": {"vi": "Trước", "en": "Previous"},
    "present_next": {"vi": "Tiếp", "en": "Next"},
    "present_pause": {"vi": "Dừng", "en": "Pause"},
    "present_resume": {"vi": "Chạy tiếp", "en": "Resume"},
    "present_counter": {"vi": "{i}/{n}", "en": "{i}/{n}"},
    "present_paused": {"vi": "Đang dừng", "en": "Paused"},
    "present_every": {"vi": "{seconds} giây/trang", "en": "{seconds} s a slide"},
    "present_bad_interval": {
        "vi": "Tham số “interval={value}” không hợp lệ (cần số giây); mỗi trang hiển thị "
              "{seconds} giây.",
        "en": "The parameter “interval={value}” is not valid (seconds expected); each slide "
              "shows for {seconds} seconds."},
    "present_low_interval": {
        "vi": "“interval={value}” quá ngắn để đọc; mỗi trang hiển thị {seconds} giây (tối thiểu).",
        "en": "“interval={value}” is too short to read; each slide shows for {seconds} seconds "
              "(the minimum)."},
    "present_high_interval": {
        "vi": "“interval={value}” quá dài; mỗi trang hiển thị {seconds} giây (tối đa).",
        "en": "“interval={value}” is too long; each slide shows for {seconds} seconds (the "
              "maximum)."},
    "present_bad_views": {
        "vi": "Bỏ qua trong “views”: {items}. Các mục dùng được: nation, map, bottom10, top10, "
              "province:MÃ, bottom10:MÃ, top10:MÃ (tối đa {max} mục).",
        "en": "Left out of “views”: {items}. Entries that work: nation, map, bottom10, top10, "
              "province:CODE, bottom10:CODE, top10:CODE (at most {max})."},
    "present_unknown_unit": {
        "vi": "Không có địa phương, bộ ngành mã “{code}” trong {units}: bỏ qua trang “{view}”.",
        "en": "No province or ministry with code “{code}” among the {units}: slide “{view}” "
              "left out."},
    "present_data_end": {"vi": "Số liệu đến hết ngày {date}", "en": "Data up to {date}"},
    "present_sample": {"vi": "SỐ LIỆU MẪU, không phải số liệu chính thức",
                       "en": "SAMPLE DATA, not official statistics"},
    # neutral words: the ends of a ranking by gap may all be behind, or all ahead
    "present_bottom": {"vi": "{n} đơn vị cuối bảng so với chỉ tiêu",
                       "en": "The bottom {n} against the target"},
    "present_top": {"vi": "{n} đơn vị dẫn đầu so với chỉ tiêu",
                    "en": "The top {n} against the target"},
    "present_bottom_value": {"vi": "{n} đơn vị cuối bảng (chưa có chỉ tiêu)",
                             "en": "The bottom {n} (no target set)"},
    "present_top_value": {"vi": "{n} đơn vị dẫn đầu (chưa có chỉ tiêu)",
                          "en": "The top {n} (no target set)"},
    "present_behind_count": {"vi": "{n}/{total} đơn vị chưa đạt chỉ tiêu năm {year}",
                             "en": "{n} of {total} units behind the {year} target"},
    "present_tick_note": {
        "vi": "Vạch đen: chỉ tiêu của từng đơn vị; trong ngoặc: chênh lệch với chỉ tiêu (điểm %). "
              "{reported}.",
        "en": "Black tick: each unit's target; in brackets: the gap to it (points). {reported}."},
    "present_verdict_title": {"vi": "So với chỉ tiêu", "en": "Against the target"},
}
