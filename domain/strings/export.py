"""Strings of the command-line export (data_access/export.py): why a request is refused."""
STRINGS = {
    "export_split": {
        "vi": "Kỳ {start} – {end} có số liệu từ 01/07/2025, thuộc 34 tỉnh, thành phố mới: không "
              "thể tách lại thành 63 tỉnh cũ. Dùng --units 34, hoặc chọn kỳ kết thúc trước "
              "07/2025 để xem theo 63 tỉnh.",
        "en": "The period {start} – {end} reaches past 1 July 2025, whose figures belong to the "
              "34 new provinces and cannot be split back into the 63 old ones. Use --units 34, "
              "or a period that ends before 07/2025 to see the 63."},
    "export_province_retired": {
        "vi": "Mã {code} là của 63 tỉnh cũ: {old}. Từ 01/07/2025 tỉnh này là một phần của {new} "
              "(mã {new_code}). Theo 34 đơn vị hiện nay, dùng --province {new_code}; để xem tỉnh "
              "cũ, chọn kỳ kết thúc trước 07/2025 với --units 63.",
        "en": "Code {code} is one of the 63 old provinces: {old}. Since 1 July 2025 it is part "
              "of {new} (code {new_code}). In today's 34 units use --province {new_code}; to see "
              "the old province, choose a period that ends before 07/2025 with --units 63."},
    "export_province_unknown": {
        "vi": "Không có tỉnh, thành phố hoặc bộ, ngành nào mã {code} trong {units}.",
        "en": "No province or ministry has the code {code} in the {units}."},
    "export_procedure_unknown": {"vi": "Không có thủ tục nào mã {code}.",
                                 "en": "No procedure has the code {code}."},
    "export_agency_unknown": {"vi": "Không có cơ quan nào số {id}.",
                              "en": "No agency has the number {id}."},
}
