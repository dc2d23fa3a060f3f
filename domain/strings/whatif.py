"""Strings of the fee what-if page (pages/what_if.py and components/whatif_*.py)."""
STRINGS = {
    # --- page ------------------------------------------------------------------------------
    "wi_title": {"vi": "Mô phỏng giảm phí, lệ phí khi nộp hồ sơ trực tuyến",
                 "en": "What-if: cutting fees for online submission"},
    "wi_intro": {
        "vi": "Chọn nơi áp dụng, các thủ tục được giảm phí và mức giảm. Trang ước tính tác động đến "
              "tỷ lệ nộp trực tuyến, tỷ lệ toàn trình so với chỉ tiêu của các năm dự báo (khi đã "
              "được công bố), số thu phí, lệ phí và khoản tiết kiệm của người dân, so với khi không "
              "có chính sách. Đây là ước tính có độ bất định (vùng tô nhạt), không phải dự báo chắc "
              "chắn.",
        "en": "Choose where the cut applies, the procedures it covers and how deep it is. The page "
              "estimates what it does to online uptake, to the full-process rate against the "
              "targets of the projected years (where published), to fee revenue and to what "
              "citizens save, against no policy. These are estimates with their uncertainty (the "
              "shaded band), not certain forecasts."},
    "wi_data_note": {
        "vi": "Đường cơ sở dựa trên 12 tháng số liệu gần nhất ({start} – {last}), không phụ thuộc "
              "kỳ báo cáo chọn ở thanh bên; dự báo từ {first}, theo 34 tỉnh, thành phố hiện nay và "
              "các bộ, ngành. Số liệu trước 01/07/2025 được cộng vào tỉnh, thành phố hiện nay mà "
              "tỉnh cũ hợp thành.",
        "en": "The baseline rests on the last 12 months of data ({start} – {last}), whatever period "
              "the sidebar shows; the projection starts in {first}, for today's 34 provinces and "
              "the ministries. Figures before 1 July 2025 are added into the province of today "
              "each old province became part of."},
    "wi_estimating": {"vi": "Đang ước lượng mức phản ứng từ các chính sách đã áp dụng…",
                      "en": "Estimating the response from past fee cuts…"},
    "wi_default": {"vi": "giá trị mặc định", "en": "the default"},
    "wi_sc_bad": {"vi": "Không đọc được một số kịch bản đã lưu trong địa chỉ trang; đã bỏ qua.",
                  "en": "Some saved scenarios in the page address could not be read; they were skipped."},
    "wi_at_scope": {"vi": "tại {name}", "en": "in {name}"},
    "wi_at_nation": {"vi": "trên cả nước", "en": "nationwide"},
    "wi_free_note": {
        "vi": "{n} thủ tục được chọn đã miễn phí khi nộp trực tuyến ở phạm vi này: không còn gì để giảm.",
        "en": "{n} of the chosen procedures are already free online here: nothing left to cut."},
    "wi_start_after": {
        "vi": "Tháng bắt đầu nằm sau kỳ dự báo: chính sách chưa có tác động trong {months} tháng này.",
        "en": "The start month falls after the projection: the cut has no effect in these {months} months."},
    # --- controls --------------------------------------------------------------------------
    "wi_policy_heading": {"vi": "Chính sách", "en": "The policy"},
    "wi_assume_heading": {"vi": "Giả định", "en": "Assumptions"},
    "wi_scope": {"vi": "Nơi áp dụng", "en": "Where it applies"},
    "wi_cover": {"vi": "Thủ tục hoặc lĩnh vực được giảm phí",
                 "en": "Procedures or fields covered"},
    "wi_cover_help": {
        "vi": "Chỉ liệt kê thủ tục có thu phí, lệ phí và có dịch vụ công trực tuyến (mức phí nộp "
              "trực tiếp trong ngoặc). Chọn một lĩnh vực là chọn mọi thủ tục có phí của lĩnh vực đó.",
        "en": "Only procedures that charge a fee and have an online service are listed (the "
              "in-person fee in brackets). Choosing a field chooses every fee-charging procedure in it."},
    "wi_cover_none": {"vi": "Chưa chọn thủ tục nào", "en": "No procedure chosen"},
    "wi_field_option": {"vi": "Lĩnh vực {name} (mọi thủ tục có phí)",
                        "en": "Field: {name} (every fee-charging procedure)"},
    "wi_cut": {"vi": "Mức giảm phí khi nộp trực tuyến", "en": "Cut to the online fee"},
    "wi_cut_help": {
        "vi": "Phần trăm giảm so với mức phí nộp trực tuyến đang áp dụng (100% = miễn phí khi nộp "
              "trực tuyến; 0% = không có chính sách mới).",
        "en": "Percentage off the online fee now in force (100% = free online; 0% = no new policy)."},
    "wi_start": {"vi": "Áp dụng từ tháng", "en": "Starting in"},
    "wi_months": {"vi": "Số tháng dự báo", "en": "Months projected"},
    "wi_months_help": {"vi": "Tính từ tháng đầu tiên sau số liệu mới nhất.",
                       "en": "Counted from the first month after the latest data."},
    "wi_resp": {"vi": "Mức phản ứng của người dân (hệ số)", "en": "Response of uptake (coefficient)"},
    "wi_resp_help": {
        "vi": "Mức tăng của tỷ lệ nộp trực tuyến, đo trên thang logit, khi khoản giảm bằng toàn bộ "
              "mức phí nộp trực tiếp. 0 = giảm phí không làm ai chuyển sang nộp trực tuyến.",
        "en": "The rise of the online share, on the logit scale, when the cut is worth the whole "
              "in-person fee. 0 = a cut moves nobody online."},
    "wi_unc": {"vi": "Độ bất định (±)", "en": "Uncertainty (±)"},
    "wi_unc_help": {
        "vi": "Khoảng ± quanh mức phản ứng; kết quả được tính ở hai đầu khoảng (vùng tô nhạt trên "
              "biểu đồ). Mặc định: khoảng tin cậy 95% của ước lượng.",
        "en": "The ± around the response; results are worked out at both ends (the shaded band). "
              "Default: the estimate's 95% confidence interval."},
    "wi_resp_example": {
        "vi": "Ví dụ: miễn toàn bộ phí, một thủ tục đang có 60% hồ sơ trực tuyến sẽ lên {mid}{range}.",
        "en": "For example: with the whole fee waived, a procedure at 60% online rises to "
              "{mid}{range}."},
    "wi_resp_estimated": {
        "vi": "Mặc định là ước lượng từ số liệu: {value} (khoảng tin cậy 95%: {lo} – {hi}), dựa "
              "trên {n} chính sách giảm phí đã áp dụng.",
        "en": "The default is estimated from the data: {value} (95% confidence interval {lo} – "
              "{hi}), from {n} fee cuts already in force."},
    "wi_resp_assumed": {
        "vi": "Số liệu chưa có chính sách giảm phí nào để ước lượng: mặc định {value} ± {unc} là "
              "giả định.",
        "en": "The data holds no fee cut to learn from: the default {value} ± {unc} is an assumption."},
    "wi_ceil": {"vi": "Trần tỷ lệ nộp trực tuyến", "en": "Adoption ceiling"},
    "wi_ceil_help": {
        "vi": "Tỷ lệ hồ sơ tối đa có thể nộp trực tuyến: trừ thủ tục bắt buộc có mặt, người không có "
              "Internet hoặc định danh điện tử và không được hỗ trợ nộp. Giảm phí không đưa tỷ lệ "
              "vượt trần; nơi đã vượt trần thì giữ nguyên. Mặc định 98% là giả định: nhiều thủ tục "
              "có phí đã trên 95% hồ sơ trực tuyến.",
        "en": "The largest share of dossiers that can go online: less procedures that need "
              "presence and people without internet or digital ID who get no help. A cut never "
              "lifts the share past it; where the share is already above it, nothing changes. "
              "The default 98% is an assumption: many fee-charging procedures are already above "
              "95% online."},
    "wi_visit": {"vi": "Chi phí một lượt đến cơ quan (đồng)", "en": "Cost of a visit (VND)"},
    "wi_visit_help": {
        "vi": "Chi phí đi lại và thời gian của người dân cho một lượt nộp hồ sơ trực tiếp; mỗi hồ "
              "sơ chuyển sang trực tuyến tránh được một lượt.",
        "en": "Travel and time a citizen spends on one visit to submit in person; each dossier "
              "moved online avoids one."},
    "wi_visit_basis": {
        "vi": "Mặc định {value} đồng: Bộ Công an ước tính cấp phiếu lý lịch tư pháp trực tuyến giúp "
              "2,6 triệu người mỗi năm không phải đến cơ quan, tiết kiệm khoảng 637 tỷ đồng/năm "
              "(báo Sài Gòn Giải Phóng, 2024); 637 tỷ ÷ 2,6 triệu lượt.",
        "en": "Default {value} VND: the Ministry of Public Security estimated that online criminal "
              "record certificates spare 2.6 million people a year a visit and save them about 637 "
              "billion VND a year (Saigon Giai Phong, 2024); 637 billion ÷ 2.6 million visits."},
    "wi_base": {"vi": "Đường cơ sở (không có chính sách)", "en": "Baseline (no policy)"},
    "wi_base_level": {"vi": "Giữ nguyên mức hiện nay", "en": "Current level held"},
    "wi_base_trend": {"vi": "Tiếp tục xu hướng 12 tháng", "en": "12-month trend continues"},
    "wi_base_help": {
        "vi": "Giữ nguyên: tỷ lệ của 3 tháng gần nhất giữ nguyên. Xu hướng: tỷ lệ của mỗi tỉnh, bộ "
              "tiếp tục đường xu hướng (thang logit) của 12 tháng gần nhất. Cả hai: số hồ sơ mỗi "
              "tháng bằng bình quân 12 tháng gần nhất.",
        "en": "Held: the rates of the last 3 months stay as they are. Trend: each province's or "
              "ministry's rates continue the straight-line trend (logit scale) of the last 12 "
              "months. Both: dossiers a month = the average of the last 12 months."},
    # --- summary and tiles -----------------------------------------------------------------
    "wi_sum_title": {"vi": "Tóm tắt", "en": "In short"},
    "wi_sum_head": {
        "vi": "Giảm {cut} lệ phí nộp trực tuyến cho {n} thủ tục {where} từ {start}: sau {months} "
              "tháng ({end}), tỷ lệ hồ sơ trực tuyến đạt {online_scen}{range} thay vì {online_base} nếu không có chính sách; tỷ lệ toàn trình "
              "{full_scen} thay vì {full_base}.",
        "en": "A {cut} cut to the online fee {where} from {start} (procedures covered: {n}): "
              "after {months} months ({end}), the online rate reaches {online_scen}{range} instead of {online_base} without the policy; the full-process rate "
              "{full_scen} instead of {full_base}."},
    "wi_sum_moved": {"vi": "Khoảng {moved} hồ sơ chuyển sang nộp trực tuyến ({lo} – {hi}).",
                     "en": "About {moved} dossiers move online ({lo} – {hi})."},
    "wi_sum_money": {
        "vi": "Ngân sách giảm thu {given} mỗi năm; người dân tiết kiệm {saved} mỗi năm (lệ phí và "
              "chi phí đi lại).",
        "en": "Fee revenue falls by {given} a year; citizens save {saved} a year (fees and visits)."},
    "wi_sum_room": {
        "vi": "Trước chính sách, {online} hồ sơ của các thủ tục này đã nộp trực tuyến; với trần giả "
              "định {ceil}, dư địa tăng còn {room}.",
        "en": "Before the cut, {online} of these procedures' dossiers are already online; with "
              "the assumed ceiling of {ceil}, the room left is {room}."},
    "wi_sum_units": {
        "vi": "Cuối kỳ ({end}), số tỉnh, bộ đạt chỉ tiêu toàn trình năm {year}: {scen}/{total} "
              "(không có chính sách: {base}/{total}).",
        "en": "At the end ({end}), {scen} of {total} provinces and ministries meet their {year} "
              "full-process target ({base} of {total} without the policy)."},
    "wi_target_of_year": {"vi": "{value} (năm {year})", "en": "{value} ({year})"},
    "wi_no_target": {
        "vi": "Chưa có chỉ tiêu tỷ lệ toàn trình nào được công bố cho năm {years}, nên không so "
              "sánh với chỉ tiêu trong thời gian đó (không dùng lại chỉ tiêu của năm trước).",
        "en": "No full-process target has been published for {years}: there is nothing to "
              "compare with for that period (an earlier year's target is not carried forward)."},
    "wi_sum_never": {
        "vi": "Tỷ lệ toàn trình chưa đạt chỉ tiêu {target} trong kỳ dự báo (cuối kỳ: {value}).",
        "en": "The full-process rate falls short of the {target} target within the projection "
              "({value} at the end)."},
    "wi_sum_anyway": {
        "vi": "Tỷ lệ toàn trình đạt chỉ tiêu {target} từ {month} đến hết kỳ dự báo, dù có hay "
              "không có chính sách.",
        "en": "The full-process rate meets the {target} target from {month} to the end of the "
              "projection, with or without the policy."},
    "wi_sum_only": {
        "vi": "Nhờ chính sách, tỷ lệ toàn trình đạt chỉ tiêu {target} từ {month} đến hết kỳ dự "
              "báo; không có chính sách thì không.",
        "en": "With the policy the full-process rate meets the {target} target from {month} to "
              "the end of the projection; without it, it does not."},
    "wi_sum_earlier": {
        "vi": "Tỷ lệ toàn trình đạt chỉ tiêu {target} từ {month} đến hết kỳ dự báo, sớm hơn {n} "
              "tháng so với khi không có chính sách ({base}).",
        "en": "The full-process rate meets the {target} target from {month} to the end of the "
              "projection, {n} months earlier than without the policy ({base})."},
    "wi_sum_nothing": {
        "vi": "Không thủ tục nào được chọn còn thu phí khi nộp trực tuyến {where}: chính sách không "
              "thay đổi kết quả.",
        "en": "None of the chosen procedures still charges an online fee {where}: the policy "
              "changes nothing."},
    "wi_sum_zero": {
        "vi": "Mức giảm 0%: kết quả {where} trùng với khi không có chính sách.",
        "en": "A 0% cut: the results {where} are those without the policy."},
    "wi_range": {"vi": "khoảng {lo} – {hi}", "en": "range {lo} – {hi}"},
    "wi_range_title": {"vi": "Khoảng bất định", "en": "Uncertainty range"},
    "wi_vs_base": {"vi": "so với không có chính sách", "en": "vs no policy"},
    "wi_without": {"vi": "Không có chính sách: {value}", "en": "Without the policy: {value}"},
    "wi_tile_online": {"vi": "Tỷ lệ hồ sơ trực tuyến, {month}", "en": "Online dossier rate, {month}"},
    "wi_tile_online_help": {
        "vi": "Hồ sơ nộp trực tuyến / hồ sơ tiếp nhận mới của nơi áp dụng, trong tháng cuối của kỳ "
              "dự báo, khi có chính sách.",
        "en": "Dossiers submitted online / new dossiers where the cut applies, in the last month "
              "projected, with the cut."},
    "wi_tile_full": {"vi": "Tỷ lệ toàn trình (EMC), {month}",
                     "en": "Full-process rate (EMC), {month}"},
    "wi_tile_full_help": {
        "vi": "Hồ sơ trực tuyến toàn trình / hồ sơ tiếp nhận mới (định nghĩa EMC). Hồ sơ chuyển "
              "sang trực tuyến giữ tỷ lệ toàn trình hiện nay của thủ tục đó.",
        "en": "Full-process online dossiers / new dossiers (EMC definition). Dossiers moved online "
              "keep their procedure's present full-process share."},
    "wi_target_line": {"vi": "Chỉ tiêu {year}: {target} · đạt từ: {month}",
                       "en": "{year} target: {target} · met from: {month}"},
    "wi_not_reached": {"vi": "chưa đạt", "en": "not reached"},
    "wi_tile_moved": {"vi": "Hồ sơ chuyển sang trực tuyến", "en": "Dossiers moved online"},
    "wi_tile_moved_help": {
        "vi": "Số hồ sơ nộp trực tuyến thêm so với khi không có chính sách, cộng cả kỳ dự báo; mỗi "
              "hồ sơ là một lượt đến cơ quan được tránh.",
        "en": "Dossiers submitted online beyond the baseline, over the whole projection; each is a "
              "visit avoided."},
    "wi_over_months": {"vi": "cộng {n} tháng", "en": "over {n} months"},
    "wi_tile_revenue": {"vi": "Ngân sách giảm thu mỗi năm", "en": "Fee revenue given up a year"},
    "wi_tile_revenue_help": {
        "vi": "= hồ sơ chuyển sang trực tuyến × (phí trực tiếp − phí trực tuyến hiện nay) + hồ sơ "
              "trực tuyến × phí trực tuyến hiện nay × mức giảm; quy ra 12 tháng áp dụng.",
        "en": "= dossiers moved online × (in-person fee − online fee now) + online dossiers × "
              "online fee now × cut; per 12 months in force."},
    "wi_tile_savings": {"vi": "Người dân tiết kiệm mỗi năm", "en": "Citizens' savings a year"},
    "wi_tile_savings_help": {
        "vi": "= lệ phí được giảm (bằng số ngân sách giảm thu) + hồ sơ chuyển sang trực tuyến × "
              "chi phí một lượt đến cơ quan; quy ra 12 tháng áp dụng.",
        "en": "= fees saved (equal to the revenue given up) + dossiers moved online × cost of a "
              "visit; per 12 months in force."},
    "wi_savings_split": {"vi": "Lệ phí {fees} + đi lại {visits}",
                         "en": "Fees {fees} + visits {visits}"},
    # --- charts and the unit table -----------------------------------------------------------
    "wi_series_hist": {"vi": "Số liệu 12 tháng qua", "en": "Last 12 months (data)"},
    "wi_series_base": {"vi": "Không có chính sách", "en": "No policy (baseline)"},
    "wi_series_scen": {"vi": "Có chính sách", "en": "With the cut"},
    "wi_chart_online": {"vi": "Tỷ lệ hồ sơ trực tuyến theo tháng",
                        "en": "Online dossier rate, month by month"},
    "wi_chart_full": {"vi": "Tỷ lệ toàn trình (EMC) theo tháng",
                      "en": "Full-process rate (EMC), month by month"},
    "wi_axis_online": {"vi": "Tỷ lệ trực tuyến", "en": "Online rate"},
    "wi_axis_full": {"vi": "Tỷ lệ toàn trình", "en": "Full-process rate"},
    "wi_target_label": {"vi": "Chỉ tiêu {year}: {value}", "en": "{year} target: {value}"},
    "wi_units_title": {"vi": "Từng tỉnh, bộ: tỷ lệ toàn trình và thời điểm đạt chỉ tiêu",
                       "en": "Each province and ministry: full-process rate and targets"},
    "wi_units_caption": {
        "vi": "Tỷ lệ toàn trình (EMC) tháng {end}. “Đạt từ” là tháng trong kỳ dự báo mà từ đó đến "
              "hết kỳ, tỷ lệ của mỗi tháng đạt chỉ tiêu năm của tháng đó của khối (địa phương hoặc "
              "bộ, ngành). Bấm tiêu đề cột để sắp xếp.",
        "en": "Full-process rate (EMC) in {end}. “Met from” is the projected month from which, to "
              "the end, each month's rate meets its year's target for the block (localities or "
              "ministries). Click a column header to sort."},
    "wi_units_caption_plain": {
        "vi": "Tỷ lệ toàn trình (EMC) tháng {end}. Bấm tiêu đề cột để sắp xếp.",
        "en": "Full-process rate (EMC) in {end}. Click a column header to sort."},
    "wi_col_name": {"vi": "Tỉnh, bộ", "en": "Province or ministry"},
    "wi_col_kind": {"vi": "Khối", "en": "Block"},
    "wi_col_full_base": {"vi": "Toàn trình, không có chính sách",
                         "en": "Full-process, no policy"},
    "wi_col_full_scen": {"vi": "Toàn trình, có chính sách", "en": "Full-process, with the cut"},
    "wi_col_target": {"vi": "Chỉ tiêu {year}", "en": "{year} target"},
    "wi_col_reach_base": {"vi": "Đạt từ (không có chính sách)", "en": "Met from (no policy)"},
    "wi_col_reach_scen": {"vi": "Đạt từ (có chính sách)", "en": "Met from (with the cut)"},
    "wi_col_moved": {"vi": "Hồ sơ chuyển sang trực tuyến", "en": "Dossiers moved online"},
    "wi_col_given_up": {"vi": "Giảm thu cả kỳ", "en": "Revenue given up, whole projection"},
    # --- the estimate ----------------------------------------------------------------------
    "wi_est_title": {"vi": "Mức phản ứng ước lượng từ các chính sách đã áp dụng",
                     "en": "The response, estimated from past fee cuts"},
    "wi_est_line": {
        "vi": "**Ước lượng: {value}** (khoảng tin cậy 95%: {lo} – {hi}), từ {n} chính sách giảm phí "
              "có hiệu lực trong thời gian có số liệu: {cells} cặp tỉnh/bộ × thủ tục chịu tác động, "
              "{obs} quan sát theo tháng.",
        "en": "**Estimate: {value}** (95% confidence interval {lo} – {hi}), from {n} fee cuts in "
              "force while the data runs: {cells} province/ministry × procedure pairs affected, "
              "{obs} monthly observations."},
    "wi_est_meaning": {
        "vi": "Nghĩa là: một thủ tục đang có 60% hồ sơ trực tuyến sẽ lên khoảng {full} nếu miễn toàn "
              "bộ phí, {half} nếu giảm một nửa.",
        "en": "That is: a procedure at 60% online would rise to about {full} with the whole fee "
              "waived, {half} with half of it."},
    "wi_est_none": {
        "vi": "Số liệu hiện có không có chính sách giảm phí nào thay đổi trong thời gian có số liệu, "
              "nên chưa ước lượng được mức phản ứng. Mặc định dùng giả định {value} ± {unc}; hãy "
              "điều chỉnh theo hiểu biết thực tế.",
        "en": "No fee cut changes while the data runs, so the response cannot be estimated. The "
              "default is an assumption, {value} ± {unc}; adjust it to what you know."},
    "wi_est_thin": {
        "vi": "Lưu ý: chưa có nghiên cứu công bố nào đo tác động của giảm phí lên tỷ lệ nộp trực "
              "tuyến. Ước lượng chỉ dựa vào một số ít chính sách và giả định các thủ tục khác cùng "
              "tỉnh, cùng tháng là nhóm so sánh phù hợp (xu hướng song song). Hãy đọc kết quả như "
              "một khoảng, không phải một con số chắc chắn.",
        "en": "Note: no published study measures how much a fee cut raises online uptake. The "
              "estimate rests on a few policies and assumes that the other procedures of the same "
              "province and month are a fair comparison (parallel trends). Read the results as a "
              "range, not a certain number."},
    "wi_est_method": {
        "vi": "Phương pháp: khác biệt kép (difference-in-differences) với hiệu ứng cố định hai chiều "
              "— so sánh tỷ lệ trực tuyến (thang logit) của thủ tục được giảm phí với các thủ tục "
              "khác cùng tỉnh/bộ, cùng tháng, trước và sau khi chính sách có hiệu lực; hiệu ứng cố "
              "định tỉnh × thủ tục và tỉnh × tháng; bình phương tối thiểu có trọng số (nghịch đảo "
              "phương sai); chính sách tính từ tháng đầu tiên có hiệu lực trọn tháng. Sai số chuẩn: "
              "giá trị lớn hơn giữa sai số chuẩn cụm theo tỉnh × thủ tục ({se_cells}) và sai số "
              "jackknife bỏ lần lượt từng chính sách ({se_jack}); khoảng tin cậy 95% = ước lượng ± "
              "1,96 × sai số chuẩn.",
        "en": "Method: difference-in-differences with two-way fixed effects — the online share "
              "(logit scale) of the procedures a policy covers against the other procedures of "
              "the same province or ministry in the same month, before and after; fixed effects "
              "for province × procedure and province × month; weighted least squares (inverse "
              "variance); a policy counts from its first whole month in force. Standard error: "
              "the larger of the one clustered by province × procedure ({se_cells}) and the "
              "jackknife leaving out one policy at a time ({se_jack}); 95% interval = estimate "
              "± 1.96 × standard error."},
    "wi_open_ended": {"vi": "chưa hết hạn", "en": "open-ended"},
    "wi_own_estimate": {"vi": "{value} ({lo} – {hi})", "en": "{value} ({lo} – {hi})"},
    "wi_pcol_name": {"vi": "Chính sách", "en": "Policy"},
    "wi_pcol_scope": {"vi": "Phạm vi", "en": "Scope"},
    "wi_pcol_cut": {"vi": "Mức giảm", "en": "Cut"},
    "wi_pcol_period": {"vi": "Hiệu lực", "en": "In force"},
    "wi_pcol_cells": {"vi": "Số cặp tỉnh × thủ tục thay đổi", "en": "Pairs that change"},
    "wi_pcol_own": {"vi": "Ước lượng riêng (KTC 95%)", "en": "Own estimate (95% CI)"},
    "wi_pcol_use": {"vi": "Dùng để ước lượng", "en": "Used"},
    "wi_used": {"vi": "Có", "en": "Yes"},
    "wi_unused_before_data": {"vi": "Không: hết hiệu lực trước khi có số liệu",
                              "en": "No: ended before the data starts"},
    "wi_unused_after_data": {"vi": "Không: bắt đầu sau số liệu mới nhất",
                             "en": "No: starts after the latest data"},
    "wi_unused_no_online": {"vi": "Không: thủ tục chưa có dịch vụ trực tuyến",
                            "en": "No: the procedures have no online service"},
    "wi_unused_no_change": {"vi": "Không: mức phí không thay đổi trong thời gian có số liệu",
                            "en": "No: the fee does not change while the data runs"},
    # --- scenarios --------------------------------------------------------------------------
    "wi_sc_title": {"vi": "So sánh kịch bản", "en": "Compare scenarios"},
    "wi_sc_caption": {
        "vi": "Lưu tối đa {n} kịch bản. Kịch bản được giữ trong địa chỉ trang: gửi đường dẫn là gửi "
              "cả phần so sánh.",
        "en": "Save up to {n} scenarios. They are kept in the page address: sharing the link "
              "shares the comparison."},
    "wi_sc_default_name": {"vi": "Kịch bản {n}", "en": "Scenario {n}"},
    "wi_sc_name": {"vi": "Tên kịch bản", "en": "Scenario name"},
    "wi_sc_save": {"vi": "Lưu kịch bản đang xem", "en": "Save the current scenario"},
    "wi_sc_full": {"vi": "Đã lưu đủ {n} kịch bản; xoá bớt để lưu thêm.",
                   "en": "{n} scenarios saved; delete one to save another."},
    "wi_sc_open": {"vi": "Mở “{name}”", "en": "Open “{name}”"},
    "wi_sc_delete": {"vi": "Xoá “{name}”", "en": "Delete “{name}”"},
    "wi_sc_units_meeting": {"vi": "{n}/{total} tỉnh, bộ đạt", "en": "{n} of {total} meet it"},
    "wi_sc_row_procs": {"vi": "Số thủ tục được giảm phí", "en": "Procedures with a cut"},
    "wi_sc_row_resp": {"vi": "Mức phản ứng", "en": "Response"},
    "wi_pm": {"vi": "{value} ± {unc}", "en": "{value} ± {unc}"},
    "wi_arrow": {"vi": "{a} → {b}", "en": "{a} → {b}"},
    "wi_sc_row_online": {"vi": "Tỷ lệ trực tuyến cuối kỳ (không → có chính sách)",
                         "en": "Online rate at the end (no policy → with the cut)"},
    "wi_sc_row_full": {"vi": "Tỷ lệ toàn trình cuối kỳ (không → có chính sách)",
                       "en": "Full-process rate at the end (no policy → with the cut)"},
    "wi_sc_row_reach": {"vi": "Đạt chỉ tiêu (không → có chính sách)",
                        "en": "Target met (no policy → with the cut)"},
    "wi_x_online_base": {"vi": "Tỷ lệ trực tuyến cuối kỳ, không có chính sách",
                         "en": "Online rate at the end, no policy"},
    "wi_x_online_scen": {"vi": "Tỷ lệ trực tuyến cuối kỳ, có chính sách",
                         "en": "Online rate at the end, with the cut"},
    "wi_x_full_base": {"vi": "Tỷ lệ toàn trình cuối kỳ, không có chính sách",
                       "en": "Full-process rate at the end, no policy"},
    "wi_x_full_scen": {"vi": "Tỷ lệ toàn trình cuối kỳ, có chính sách",
                       "en": "Full-process rate at the end, with the cut"},
    "wi_x_reach_base": {"vi": "Đạt chỉ tiêu từ tháng, không có chính sách",
                        "en": "Target met from, no policy"},
    "wi_x_reach_scen": {"vi": "Đạt chỉ tiêu từ tháng, có chính sách",
                        "en": "Target met from, with the cut"},
    "wi_x_moved_lo": {"vi": "Hồ sơ chuyển sang trực tuyến (mức thấp)",
                      "en": "Dossiers moved online (low)"},
    "wi_x_moved_hi": {"vi": "Hồ sơ chuyển sang trực tuyến (mức cao)",
                      "en": "Dossiers moved online (high)"},
}
