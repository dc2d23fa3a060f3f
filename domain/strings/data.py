"""Strings of loading and exporting data: the /data page, the import's messages (keys
"imp_<code>" for every Issue code of domain/validation.py), the flat template's guide and the
Excel downloads."""

STRINGS = {
    # --- where a problem is --------------------------------------------------------------
    "imp_at_sheet": {"vi": "Trang tính “{sheet}”", "en": "Sheet “{sheet}”"},
    "imp_at_row": {"vi": "dòng {row}", "en": "row {row}"},
    "imp_at_column": {"vi": "cột “{column}”", "en": "column “{column}”"},
    "imp_error": {"vi": "LỖI", "en": "ERROR"},
    "imp_warning": {"vi": "CẢNH BÁO", "en": "WARNING"},
    "imp_more": {"vi": "và {n} trường hợp khác cùng loại (không liệt kê hết)",
                 "en": "and {n} more of the same kind (not all listed)"},
    # --- the file itself ---------------------------------------------------------------
    "imp_file_empty": {"vi": "Tệp rỗng, không có nội dung.", "en": "The file is empty."},
    "imp_file_too_large": {
        "vi": "Tệp quá lớn ({size} MB); giới hạn là {limit} MB. Hãy tách thành nhiều tệp.",
        "en": "The file is too large ({size} MB); the limit is {limit} MB. Split it into several files."},
    "imp_file_protected": {
        "vi": "Tệp Excel được đặt mật khẩu (mã hóa). Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi nạp lại.",
        "en": "The Excel file is password-protected (encrypted). Remove the password (File → Info → Protect Workbook) and load it again."},
    "imp_file_xls": {
        "vi": "Tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu: chưa đọc được. Hãy lưu thành .xlsx (không mật khẩu).",
        "en": "An Excel 97–2003 file (.xls) or a password-protected one cannot be read. Save it as .xlsx (without a password)."},
    "imp_file_not_table": {
        "vi": "Không phải tệp Excel (.xlsx) hay CSV. Chỉ nhận biểu II.06a hoặc mẫu phẳng dạng .xlsx / .csv (UTF-8).",
        "en": "Not an Excel (.xlsx) or CSV file. Only form II.06a or the flat template, as .xlsx / .csv (UTF-8), are accepted."},
    "imp_file_damaged": {
        "vi": "Tệp Excel bị hỏng, không mở được. Hãy mở bằng Excel, lưu lại thành .xlsx rồi nạp lại.",
        "en": "The Excel file is damaged and cannot be opened. Open it in Excel, save it again as .xlsx and reload."},
    "imp_file_macro": {
        "vi": "Tệp có macro (.xlsm / VBA): không nhận vì lý do an toàn. Hãy lưu thành .xlsx (Sổ làm việc Excel).",
        "en": "A macro-enabled workbook (.xlsm / VBA) is refused for safety. Save it as .xlsx (Excel Workbook)."},
    "imp_file_unsafe": {
        "vi": "Tệp có cấu trúc mà Excel không bao giờ tạo ({detail}): không nhận vì lý do an toàn. Hãy mở bằng Excel và lưu lại thành .xlsx.",
        "en": "The file holds structures Excel never writes ({detail}): refused for safety. Open it in Excel and save it again as .xlsx."},
    "imp_file_external_link": {
        "vi": "Sổ làm việc liên kết tới tệp hoặc nguồn bên ngoài ({part}): số liệu phải là của chính tệp. Trong Excel chọn Dữ liệu → Sửa liên kết → Ngắt liên kết (hoặc sao chép rồi dán giá trị), lưu lại rồi nạp.",
        "en": "The workbook links to another file or an outside source ({part}): the figures must be the file's own. In Excel use Data → Edit Links → Break Link (or copy and paste values), save and load again."},
    "imp_file_connection": {
        "vi": "Sổ làm việc có kết nối dữ liệu hoặc truy vấn ra ngoài ({part}): số liệu có thể đổi khi làm mới. Hãy sao chép, dán giá trị vào một sổ mới rồi nạp.",
        "en": "The workbook has a data connection or an outside query ({part}): its figures can change on refresh. Copy and paste the values into a new workbook and load that."},
    "imp_file_part_too_large": {
        "vi": "Thành phần {part} của tệp Excel quá lớn khi giải nén ({size} MB; giới hạn {limit} MB).",
        "en": "Part {part} of the Excel file is too large once unpacked ({size} MB; the limit is {limit} MB)."},
    "imp_workbook_too_large": {
        "vi": "Sổ làm việc có {cells} ô, vượt giới hạn {limit} ô đọc được. Hãy tách thành nhiều tệp hoặc dùng mẫu phẳng dạng CSV.",
        "en": "The workbook has {cells} cells, more than the {limit} that can be read. Split it into several files or use the flat template as CSV."},
    "imp_sheet_too_large": {
        "vi": "Vùng dữ liệu của trang tính ({cells} hàng × cột) vượt giới hạn {limit} ô. Hãy xóa các hàng, cột thừa (kể cả ô lẻ ở rất xa bảng) hoặc tách tệp.",
        "en": "The sheet's used range ({cells} rows × columns) exceeds the {limit}-cell limit. Delete the unused rows and columns (including a stray cell far from the table) or split the file."},
    "imp_sheet_declared_too_large": {
        "vi": "Trang tính khai báo vùng {ref} ({cells} ô), vượt giới hạn {limit} ô. Hãy xóa các hàng, cột thừa rồi lưu lại bằng Excel.",
        "en": "The sheet declares the range {ref} ({cells} cells), more than the {limit}-cell limit. Delete the unused rows and columns and save it again in Excel."},
    "imp_sheet_out_of_bounds": {
        "vi": "Ô hoặc vùng {ref} nằm ngoài giới hạn của trang tính Excel: tệp bị hỏng hoặc không do Excel tạo.",
        "en": "Cell or range {ref} lies beyond an Excel sheet's bounds: the file is damaged or was not written by Excel."},
    "imp_sheet_merges_too_large": {
        "vi": "Các vùng gộp ô (đến {ref}) phủ quá {limit} ô. Hãy bỏ gộp các vùng lớn (Trang đầu → Gộp và căn giữa → Bỏ gộp ô).",
        "en": "The merged areas (up to {ref}) cover more than {limit} cells. Unmerge the large areas (Home → Merge & Center → Unmerge Cells)."},
    "imp_cell_too_long": {
        "vi": "Ô chứa hơn {limit} ký tự, quá giới hạn của Excel: tệp bị hỏng hoặc không do Excel tạo.",
        "en": "The cell holds more than {limit} characters, beyond Excel's own limit: the file is damaged or was not written by Excel."},
    "imp_shared_string_too_long": {
        "vi": "Chuỗi văn bản thứ {n} của sổ làm việc dài hơn {limit} ký tự, quá giới hạn của Excel: tệp bị hỏng hoặc không do Excel tạo.",
        "en": "Text no. {n} of the workbook is longer than {limit} characters, beyond Excel's own limit: the file is damaged or was not written by Excel."},
    "imp_shared_strings_too_many": {
        "vi": "Sổ làm việc có quá {limit} chuỗi văn bản: vượt giới hạn đọc được.",
        "en": "The workbook holds more than {limit} texts: more than can be read."},
    "imp_formula_too_long": {
        "vi": "Công thức dài hơn {limit} ký tự, quá giới hạn của Excel.",
        "en": "The formula is longer than {limit} characters, beyond Excel's own limit."},
    "imp_formula_external": {
        "vi": "Ô có công thức lấy số liệu từ tệp khác hoặc từ Internet ({formula}): chỉ nhận số liệu của chính tệp. Hãy sao chép rồi dán giá trị (Dán đặc biệt → Giá trị), lưu lại rồi nạp.",
        "en": "The cell's formula takes its figures from another file or the web ({formula}): only the file's own figures are accepted. Copy and paste values (Paste Special → Values), save and load again."},
    "imp_csv_encoding": {
        "vi": "Tệp CSV không ở mã UTF-8 (dấu tiếng Việt sẽ sai). Trong Excel chọn Lưu thành → “CSV UTF-8”.",
        "en": "The CSV file is not UTF-8 (Vietnamese accents would be garbled). In Excel use Save As → “CSV UTF-8”."},
    "imp_csv_damaged": {
        "vi": "Tệp CSV sai cấu trúc (số cột không khớp với dòng tiêu đề).",
        "en": "The CSV file is malformed (the number of fields does not match the header)."},
    "imp_no_header": {
        "vi": "Không tìm thấy dòng tiêu đề nhận biết được (cần biểu {expected}).",
        "en": "No recognisable header row (expected {expected})."},
    "imp_sheet_empty": {"vi": "Trang tính trống, không có số liệu.",
                        "en": "The sheet is empty: no data."},
    "imp_sheet_no_rows": {"vi": "Có tiêu đề nhưng không có dòng số liệu nào.",
                          "en": "There is a header but no data row."},
    "imp_too_many_rows": {"vi": "Quá nhiều dòng ({n}); giới hạn {limit} dòng mỗi tệp.",
                          "en": "Too many rows ({n}); the limit is {limit} rows per file."},
    "imp_formula_no_value": {
        "vi": "Ô có công thức nhưng chưa có giá trị tính sẵn (tệp chưa từng được mở và lưu bằng Excel). Hãy mở tệp bằng Excel, lưu lại rồi nạp.",
        "en": "A formula cell has no cached value (the file was never opened and saved in Excel). Open it in Excel, save it and load again."},
    "imp_formula_cached": {
        "vi": "{n} ô có công thức: đã đọc theo giá trị Excel tính sẵn khi lưu tệp.",
        "en": "{n} formula cells were read by the value Excel cached when the file was saved."},
    # --- columns and cells ---------------------------------------------------------------
    "imp_missing_column": {"vi": "Thiếu cột bắt buộc.", "en": "A required column is missing."},
    "imp_column_twice": {"vi": "Cột xuất hiện hai lần.", "en": "The column appears twice."},
    "imp_column_ignored": {"vi": "Cột không thuộc mẫu, đã bỏ qua.",
                           "en": "Not a template column; ignored."},
    "imp_no_count_columns": {"vi": "Không có cột số liệu nào (received_online, resolved_on_time…).",
                             "en": "No count column at all (received_online, resolved_on_time…)."},
    "imp_no_name_column": {"vi": "Không tìm thấy cột “Lĩnh vực” hoặc “Đơn vị” (cột 2 của biểu).",
                           "en": "No “Lĩnh vực” (field) or “Đơn vị” (unit) column (column 2 of the form)."},
    "imp_required_value": {"vi": "Ô bắt buộc đang để trống.", "en": "A required cell is blank."},
    "imp_bad_date": {"vi": "“{value}” không phải ngày (dùng dd/mm/yyyy hoặc yyyy-mm-dd).",
                     "en": "“{value}” is not a date (use dd/mm/yyyy or yyyy-mm-dd)."},
    "imp_period_order": {"vi": "Ngày kết thúc {end} trước ngày bắt đầu {start}.",
                         "en": "The end date {end} is before the start date {start}."},
    "imp_field_required": {"vi": "Cần mã lĩnh vực hoặc mã thủ tục.",
                           "en": "A field code or a procedure code is needed."},
    "imp_bad_level": {"vi": "Cấp “{value}” không hợp lệ; chọn một trong: {levels}.",
                      "en": "Level “{value}” is not valid; use one of: {levels}."},
    "imp_count_text": {"vi": "“{value}” không phải là số.", "en": "“{value}” is not a number."},
    "imp_count_negative": {"vi": "Số âm “{value}”: số hồ sơ không thể âm.",
                           "en": "Negative number “{value}”: a count cannot be negative."},
    "imp_count_fraction": {
        "vi": "“{value}” có phần thập phân; số hồ sơ phải là số nguyên (viết 10.361 hoặc 10361).",
        "en": "“{value}” has decimals; a count is a whole number (write 10.361 or 10361)."},
    "imp_count_too_large": {
        "vi": "“{value}” vượt quá {limit}: không phải số hồ sơ hợp lệ (có thể gõ nhầm).",
        "en": "“{value}” exceeds {limit}: not a valid count (a typing error?)."},
    "imp_date_range": {
        "vi": "Ngày {value} nằm ngoài khoảng nhận được ({first} – {last}, tức đến một tháng sau hôm nay).",
        "en": "The date {value} lies outside the accepted range ({first} – {last}, i.e. up to a month from today)."},
    "imp_period_no_month": {
        "vi": "Kỳ {start}–{end} không trọn tháng nào (kỳ báo cáo tính từ ngày 15 tháng trước đến ngày 14 tháng sau, hoặc trọn tháng dương lịch).",
        "en": "The period {start}–{end} covers no whole month (reporting periods run from the 15th to the 14th, or over whole calendar months)."},
    "imp_too_long": {
        "vi": "Ô dài {length} ký tự, quá {limit} ký tự cho phép.",
        "en": "The cell is {length} characters long, more than the {limit} allowed."},
    "imp_row_no_name": {"vi": "Dòng có số liệu nhưng không ghi lĩnh vực / đơn vị.",
                        "en": "A row has figures but no field / unit name."},
    # --- the form's header block and totals ----------------------------------------------
    "imp_period_missing": {
        "vi": "Không thấy kỳ báo cáo “(Từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy)”. Hãy ghi vào tệp hoặc nhập kỳ khi nạp.",
        "en": "No reporting period “(Từ ngày dd/mm/yyyy đến ngày dd/mm/yyyy)”. Write it into the file or give the period when loading."},
    "imp_period_invalid": {"vi": "Kỳ báo cáo ghi ngày không hợp lệ.",
                           "en": "The reporting period holds an invalid date."},
    "imp_unit_missing": {"vi": "Không thấy dòng “Đơn vị báo cáo: …”.",
                         "en": "No “Đơn vị báo cáo: …” (reporting unit) line."},
    "imp_unknown_unit": {"vi": "Không nhận ra đơn vị báo cáo “{value}”. Gần nhất: {closest}.",
                         "en": "Unknown reporting unit “{value}”. Closest: {closest}."},
    "imp_total_mismatch": {
        "vi": "Dòng tổng ghi {total} nhưng cộng các dòng số liệu được {sum}.",
        "en": "The total row says {total} but the data rows add up to {sum}."},
    "imp_section_mismatch": {
        "vi": "Dòng tổng của mục ghi {total} nhưng cộng các dòng trong mục được {sum}.",
        "en": "The section row says {total} but its rows add up to {sum}."},
    "imp_parent_mismatch": {
        "vi": "Dòng cộng ghi {total} nhưng cộng các dòng con được {sum}.",
        "en": "The subtotal row says {total} but its sub-rows add up to {sum}."},
    "imp_form_early_unknown": {
        "vi": "Biểu không tách “Trước hạn”: số “đúng hạn” gồm cả trước hạn; số trước hạn để trống (không phải 0).",
        "en": "The form does not split “early”: on time includes early; early is left blank (not zero)."},
    "imp_form_combined_agency": {
        "vi": "Số liệu theo lĩnh vực được nạp vào đơn vị tổng hợp {unit} “{name}”.",
        "en": "Figures reported per field are loaded into the combined unit {unit} “{name}”."},
    "imp_form_new_unsplit": {
        "vi": "Biểu không tách số hồ sơ mới tiếp nhận theo trực tuyến / trực tiếp: con số này ({n} hồ sơ) chỉ dùng để đối chiếu, chưa lưu được; trực tuyến và trực tiếp để trống (không báo cáo, không phải 0).",
        "en": "The form does not split newly received dossiers into online / in person: that figure ({n} dossiers) is only reconciled, not stored; online and in person stay blank (not reported, not zero)."},
    "imp_form_whole_locality": {
        "vi": "Biểu không chia mục theo cấp (sở, huyện, xã): số liệu được ghi cho toàn địa phương.",
        "en": "The form has no sections by level (department, district, commune): figures go to the whole locality."},
    # --- identities --------------------------------------------------------------------
    "imp_identity_received": {
        "vi": "Tổng số nhận giải quyết (3) = {left} khác trực tuyến + trực tiếp, bưu chính + kỳ trước = {right}.",
        "en": "Received total (3) = {left} differs from online + in person/post + carried over = {right}."},
    "imp_identity_resolved": {
        "vi": "Tổng số đã giải quyết (7) = {left} khác trước hạn + đúng hạn + quá hạn = {right}.",
        "en": "Resolved total (7) = {left} differs from early + on time + late = {right}."},
    "imp_identity_pending": {
        "vi": "Tổng số đang giải quyết (11) = {left} khác trong hạn + quá hạn = {right}.",
        "en": "Pending total (11) = {left} differs from within deadline + overdue = {right}."},
    "imp_identity_balance_totals": {
        "vi": "Số nhận giải quyết (3) = {left} khác đã giải quyết + đang giải quyết = {right} (có thể do hồ sơ bổ sung, trả lại).",
        "en": "Received (3) = {left} differs from resolved + pending = {right} (dossiers awaiting supplements or returned?)."},
    "imp_identity_balance": {
        "vi": "Kỳ trước + tiếp nhận mới = {left} khác đã giải quyết + đang giải quyết = {right}.",
        "en": "Carried over + new = {left} differs from resolved + pending = {right}."},
    "imp_bound_received_full_online": {
        "vi": "Hồ sơ toàn trình ({part}) nhiều hơn hồ sơ trực tuyến ({whole}).",
        "en": "Full-process online dossiers ({part}) exceed online dossiers ({whole})."},
    "imp_bound_not_satisfied": {
        "vi": "Số không hài lòng ({part}) nhiều hơn số lượt đánh giá ({whole}).",
        "en": "Not satisfied ({part}) exceeds ratings ({whole})."},
    "imp_bound_paid_online": {
        "vi": "Số thanh toán trực tuyến ({part}) nhiều hơn số hồ sơ có phí ({whole}).",
        "en": "Paid online ({part}) exceeds fee-bearing dossiers ({whole})."},
    # --- codes and names ---------------------------------------------------------------
    "imp_unknown_locality": {"vi": "Không có địa phương mã “{value}” ({n} dòng). Gần nhất: {closest}.",
                             "en": "No locality with code “{value}” ({n} rows). Closest: {closest}."},
    "imp_unknown_agency": {
        "vi": "Không có cơ quan mã “{value}” ({n} dòng). Gần nhất: {closest}. Nếu là cơ quan mới: ghi agency_name, agency_level và chọn “Tạo cơ quan mới” (--create-agencies).",
        "en": "No agency with code “{value}” ({n} rows). Closest: {closest}. If it is a new agency: give agency_name and agency_level and choose “Create new agencies” (--create-agencies)."},
    "imp_agency_not_created": {
        "vi": "Chưa có cơ quan “{value}” ({n} dòng). Gần nhất: {closest}. Cơ quan mới chỉ được tạo khi chọn “Tạo cơ quan mới” (--create-agencies); kiểm tra chính tả trước.",
        "en": "No agency “{value}” yet ({n} rows). Closest: {closest}. New agencies are created only when “Create new agencies” (--create-agencies) is chosen; check the spelling first."},
    "imp_new_agency_level": {
        "vi": "Không tạo được cơ quan mới “{value}”: chưa biết cấp (ghi agency_level, hoặc đặt dòng trong mục “Sở, ban, ngành” / “Xã, phường…” của biểu).",
        "en": "Cannot create the new agency “{value}”: its level is unknown (give agency_level, or put the row under a “Sở, ban, ngành” / “Xã, phường…” section of the form)."},
    "imp_new_agency_conflict": {
        "vi": "Cơ quan mới “{value}” được ghi với tên, cấp hoặc địa phương khác nhau giữa các dòng.",
        "en": "New agency “{value}” is given different names, levels or localities on different rows."},
    "imp_agency_locality": {
        "vi": "Cơ quan {agency} thuộc địa phương {expected}, không phải {given} ({n} dòng).",
        "en": "Agency {agency} belongs to locality {expected}, not {given} ({n} rows)."},
    # --- the era of a report (domain/eras.py): the 63 to 30/06/2025, the 34 from 01/07/2025
    "imp_locality_retired": {
        "vi": "Mã {old_code} ({name}, trước 01/07/2025) từ 01/07/2025 thuộc {successor} (mã {successor_code}). Báo cáo cho kỳ sau 30/06/2025 phải ghi đơn vị mới: {successor_code} ({successor}).",
        "en": "Code {old_code} ({name}, before 01/07/2025) has been part of {successor} (code {successor_code}) since 01/07/2025. A report for a period after 30/06/2025 must name the new unit: {successor_code} ({successor})."},
    "imp_agency_district_ended": {
        "vi": "Cơ quan {agency} thuộc cấp huyện; cấp huyện đã kết thúc từ 01/07/2025 (việc của cấp huyện chuyển cho cấp xã), nên không có trong báo cáo cho kỳ sau 30/06/2025 ({n} dòng).",
        "en": "Agency {agency} is of the district level, which ended on 01/07/2025 (its work passed to the communes), so it has no place in a report for a period after 30/06/2025 ({n} rows)."},
    "imp_agency_old_era": {
        "vi": "Cơ quan {agency} thuộc bộ máy trước 01/07/2025 (63 tỉnh, thành phố); báo cáo cho kỳ sau 30/06/2025 phải ghi cơ quan của đơn vị hành chính mới ({n} dòng).",
        "en": "Agency {agency} belongs to the organisation before 01/07/2025 (63 provinces); a report for a period after 30/06/2025 must name an agency of the new units ({n} rows)."},
    "imp_agency_not_yet": {
        "vi": "Cơ quan {agency} chỉ có từ 01/07/2025; báo cáo cho kỳ đến 30/06/2025 ghi cơ quan của 63 tỉnh, thành phố ({n} dòng).",
        "en": "Agency {agency} exists only from 01/07/2025; a report for a period up to 30/06/2025 names an agency of the 63 provinces ({n} rows)."},
    "imp_section_district_ended": {
        "vi": "Mục cấp huyện trong báo cáo cho kỳ sau 30/06/2025: cấp huyện đã kết thúc từ 01/07/2025 (việc của cấp huyện chuyển cho cấp xã) ({n} dòng).",
        "en": "A district section in a report for a period after 30/06/2025: the district level ended on 01/07/2025 (its work passed to the communes) ({n} rows)."},
    "imp_unknown_procedure": {"vi": "Không có thủ tục mã “{value}” ({n} dòng). Gần nhất: {closest}.",
                              "en": "No procedure with code “{value}” ({n} rows). Closest: {closest}."},
    "imp_procedure_field": {
        "vi": "Thủ tục {procedure} thuộc lĩnh vực {expected}, không phải {given}.",
        "en": "Procedure {procedure} belongs to field {expected}, not {given}."},
    "imp_unknown_field": {"vi": "Không có lĩnh vực mã “{value}” ({n} dòng). Gần nhất: {closest}.",
                          "en": "No field with code “{value}” ({n} rows). Closest: {closest}."},
    "imp_unknown_field_name": {"vi": "Không nhận ra lĩnh vực “{value}”. Gần nhất: {closest}.",
                               "en": "Unknown field “{value}”. Closest: {closest}."},
    "imp_unknown_agency_name": {
        "vi": "Không nhận ra đơn vị “{value}” trong {unit}. Gần nhất: {closest}. Nếu là đơn vị mới, chọn “Tạo cơ quan mới” (--create-agencies).",
        "en": "Unknown unit “{value}” in {unit}. Closest: {closest}. If it is a new unit, choose “Create new agencies” (--create-agencies)."},
    "imp_ambiguous_agency": {
        "vi": "Có nhiều đơn vị tên “{value}” ({codes}); ghi thêm mã trong ngoặc, ví dụ “Tên (mã)”.",
        "en": "Several units are named “{value}” ({codes}); add the code in brackets, e.g. “Name (code)”."},
    # --- rows together and the database ------------------------------------------------
    "imp_duplicate_row": {"vi": "Trùng với dòng {first_row} (cùng kỳ, cơ quan, lĩnh vực, thủ tục).",
                          "en": "Duplicates row {first_row} (same period, agency, field, procedure)."},
    "imp_overlap_in_file": {
        "vi": "Kỳ báo cáo chồng lấn với dòng {other_row} của cùng cơ quan, lĩnh vực, thủ tục (sẽ bị tính hai lần).",
        "en": "The period overlaps row {other_row} for the same agency, field and procedure (it would count twice)."},
    "imp_overlap": {
        "vi": "Cơ quan {agency} đã có số liệu kỳ {start}–{end} (số dòng: {n}; số kỳ: {periods}) chồng lấn kỳ của tệp. Chọn “Thay thế số liệu đã có” (--replace) để nạp đè.",
        "en": "Agency {agency} already has data for {start}–{end} (rows: {n}; periods: {periods}) overlapping the file. Choose “Replace existing data” (--replace) to overwrite."},
    "imp_overlap_replaced": {
        "vi": "Sẽ thay thế số liệu đã có của cơ quan {agency} từ kỳ {start}–{end} (số dòng: {n}; số kỳ: {periods}).",
        "en": "Existing data of agency {agency} from {start}–{end} (rows: {n}; periods: {periods}) will be replaced."},
    "imp_already_loaded": {
        "vi": "Tệp này đã được nạp (lần nạp số {load}, ngày {when}); không có gì thay đổi.",
        "en": "This file was already loaded (load no. {load}, {when}); nothing changes."},
    "imp_strict": {"vi": "Chế độ nghiêm ngặt: {n} cảnh báo được coi là lỗi.",
                   "en": "Strict mode: {n} warnings count as errors."},
    "imp_write_failed": {
        "vi": "Ghi vào cơ sở dữ liệu thất bại, đã hoàn tác toàn bộ (mã lỗi trong nhật ký: {detail}).",
        "en": "Writing to the database failed; everything was rolled back (error reference in the log: {detail})."},
    "imp_db_locked": {
        "vi": "Cơ sở dữ liệu đang bận: một tiến trình khác đang ghi (lần nạp khác, tạo số liệu mẫu…) quá {seconds} giây. Chưa ghi gì; hãy thử lại sau ít phút.",
        "en": "The database is busy: another process (another load, the sample generator…) has been writing for more than {seconds} seconds. Nothing was written; try again in a few minutes."},
    "imp_internal_error": {
        "vi": "Lỗi bất ngờ khi đọc, kiểm tra tệp (mã lỗi trong nhật ký: {detail}); không ghi gì. Hãy gửi tệp và mã lỗi cho bộ phận kỹ thuật.",
        "en": "Unexpected error while reading or checking the file (error reference in the log: {detail}); nothing was written. Please send the file and the reference to the technical team."},
    "imp_cli_no_file": {"vi": "Không có tệp {file}.", "en": "No such file: {file}."},
    # --- outcomes ----------------------------------------------------------------------
    "imp_result_ok": {
        "vi": "Đã nạp {file}: {rows} dòng, {agencies} cơ quan, kỳ {periods}; thay thế {replaced} dòng cũ; {new} cơ quan mới.",
        "en": "Loaded {file}: {rows} rows, {agencies} agencies, periods {periods}; {replaced} old rows replaced; {new} new agencies."},
    "imp_result_checked": {
        "vi": "Kiểm tra xong {file}, có thể nạp: {rows} dòng, {agencies} cơ quan, kỳ {periods}; sẽ thay thế {replaced} dòng cũ; {new} cơ quan mới. Chưa ghi gì.",
        "en": "Checked {file}, ready to load: {rows} rows, {agencies} agencies, periods {periods}; {replaced} old rows to replace; {new} new agencies. Nothing written yet."},
    "imp_result_rejected": {
        "vi": "Không nạp {file}: {n} lỗi. Cơ sở dữ liệu không thay đổi.",
        "en": "{file} was not loaded: {n} errors. The database is unchanged."},
    "imp_result_unchanged": {"vi": "{file} đã được nạp trước đây; không thay đổi gì.",
                             "en": "{file} was loaded before; nothing changed."},
    # --- the form's column names (as in the circular) ----------------------------------
    "form_col_carried_over": {"vi": "Từ kỳ trước", "en": "Carried over"},
    "form_col_received_online": {"vi": "Trực tuyến", "en": "Online"},
    "form_col_received_full_online": {"vi": "Trực tuyến toàn trình", "en": "Full-process online"},
    "form_col_received_direct": {"vi": "Trực tiếp", "en": "In person"},
    "form_col_received_postal": {"vi": "Dịch vụ bưu chính", "en": "By post"},
    "form_col_resolved_early": {"vi": "Trước hạn", "en": "Early"},
    "form_col_resolved_on_time": {"vi": "Đúng hạn", "en": "On time"},
    "form_col_resolved_late": {"vi": "Đã giải quyết quá hạn", "en": "Resolved late"},
    "form_col_pending_on_time": {"vi": "Đang giải quyết trong hạn", "en": "Pending within deadline"},
    "form_col_pending_late": {"vi": "Đang giải quyết quá hạn", "en": "Pending overdue"},
    "form_col_received_total": {"vi": "Tổng số nhận giải quyết", "en": "Received total"},
    "form_col_received_new": {"vi": "Số mới tiếp nhận", "en": "Newly received"},
    "form_col_resolved_total": {"vi": "Tổng số đã giải quyết", "en": "Resolved total"},
    "form_col_pending_total": {"vi": "Tổng số đang giải quyết", "en": "Pending total"},
    "form_note_source": {"vi": "Nguồn: {source}. Biểu do hệ thống điều hành dịch vụ công trực tuyến tạo.",
                         "en": "Source: {source}. Form generated by the online public services dashboard."},
    "form_note_generated": {"vi": "Biểu do hệ thống điều hành dịch vụ công trực tuyến tạo.",
                            "en": "Form generated by the online public services dashboard."},
    # --- the flat template -------------------------------------------------------------
    "flat_guide_sheet": {"vi": "Hướng dẫn", "en": "Guide"},
    "flat_guide_column": {"vi": "Cột", "en": "Column"},
    "flat_guide_meaning": {"vi": "Ý nghĩa", "en": "Meaning"},
    "flat_guide_required": {"vi": "Bắt buộc", "en": "Required"},
    "flat_guide_example": {"vi": "Ví dụ", "en": "Example"},
    "flat_guide_note": {
        "vi": "Mỗi dòng: một kỳ × một cơ quan × một thủ tục (hoặc lĩnh vực). Ô số để trống = không báo cáo (khác 0). Ngày dạng yyyy-mm-dd hoặc dd/mm/yyyy. Mã tỉnh và cơ quan đọc theo tháng cuối của kỳ: đến 30/06/2025 là 63 tỉnh, thành phố (có cấp huyện); từ 01/07/2025 là 34 tỉnh, thành phố và các xã, phường, đặc khu. CSV lưu ở mã UTF-8.",
        "en": "One row per period × agency × procedure (or field). A blank count = not reported (not zero). Dates as yyyy-mm-dd or dd/mm/yyyy. Province and agency codes are read in the period's last month: up to 30/06/2025 the 63 provinces (with districts); from 01/07/2025 the 34 provinces and their communes, wards and special zones. Save CSV as UTF-8."},
    "flat_required": {"vi": "bắt buộc", "en": "required"},
    "flat_optional": {"vi": "không bắt buộc", "en": "optional"},
    "flat_col_period_start": {"vi": "Ngày bắt đầu kỳ báo cáo", "en": "First day of the period"},
    "flat_col_period_end": {"vi": "Ngày kết thúc kỳ báo cáo", "en": "Last day of the period"},
    "flat_col_locality_code": {"vi": "Mã tỉnh, thành phố (mã của Tổng cục Thống kê theo kỳ báo cáo: từ 01/07/2025 là mã của 34 tỉnh, thành phố, ví dụ 01) hoặc tên; hoặc mã bộ, ngành (ví dụ B-CA)",
                               "en": "Province code (the statistics office's code in force in the period: from 01/07/2025 that of the 34 provinces, e.g. 01) or name; or a ministry code (e.g. B-CA)"},
    "flat_col_agency_code": {"vi": "Mã cơ quan giải quyết (ví dụ 01-S02), đọc theo kỳ báo cáo: từ 01/07/2025 là cơ quan của 34 tỉnh, thành phố. Có thể để trống nếu ghi tên cơ quan (agency_name)",
                             "en": "Handling agency code (e.g. 01-S02), read in the period: from 01/07/2025 an agency of the 34 provinces. May be blank when the agency's name (agency_name) is given"},
    "flat_col_agency_name": {"vi": "Tên cơ quan: thay cho mã (tìm trong tỉnh, không phân biệt hoa thường, vị trí dấu, khoảng trắng), hoặc để tạo cơ quan mới", "en": "Agency name: instead of the code (looked up within the province, regardless of case, tone-mark placement and spacing), or to create a new agency"},
    "flat_col_agency_level": {"vi": "Cấp: ministry | province | district | commune (cần khi tạo cơ quan mới; district chỉ cho kỳ đến 30/06/2025)",
                              "en": "Level: ministry | province | district | commune (needed for a new agency; district only for periods up to 30/06/2025)"},
    "flat_col_field_code": {"vi": "Mã lĩnh vực (có thể để trống nếu có mã thủ tục)", "en": "Field code (may be blank when the procedure code is given)"},
    "flat_col_procedure_code": {"vi": "Mã thủ tục quốc gia (ví dụ 1.001193)", "en": "National procedure code (e.g. 1.001193)"},
    "flat_col_received_online": {"vi": "Hồ sơ mới tiếp nhận trực tuyến", "en": "New dossiers received online"},
    "flat_col_received_full_online": {"vi": "Trong đó: trực tuyến toàn trình", "en": "Of which full-process online"},
    "flat_col_received_direct": {"vi": "Hồ sơ mới tiếp nhận trực tiếp", "en": "New dossiers received in person"},
    "flat_col_received_postal": {"vi": "Hồ sơ mới tiếp nhận qua bưu chính công ích", "en": "New dossiers received by post"},
    "flat_col_carried_over": {"vi": "Hồ sơ từ kỳ trước chuyển sang", "en": "Carried over from the previous period"},
    "flat_col_resolved_early": {"vi": "Đã giải quyết trước hạn", "en": "Resolved early"},
    "flat_col_resolved_on_time": {"vi": "Đã giải quyết đúng hạn", "en": "Resolved on time"},
    "flat_col_resolved_late": {"vi": "Đã giải quyết quá hạn", "en": "Resolved late"},
    "flat_col_pending_on_time": {"vi": "Đang giải quyết, trong hạn (cuối kỳ)", "en": "Pending within deadline (end of period)"},
    "flat_col_pending_late": {"vi": "Đang giải quyết, quá hạn (cuối kỳ)", "en": "Pending overdue (end of period)"},
    "flat_col_paid_online": {"vi": "Hồ sơ thanh toán trực tuyến", "en": "Dossiers paid online"},
    "flat_col_paid_online_vnd": {"vi": "Số tiền thanh toán trực tuyến (đồng)", "en": "Amount paid online (VND)"},
    "flat_col_fee_bearing": {"vi": "Hồ sơ có phí, lệ phí", "en": "Fee-bearing dossiers"},
    "flat_col_digitised": {"vi": "Hồ sơ được số hóa", "en": "Dossiers digitised"},
    "flat_col_e_results": {"vi": "Hồ sơ trả kết quả điện tử", "en": "Dossiers with an electronic result"},
    "flat_col_data_reused": {"vi": "Hồ sơ tái sử dụng dữ liệu", "en": "Dossiers reusing data"},
    "flat_col_rated": {"vi": "Số lượt đánh giá", "en": "Ratings"},
    "flat_col_not_satisfied": {"vi": "Số lượt không hài lòng", "en": "Not satisfied"},
    # --- Excel downloads ---------------------------------------------------------------
    "dl_xlsx": {"vi": "Tải Excel (.xlsx)", "en": "Download Excel (.xlsx)"},
    "dl_period": {"vi": "Kỳ báo cáo: {period}", "en": "Reporting period: {period}"},
    "dl_filter": {"vi": "{name}: {value}", "en": "{name}: {value}"},
    "dl_language": {"vi": "Ngôn ngữ: tiếng Việt", "en": "Language: English"},
    "dl_created": {"vi": "Xuất ngày {date}", "en": "Exported on {date}"},
    # --- the /data page ----------------------------------------------------------------
    "data_title": {"vi": "Nạp và xuất số liệu", "en": "Load and export data"},
    "data_load": {"vi": "Nạp báo cáo", "en": "Load a report"},
    "data_load_intro": {
        "vi": "Nhận biểu II.06a/VPCP/KSTT (các mẫu A, B, C) hoặc mẫu phẳng (.xlsx, .csv UTF-8), tối đa {limit}. Tệp được kiểm tra toàn bộ trước khi ghi; có lỗi thì không ghi gì.",
        "en": "Accepts form II.06a/VPCP/KSTT (variants A, B, C) or the flat template (.xlsx, UTF-8 .csv), up to {limit}. The whole file is checked before anything is written; on any error nothing is written."},
    "data_file": {"vi": "Chọn tệp", "en": "Choose a file"},
    "upload_hint": {"vi": "Kéo thả tệp vào ô trên hoặc bấm nút tải lên để chọn; tối đa {limit} "
                          "mỗi tệp.",
                    "en": "Drag and drop a file onto the box above or press the upload button to "
                          "choose one; up to {limit} per file."},
    "data_create_agencies": {"vi": "Tạo cơ quan mới cho mã, tên chưa có (kiểm tra kỹ chính tả trước)",
                             "en": "Create new agencies for codes and names not known yet (check the spelling first)"},
    "data_replace": {"vi": "Thay thế số liệu đã có của cùng cơ quan, cùng kỳ",
                     "en": "Replace existing data of the same agencies and periods"},
    "data_period_hint": {"vi": "Kỳ báo cáo (chỉ dùng khi biểu không ghi kỳ)",
                         "en": "Reporting period (used only when the form does not state it)"},
    "data_period_start": {"vi": "Từ ngày", "en": "From"},
    "data_period_end": {"vi": "Đến ngày", "en": "To"},
    "data_check": {"vi": "Kiểm tra (chưa ghi)", "en": "Check (write nothing)"},
    "data_do_load": {"vi": "Nạp vào cơ sở dữ liệu", "en": "Load into the database"},
    "data_stage_read": {"vi": "Đang đọc tệp…", "en": "Reading the file…"},
    "data_stage_check": {"vi": "Đang kiểm tra…", "en": "Checking…"},
    "data_stage_write": {"vi": "Đang ghi…", "en": "Writing…"},
    "data_stage_done": {"vi": "Xong.", "en": "Done."},
    "data_errors": {"vi": "Lỗi ({n})", "en": "Errors ({n})"},
    "data_warnings": {"vi": "Cảnh báo ({n})", "en": "Warnings ({n})"},
    "data_preview": {"vi": "Xem trước 20 dòng đầu", "en": "Preview of the first 20 rows"},
    "data_loads": {"vi": "Các lần nạp", "en": "Loads"},
    "data_no_loads": {"vi": "Chưa có lần nạp nào.", "en": "No loads yet."},
    "load_id": {"vi": "Số", "en": "No."},
    "load_kind": {"vi": "Loại", "en": "Kind"},
    "load_kind_sample": {"vi": "số liệu mẫu", "en": "sample"},
    "load_kind_import": {"vi": "nạp báo cáo", "en": "import"},
    "load_file": {"vi": "Tệp", "en": "File"},
    "load_rows": {"vi": "Số dòng", "en": "Rows"},
    "load_who": {"vi": "Người nạp", "en": "Loaded by"},
    "load_when": {"vi": "Thời điểm", "en": "When"},
    "load_outcome": {"vi": "Kết quả", "en": "Outcome"},
    "load_sha": {"vi": "SHA-256", "en": "SHA-256"},
    "outcome_ok": {"vi": "đã nạp", "en": "loaded"},
    "outcome_rejected": {"vi": "bị từ chối", "en": "refused"},
    "outcome_unchanged": {"vi": "đã có, không đổi", "en": "already loaded"},
    "outcome_failed": {"vi": "không nạp được (lỗi hoặc cơ sở dữ liệu bận), không ghi gì",
                       "en": "could not load (an error or a busy database); nothing written"},
    "data_template": {"vi": "Mẫu phẳng", "en": "Flat template"},
    "data_template_intro": {
        "vi": "Mỗi dòng: một kỳ × một cơ quan × một thủ tục (hoặc lĩnh vực), có một dòng ví dụ và trang hướng dẫn. Ô để trống = không báo cáo (khác 0).",
        "en": "One row per period × agency × procedure (or field), with an example row and a guide sheet. A blank cell = not reported (not zero)."},
    "data_template_xlsx": {"vi": "Tải mẫu .xlsx", "en": "Download the .xlsx template"},
    "data_template_csv": {"vi": "Tải mẫu .csv", "en": "Download the .csv template"},
    "data_export": {"vi": "Xuất biểu II.06a", "en": "Export form II.06a"},
    "data_export_intro": {
        "vi": "Biểu II.06a/VPCP/KSTT cho kỳ đang chọn ({period}): theo từng cơ quan của một địa phương, hoặc theo lĩnh vực của một cơ quan. Biểu luôn bằng tiếng Việt như thông tư quy định; nạp lại biểu này cho đúng các số liệu cũ.",
        "en": "Form II.06a/VPCP/KSTT for the selected period ({period}): per agency of a locality, or per field of one agency. The form is always in Vietnamese as the circular prescribes; loading it back gives the same figures."},
    "data_export_crosses": {
        "vi": "Kỳ đang chọn vượt qua ngày 01/07/2025. Biểu II.06a lập cho kỳ trong một giai đoạn: đến 30/06/2025 (63 tỉnh, thành phố, có cấp huyện) hoặc từ 01/07/2025 (34 tỉnh, thành phố và các xã, phường, đặc khu). Hãy chọn kỳ không vượt qua ngày này.",
        "en": "The selected period crosses 01/07/2025. Form II.06a covers a period within one era: up to 30/06/2025 (the 63 provinces, with districts) or from 01/07/2025 (the 34 provinces and their communes, wards and special zones). Choose a period that does not cross that date."},
    "data_export_locality": {"vi": "Địa phương, bộ ngành", "en": "Province or ministry"},
    "data_export_agency": {"vi": "Cơ quan", "en": "Agency"},
    "data_export_all": {"vi": "— Tất cả cơ quan (mỗi dòng một cơ quan) —",
                        "en": "— All agencies (one row per agency) —"},
    "data_export_button": {"vi": "Tải biểu II.06a (.xlsx)", "en": "Download form II.06a (.xlsx)"},
    "data_loads_export": {"vi": "Nhật ký nạp số liệu", "en": "Data load log"},
}
