"""Strings of the two eras of local government (63 provinces before 01/07/2025, 34 since)."""
STRINGS = {
    "era_63_name": {"vi": "{name} (trước 01/07/2025)", "en": "{name} (before 01/07/2025)"},
    "units_label": {"vi": "Đơn vị hành chính cấp tỉnh", "en": "Provincial units"},
    "units_63": {"vi": "63 tỉnh, thành phố (trước 01/07/2025)",
                 "en": "63 provinces (before 01/07/2025)"},
    "units_34": {"vi": "34 tỉnh, thành phố (từ 01/07/2025)",
                 "en": "34 provinces and cities (from 01/07/2025)"},
    "units_bad": {"vi": "Không có tập đơn vị “{value}”: chỉ có 63 (trước 01/07/2025) hoặc 34 "
                        "(từ 01/07/2025). Trang hiển thị theo {shown} đơn vị.",
                  "en": "There is no unit set “{value}”: only 63 (before 01/07/2025) or 34 (from "
                        "01/07/2025). The page shows {shown} units."},
    "units_split": {"vi": "Số liệu từ 01/07/2025 thuộc 34 tỉnh, thành phố mới và không thể tách "
                          "lại thành 63 tỉnh cũ: kỳ này được hiển thị theo 34 đơn vị.",
                    "en": "Figures from 01/07/2025 belong to the 34 new provinces and cannot be "
                          "split back into the 63 old ones: this period is shown in the 34 units."},
    "units_history_note": {
        "vi": "Số liệu trước 01/07/2025 của mỗi tỉnh, thành phố hiện nay là tổng của các tỉnh cũ "
              "hợp thành (cộng tử số và mẫu số rồi tính lại tỷ lệ, không lấy trung bình các tỷ lệ).",
        "en": "Figures before 01/07/2025 of each province of today are the sums of the old "
              "provinces it was made of (numerators and denominators added, then the rate "
              "recomputed; rates are never averaged)."},
    "unit_members": {"vi": "{name} hợp nhất từ: {members}.", "en": "{name} was formed from: {members}."},
    "code_retired": {
        "vi": "Mã {code} là {old} trước 01/07/2025; từ 01/07/2025 tỉnh này thuộc {new} (mã "
              "{new_code}). Trang hiển thị {new}.",
        "en": "Code {code} was {old} before 01/07/2025; from 01/07/2025 it is part of {new} "
              "(code {new_code}). The page shows {new}."},
    "code_changed": {
        "vi": "Lưu ý: mã {code} trước 01/07/2025 là {old}; từ 01/07/2025 là {new}.",
        "en": "Note: code {code} was {old} before 01/07/2025 and is {new} from 01/07/2025."},
    "code_not_yet": {
        "vi": "Mã {code} là {new}, đơn vị từ 01/07/2025: kỳ trước ngày đó được hiển thị bằng số "
              "liệu cộng từ các tỉnh cũ hợp thành.",
        "en": "Code {code} is {new}, a unit from 01/07/2025: the period before that day is shown "
              "with the figures of the old provinces it was made of."},
    "agency_ended": {
        "vi": "{name} có số liệu đến 06/2025: từ 01/07/2025 công việc của cơ quan thuộc các "
              "cơ quan của 34 tỉnh, thành phố mới (cấp huyện đã kết thúc). Hãy chọn kỳ trước "
              "07/2025 để xem số liệu của cơ quan này.",
        "en": "{name} has figures up to 06/2025: from 01/07/2025 its work belongs to the "
              "agencies of the 34 new provinces (the district level ended). Choose a period "
              "before 07/2025 to see this agency's figures."},
    "agency_started": {
        "vi": "{name} là cơ quan từ 01/07/2025: kỳ trước ngày đó không có số liệu của cơ quan này.",
        "en": "{name} is an agency from 01/07/2025: there are no figures for it before that day."},
    "unit_ended_no_projection": {
        "vi": "Đơn vị này hoạt động đến 30/06/2025 (trước khi sắp xếp thành 34 tỉnh, thành phố): "
              "không dự báo cả năm. Xem tỉnh, thành phố hiện nay để theo dõi cả năm.",
        "en": "This unit existed until 30/06/2025 (before the reorganisation into 34 provinces): "
              "no full-year projection. Open the province of today to follow the whole year."},
    "city_since": {"vi": "{name} từ {date}",
                   "en": "{name}, a centrally-run city since {date},"},
    "show_history_34": {"vi": "Xem theo 34 đơn vị hiện nay", "en": "Show in today's 34 units"},
    "show_history_63": {"vi": "Xem theo 63 tỉnh cũ", "en": "Show in the 63 old provinces"},
    "level_centre": {"vi": "Trung tâm Phục vụ hành chính công",
                     "en": "Public Administration Service Centre"},
}
