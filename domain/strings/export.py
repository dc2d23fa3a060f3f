"""Strings of the exports: why the command line refuses a request (data_access/export.py),
the words of exported files' names and the names of their sheets (≤ 31 characters, Excel's
limit: tests/test_export_names.py checks them)."""
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
    "export_takes_nation": {"vi": "cấp toàn quốc không nhận mã nào",
                            "en": "the nation level takes no code"},
    "export_takes_province": {"vi": "cấp tỉnh chỉ nhận --province",
                              "en": "the province level takes --province only"},
    "export_takes_agency": {"vi": "cấp cơ quan chỉ nhận --agency: cơ quan đã thuộc một tỉnh "
                                  "hoặc bộ",
                            "en": "the agency level takes --agency only: an agency belongs to "
                                  "one province or ministry"},
    "export_takes_procedure": {"vi": "cấp thủ tục nhận --procedure, thêm --province hoặc "
                                     "--agency nếu cần",
                               "en": "the procedure level takes --procedure, with --province "
                                     "or --agency if wanted"},
    "export_code_unused": {"vi": "--{arg} không dùng với --level {level}: {expected}.",
                           "en": "--{arg} is not used with --level {level}: {expected}."},
    "export_agency_elsewhere": {
        "vi": "--agency {id} ({agency}) không thuộc --province {code} ({province}).",
        "en": "--agency {id} ({agency}) is not in --province {code} ({province})."},
    "export_empty": {
        "vi": "Không có số liệu của {scope} trong kỳ {period}: không ghi tệp nào.",
        "en": "No figures for {scope} in {period}: nothing written."},
    "export_whole_country": {"vi": "cả nước", "en": "the whole country"},
    "export_out_no_folder": {"vi": "--out {path}: không có thư mục {folder}.",
                             "en": "--out {path}: there is no folder {folder}."},
    "export_out_is_folder": {"vi": "--out {path} là một thư mục; cần tên một tệp.",
                             "en": "--out {path} is a folder; give a file name."},
    "export_out_denied": {"vi": "--out {path}: không có quyền ghi vào thư mục {folder}.",
                          "en": "--out {path}: no permission to write in {folder}."},
    "export_out_failed": {"vi": "--out {path}: không ghi được tệp ({reason}).",
                          "en": "--out {path}: the file could not be written ({reason})."},
    "export_written": {"vi": "{n} dòng → {path}", "en": "{n} rows → {path}"},
    # The words of a file's name (made ASCII: "tinh_34-24_bac-ninh_theo-co-quan_…")
    "file_nation": {"vi": "cả nước", "en": "nation"},
    "file_province": {"vi": "tỉnh", "en": "province"},
    "file_ministry": {"vi": "bộ", "en": "ministry"},
    "file_agency": {"vi": "cơ quan", "en": "agency"},
    "file_procedure": {"vi": "thủ tục", "en": "procedure"},
    "file_by_locality": {"vi": "theo tỉnh, bộ", "en": "by province"},
    "file_by_agency": {"vi": "theo cơ quan", "en": "by agency"},
    "file_by_procedure": {"vi": "theo thủ tục", "en": "by procedure"},
    "file_by_month": {"vi": "theo tháng", "en": "by month"},
    # Sheet names: whole words, at most 31 characters
    "sheet_by_locality": {"vi": "Theo tỉnh và bộ, ngành", "en": "By province and ministry"},
    "sheet_by_agency": {"vi": "Theo cơ quan", "en": "By agency"},
    "sheet_by_procedure": {"vi": "Theo thủ tục", "en": "By procedure"},
    "sheet_by_month": {"vi": "Theo tháng", "en": "By month"},
    "sheet_rank_locality": {"vi": "Xếp hạng tỉnh và bộ, ngành",
                            "en": "Provinces, ministries ranked"},
    "sheet_rank_agency": {"vi": "Xếp hạng cơ quan", "en": "Agencies ranked"},
    "sheet_rank_procedure": {"vi": "Xếp hạng thủ tục", "en": "Procedures ranked"},
    "sheet_index766": {"vi": "Bộ chỉ số 766", "en": "Index 766"},
}
