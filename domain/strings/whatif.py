"""Strings of the fee what-if page (pages/what_if.py and components/whatif/)."""
STRINGS = {
    # --- page ------------------------------------------------------------------------------
    "wi_title": {
        "vi": "Mô phỏng giảm phí, lệ phí khi nộp hồ sơ trực tuyến",
        "en": "What-if: cutting fees for online submission"},
    "wi_intro": {
        "vi": "Chọn nơi áp dụng, các thủ tục được giảm phí, mức giảm và thời gian áp dụng. Trang "
              "ước tính tác động đến tỷ lệ nộp trực tuyến của các thủ tục đó, tỷ lệ toàn trình "
              "so với chỉ tiêu (khi đã được công bố), số thu phí, lệ phí và khoản tiết kiệm của "
              "người dân, so với khi không có chính sách. Đây là ước tính có độ bất định (vùng "
              "tô nhạt trên biểu đồ), không phải dự báo chắc chắn; phần cuối trang cho biết mô "
              "phỏng đã dự báo đúng đến đâu với các chính sách đã áp dụng.",
        "en": "Choose where the cut applies, the procedures it covers, how deep it is and for "
              "how long. The page estimates what it does to those procedures' online uptake, to "
              "the full-process rate against its targets (where published), to fee revenue and "
              "to what citizens save, against no policy. These are estimates with their "
              "uncertainty (the shaded bands), not certain forecasts; the end of the page shows "
              "how well the what-if predicted the fee cuts already made."},
    "wi_data_note": {
        "vi": "Mô phỏng dựa trên 12 tháng số liệu gần nhất ({start} – {last}; mùa vụ ước lượng "
              "từ tối đa 36 tháng), không theo kỳ báo cáo chọn ở thanh bên. Dự báo từ {first}, "
              "theo 34 tỉnh, thành phố hiện nay và các bộ, ngành; số liệu trước 01/07/2025 được "
              "cộng vào tỉnh, thành phố hiện nay mà tỉnh cũ hợp thành.",
        "en": "The what-if rests on the latest 12 months of data ({start} – {last}; seasonality "
              "from up to 36 months), whatever period the sidebar shows. The projection starts "
              "in {first}, for today's 34 provinces and the ministries; figures before 1 July "
              "2025 are added into the province of today each old province became part of."},
    "wi_estimating": {
        "vi": "Đang ước lượng mức phản ứng từ các chính sách đã áp dụng…",
        "en": "Estimating the response from past fee cuts…"},
    "wi_default": {"vi": "giá trị mặc định", "en": "the default"},
    # the settings of the page's address (components/whatif/state.PARAMS), in words
    "param_wi_scope": {"vi": "nơi áp dụng", "en": "place it applies to"},
    "param_wi_cover": {"vi": "thủ tục, lĩnh vực được giảm phí", "en": "procedures covered"},
    "param_wi_cut": {"vi": "mức giảm phí", "en": "fee cut"},
    "param_wi_start": {"vi": "tháng bắt đầu áp dụng", "en": "first month"},
    "param_wi_end": {"vi": "tháng kết thúc áp dụng", "en": "last month"},
    "param_wi_months": {"vi": "thời gian dự báo", "en": "projection horizon"},
    "param_wi_resp": {"vi": "mức phản ứng của người dân", "en": "response"},
    "param_wi_unc": {"vi": "độ bất định", "en": "uncertainty"},
    "param_wi_ceil": {"vi": "trần tỷ lệ nộp trực tuyến", "en": "adoption ceiling"},
    "param_wi_visit": {"vi": "chi phí một lượt đến cơ quan", "en": "cost of a visit"},
    "param_wi_base": {"vi": "đường cơ sở", "en": "baseline"},
    "wi_sc_bad": {
        "vi": "Không đọc được một số kịch bản đã lưu trong địa chỉ trang; đã bỏ qua.",
        "en": "Some saved scenarios in the page address could not be read; they were skipped."},
    "wi_at_scope": {"vi": "tại {name}", "en": "in {name}"},
    "wi_at_nation": {"vi": "trên cả nước", "en": "nationwide"},
    "wi_free_note": {
        "vi": "{n} thủ tục được chọn đã miễn phí khi nộp trực tuyến ở phạm vi này trong kỳ dự "
              "báo: không còn gì để giảm.",
        "en": "{n} of the chosen procedures are already free online here over the projection: "
              "nothing left to cut."},
    "wi_start_after": {
        "vi": "Tháng bắt đầu nằm sau kỳ dự báo: chính sách chưa có tác động trong {months} tháng "
              "này.",
        "en": "The start month falls after the projection: the cut has no effect in these "
              "{months} months."},
    # --- controls --------------------------------------------------------------------------
    "wi_policy_heading": {"vi": "Chính sách", "en": "The policy"},
    "wi_assume_heading": {"vi": "Giả định", "en": "Assumptions"},
    "wi_scope": {"vi": "Nơi áp dụng", "en": "Where it applies"},
    "wi_cover": {
        "vi": "Thủ tục hoặc lĩnh vực được giảm phí",
        "en": "Procedures or fields covered"},
    "wi_cover_help": {
        "vi": "Chỉ liệt kê thủ tục có thu phí, lệ phí và có dịch vụ công trực tuyến, với mức phí "
              "nộp trực tiếp và tỷ lệ nộp trực tuyến 3 tháng gần nhất ở nơi áp dụng. Chọn một "
              "lĩnh vực là chọn mọi thủ tục có phí của lĩnh vực đó.",
        "en": "Only procedures that charge a fee and have an online service are listed, with the "
              "in-person fee and the online share of the last 3 months where the cut applies. "
              "Choosing a field chooses every fee-charging procedure in it."},
    "wi_cover_none": {"vi": "Chưa chọn thủ tục nào", "en": "No procedure chosen"},
    "wi_field_option": {
        "vi": "Lĩnh vực {name} (mọi thủ tục có phí)",
        "en": "Field: {name} (every fee-charging procedure)"},
    "wi_cut": {"vi": "Mức giảm phí khi nộp trực tuyến", "en": "Cut to the online fee"},
    "wi_cut_help": {
        "vi": "Phần trăm giảm so với mức phí nộp trực tuyến đang áp dụng (100% = miễn phí khi "
              "nộp trực tuyến; 0% = không có chính sách mới).",
        "en": "Percentage off the online fee now in force (100% = free online; 0% = no new "
              "policy)."},
    "wi_start": {"vi": "Áp dụng từ", "en": "Starting in"},
    "wi_months": {"vi": "Dự báo đến", "en": "Projected to"},
    "wi_months_help": {
        "vi": "Tháng cuối của kỳ dự báo, tính từ tháng đầu tiên sau số liệu mới nhất. Mặc định: "
              "hết năm sau.",
        "en": "The last month projected, from the first month after the latest data. Default: "
              "the end of next year."},
    "wi_resp": {
        "vi": "Mức phản ứng của người dân (hệ số)",
        "en": "Response of uptake (coefficient)"},
    "wi_resp_help": {
        "vi": "Mức tăng của tỷ lệ nộp trực tuyến, đo trên thang logit, khi khoản giảm bằng toàn "
              "bộ mức phí nộp trực tiếp. 0 = giảm phí không làm ai chuyển sang nộp trực tuyến.",
        "en": "The rise of the online share, on the logit scale, when the cut is worth the whole "
              "in-person fee. 0 = a cut moves nobody online."},
    "wi_unc": {"vi": "Độ bất định (±)", "en": "Uncertainty (±)"},
    "wi_unc_help": {
        "vi": "Khoảng ± quanh mức phản ứng; kết quả được tính ở hai đầu khoảng (vùng tô nhạt "
              "trên biểu đồ). Mặc định: sai số của mô phỏng khi kiểm chứng các chính sách đã áp "
              "dụng, hoặc khoảng tin cậy 95% của ước lượng nếu rộng hơn.",
        "en": "The ± around the response; results are worked out at both ends (the shaded "
              "bands). Default: the what-if's error when back-tested on the fee cuts already "
              "made, or the estimate's 95% confidence interval if wider."},
    "wi_resp_example": {
        "vi": "Ví dụ: miễn toàn bộ phí, một thủ tục đang có 60% hồ sơ trực tuyến sẽ lên "
              "{mid}{range}.",
        "en": "For example: with the whole fee waived, a procedure at 60% online rises to "
              "{mid}{range}."},
    "wi_resp_estimated": {
        "vi": "Mặc định: {value} ± {unc}. Hệ số ước lượng từ {n} chính sách giảm phí đã áp dụng "
              "(khoảng tin cậy 95%: {lo} – {hi}); độ bất định {source}.",
        "en": "Default: {value} ± {unc}. The response is estimated from {n} fee cuts already "
              "made (95% confidence interval {lo} – {hi}); the uncertainty {source}."},
    "wi_unc_source_backtest": {
        "vi": "lấy theo sai số của mô phỏng khi kiểm chứng các chính sách đó (xem cuối trang), "
              "rộng hơn khoảng tin cậy",
        "en": "follows the what-if's errors when back-tested on those cuts (see the end of the "
              "page), wider than the confidence interval"},
    "wi_unc_source_ci": {"vi": "theo khoảng tin cậy", "en": "follows the confidence interval"},
    "wi_resp_assumed": {
        "vi": "Số liệu chưa có chính sách giảm phí nào để ước lượng: mặc định {value} ± {unc} là "
              "giả định.",
        "en": "The data holds no fee cut to learn from: the default {value} ± {unc} is an "
              "assumption."},
    "wi_ceil": {"vi": "Trần tỷ lệ nộp trực tuyến", "en": "Adoption ceiling"},
    "wi_ceil_help": {
        "vi": "Tỷ lệ hồ sơ tối đa có thể nộp trực tuyến: trừ thủ tục bắt buộc có mặt, người "
              "không có Internet hoặc định danh điện tử và không được hỗ trợ nộp. Giảm phí không "
              "đưa tỷ lệ vượt trần; nơi đã vượt trần thì giữ nguyên. Mặc định 98% là giả định: "
              "nhiều thủ tục có phí đã trên 95% hồ sơ trực tuyến.",
        "en": "The largest share of dossiers that can go online: less procedures that need "
              "presence and people without internet or digital ID who get no help. A cut never "
              "lifts the share past it; where the share is already above it, nothing changes. "
              "The default 98% is an assumption: many fee-charging procedures are already above "
              "95% online."},
    "wi_visit": {"vi": "Chi phí một lượt đến cơ quan (đồng)", "en": "Cost of a visit (VND)"},
    "wi_visit_help": {
        "vi": "Chi phí đi lại và thời gian của người dân cho một lượt nộp hồ sơ trực tiếp; mỗi "
              "hồ sơ chuyển sang trực tuyến tránh được một lượt.",
        "en": "Travel and time a citizen spends on one visit to submit in person; each dossier "
              "moved online avoids one."},
    "wi_visit_basis": {
        "vi": "Mặc định {value} đồng: Bộ Công an ước tính cấp phiếu lý lịch tư pháp trực tuyến "
              "giúp 2,6 triệu người mỗi năm không phải đến cơ quan, tiết kiệm khoảng 637 tỷ "
              "đồng/năm (báo Sài Gòn Giải Phóng, 2024); 637 tỷ ÷ 2,6 triệu lượt.",
        "en": "Default {value} VND: the Ministry of Public Security estimated that online "
              "criminal record certificates spare 2.6 million people a year a visit and save "
              "them about 637 billion VND a year (Saigon Giai Phong, 2024); 637 billion ÷ 2.6 "
              "million visits."},
    "wi_base": {"vi": "Đường cơ sở (không có chính sách)", "en": "Baseline (no policy)"},
    "wi_base_level": {"vi": "Giữ mức tháng gần nhất", "en": "Last month's level held"},
    "wi_base_trend": {"vi": "Tiếp tục xu hướng gần đây", "en": "Recent trend continues"},
    "wi_base_help": {
        "vi": "Cả hai: bắt đầu từ số liệu tháng gần nhất và lặp lại mùa vụ (chênh lệch thường "
              "thấy giữa các tháng trong năm); số hồ sơ mỗi tháng theo cùng tháng năm trước × "
              "mức tăng 12 tháng qua. Xu hướng: tỷ lệ trực tuyến của mỗi tỉnh, bộ tiếp tục xu "
              "hướng 12 tháng gần nhất, giảm dần mỗi tháng một phần mười.",
        "en": "Both: start from the latest month's data and repeat the seasons (the usual gap "
              "between months of the year); dossiers each month follow the same month a year "
              "earlier × the last year's growth. Trend: each province's or ministry's online "
              "share continues its trend of the last 12 months, fading by a tenth a month."},
    # --- summary and tiles -----------------------------------------------------------------
    "wi_sum_head": {
        "vi": "Giảm {cut} phí, lệ phí nộp trực tuyến cho {n} thủ tục {where} từ {start} "
              "({until}): đến {end}, tỷ lệ nộp trực tuyến của các thủ tục này đạt "
              "{online_scen}{range} thay vì {online_base} nếu không có chính sách ({gain}).",
        "en": "A {cut} cut to the online fee {where} from {start} ({until}; procedures covered: "
              "{n}): by {end}, their online rate reaches {online_scen}{range} instead of "
              "{online_base} without the policy ({gain})."},
    "wi_sum_moved": {
        "vi": "Khoảng {moved} hồ sơ chuyển sang nộp trực tuyến ({lo} – {hi}).",
        "en": "About {moved} dossiers move online ({lo} – {hi})."},
    "wi_sum_money": {
        "vi": "Ngân sách giảm thu {given} mỗi năm; người dân tiết kiệm {saved} mỗi năm (lệ phí "
              "và chi phí đi lại).",
        "en": "Fee revenue falls by {given} a year; citizens save {saved} a year (fees and "
              "visits)."},
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
        "vi": "Không thủ tục nào được chọn còn thu phí khi nộp trực tuyến {where}: chính sách "
              "không thay đổi kết quả.",
        "en": "None of the chosen procedures still charges an online fee {where}: the policy "
              "changes nothing."},
    "wi_sum_zero": {
        "vi": "Mức giảm 0%: kết quả {where} trùng với khi không có chính sách.",
        "en": "A 0% cut: the results {where} are those without the policy."},
    "wi_sum_no_month": {
        "vi": "Chính sách không có tháng nào áp dụng trong kỳ dự báo: kết quả {where} trùng với "
              "khi không có chính sách.",
        "en": "The cut applies in no month of the projection: the results {where} are those "
              "without the policy."},
    "wi_range": {"vi": "khoảng {lo} – {hi}", "en": "range {lo} – {hi}"},
    "wi_range_title": {"vi": "Khoảng bất định", "en": "Uncertainty range"},
    "wi_without": {"vi": "Không có chính sách: {value}", "en": "Without the policy: {value}"},
    "wi_tile_online": {
        "vi": "Tỷ lệ trực tuyến của các thủ tục được giảm phí, {month}",
        "en": "Online rate of the procedures cut, {month}"},
    "wi_tile_online_help": {
        "vi": "Hồ sơ nộp trực tuyến / hồ sơ tiếp nhận mới của các thủ tục được giảm phí ở nơi áp "
              "dụng, trong tháng cuối của kỳ dự báo, khi có chính sách.",
        "en": "Dossiers submitted online / new dossiers of the procedures cut where the cut "
              "applies, in the last month projected, with the cut."},
    "wi_tile_full": {
        "vi": "Tỷ lệ toàn trình (EMC) {where}, {month}",
        "en": "Full-process rate (EMC) {where}, {month}"},
    "wi_tile_full_help": {
        "vi": "Hồ sơ trực tuyến toàn trình / hồ sơ tiếp nhận mới của mọi thủ tục ở nơi áp dụng "
              "(định nghĩa EMC), thước đo của chỉ tiêu. Hồ sơ chuyển sang trực tuyến giữ tỷ lệ "
              "toàn trình hiện nay của thủ tục đó.",
        "en": "Full-process online dossiers / new dossiers of every procedure where the cut "
              "applies (EMC definition), what the targets measure. Dossiers moved online keep "
              "their procedure's present full-process share."},
    "wi_target_line": {
        "vi": "Chỉ tiêu {year}: {target} · đạt từ: {month}",
        "en": "{year} target: {target} · met from: {month}"},
    "wi_not_reached": {"vi": "chưa đạt", "en": "not reached"},
    "wi_tile_moved": {"vi": "Hồ sơ chuyển sang trực tuyến", "en": "Dossiers moved online"},
    "wi_tile_moved_help": {
        "vi": "Số hồ sơ nộp trực tuyến thêm so với khi không có chính sách, cộng cả kỳ dự báo; "
              "mỗi hồ sơ là một lượt đến cơ quan được tránh.",
        "en": "Dossiers submitted online beyond the baseline, over the whole projection; each is "
              "a visit avoided."},
    "wi_over_months": {"vi": "cộng {n} tháng", "en": "over {n} months"},
    "wi_tile_revenue": {"vi": "Ngân sách giảm thu mỗi năm", "en": "Fee revenue given up a year"},
    "wi_tile_revenue_help": {
        "vi": "= hồ sơ chuyển sang trực tuyến × (phí trực tiếp − phí trực tuyến hiện nay) + hồ "
              "sơ trực tuyến × phí trực tuyến hiện nay × mức giảm; quy ra 12 tháng áp dụng.",
        "en": "= dossiers moved online × (in-person fee − online fee now) + online dossiers × "
              "online fee now × cut; per 12 months in force."},
    "wi_tile_savings": {"vi": "Người dân tiết kiệm mỗi năm", "en": "Citizens' savings a year"},
    "wi_tile_savings_help": {
        "vi": "= lệ phí được giảm (bằng số ngân sách giảm thu) + hồ sơ chuyển sang trực tuyến × "
              "chi phí một lượt đến cơ quan; quy ra 12 tháng áp dụng.",
        "en": "= fees saved (equal to the revenue given up) + dossiers moved online × cost of a "
              "visit; per 12 months in force."},
    "wi_savings_split": {
        "vi": "Lệ phí {fees} + đi lại {visits}",
        "en": "Fees {fees} + visits {visits}"},
    # --- charts and the unit table -----------------------------------------------------------
    "wi_series_hist": {"vi": "Số liệu", "en": "Data"},
    "wi_series_base": {"vi": "Không có chính sách", "en": "No policy"},
    "wi_series_scen": {"vi": "Có chính sách", "en": "With the cut"},
    "wi_chart_online": {
        "vi": "Tỷ lệ nộp trực tuyến của {n} thủ tục được giảm phí {where}",
        "en": "Online rate of the procedures cut {where} ({n})"},
    "wi_chart_full": {
        "vi": "Tỷ lệ toàn trình (EMC) {where}, mọi thủ tục",
        "en": "Full-process rate (EMC) {where}, every procedure"},
    "wi_axis_online": {"vi": "Tỷ lệ trực tuyến", "en": "Online rate"},
    "wi_axis_full": {"vi": "Tỷ lệ toàn trình", "en": "Full-process rate"},
    "wi_target_label": {"vi": "Chỉ tiêu {year}: {value}", "en": "{year} target: {value}"},
    "wi_units_title": {
        "vi": "Từng tỉnh, bộ: tỷ lệ toàn trình và thời điểm đạt chỉ tiêu",
        "en": "Each province and ministry: full-process rate and targets"},
    "wi_units_caption": {
        "vi": "Tỷ lệ toàn trình (EMC) tháng {end}. “Đạt từ” là tháng trong kỳ dự báo mà từ đó "
              "đến hết kỳ, tỷ lệ của mỗi tháng đạt chỉ tiêu năm của tháng đó của khối (địa "
              "phương hoặc bộ, ngành). Bấm tiêu đề cột để sắp xếp.",
        "en": "Full-process rate (EMC) in {end}. “Met from” is the projected month from which, "
              "to the end, each month's rate meets its year's target for the block (localities "
              "or ministries). Click a column header to sort."},
    "wi_units_caption_plain": {
        "vi": "Tỷ lệ toàn trình (EMC) tháng {end}. Bấm tiêu đề cột để sắp xếp.",
        "en": "Full-process rate (EMC) in {end}. Click a column header to sort."},
    "wi_col_name": {"vi": "Tỉnh, bộ", "en": "Province or ministry"},
    "wi_col_kind": {"vi": "Khối", "en": "Block"},
    "wi_col_full_base": {"vi": "Toàn trình, không có chính sách", "en": "Full-process, no policy"},
    "wi_col_full_scen": {"vi": "Toàn trình, có chính sách", "en": "Full-process, with the cut"},
    "wi_col_target": {"vi": "Chỉ tiêu {year}", "en": "{year} target"},
    "wi_col_reach_base": {"vi": "Đạt từ (không có chính sách)", "en": "Met from (no policy)"},
    "wi_col_reach_scen": {"vi": "Đạt từ (có chính sách)", "en": "Met from (with the cut)"},
    "wi_col_moved": {"vi": "Hồ sơ chuyển sang trực tuyến", "en": "Dossiers moved online"},
    "wi_col_given_up": {"vi": "Giảm thu cả kỳ", "en": "Revenue given up, whole projection"},
    # --- the estimate ----------------------------------------------------------------------
    "wi_est_title": {
        "vi": "Mức phản ứng ước lượng từ các chính sách đã áp dụng",
        "en": "The response, estimated from past fee cuts"},
    "wi_est_line": {
        "vi": "**Ước lượng: {value}** (khoảng tin cậy 95%: {lo} – {hi}), từ {n} chính sách giảm "
              "phí có hiệu lực trong thời gian có số liệu: {cells} cặp tỉnh/bộ × thủ tục chịu "
              "tác động, {obs} quan sát theo tháng.",
        "en": "**Estimate: {value}** (95% confidence interval {lo} – {hi}), from {n} fee cuts in "
              "force while the data runs: {cells} province/ministry × procedure pairs affected, "
              "{obs} monthly observations."},
    "wi_est_meaning": {
        "vi": "Nghĩa là: một thủ tục đang có 60% hồ sơ trực tuyến sẽ lên khoảng {full} nếu miễn "
              "toàn bộ phí, {half} nếu giảm một nửa.",
        "en": "That is: a procedure at 60% online would rise to about {full} with the whole fee "
              "waived, {half} with half of it."},
    "wi_est_none": {
        "vi": "Số liệu hiện có không có chính sách giảm phí nào thay đổi trong thời gian có số "
              "liệu, nên chưa ước lượng được mức phản ứng. Mặc định dùng giả định {value} ± "
              "{unc}; hãy điều chỉnh theo hiểu biết thực tế.",
        "en": "No fee cut changes while the data runs, so the response cannot be estimated. The "
              "default is an assumption, {value} ± {unc}; adjust it to what you know."},
    "wi_est_thin": {
        "vi": "Lưu ý: chưa có nghiên cứu công bố nào đo tác động của giảm phí lên tỷ lệ nộp trực "
              "tuyến. Ước lượng chỉ dựa vào một số ít chính sách và giả định các thủ tục khác "
              "cùng tỉnh, cùng tháng là nhóm so sánh phù hợp (xu hướng song song). Hãy đọc kết "
              "quả như một khoảng, không phải một con số chắc chắn.",
        "en": "Note: no published study measures how much a fee cut raises online uptake. The "
              "estimate rests on a few policies and assumes that the other procedures of the "
              "same province and month are a fair comparison (parallel trends). Read the results "
              "as a range, not a certain number."},
    "wi_est_method": {
        "vi": "Phương pháp: khác biệt kép (difference-in-differences) với hiệu ứng cố định hai "
              "chiều — so sánh tỷ lệ trực tuyến (thang logit) của thủ tục được giảm phí với các "
              "thủ tục khác cùng tỉnh/bộ, cùng tháng, trước và sau khi chính sách có hiệu lực; "
              "hiệu ứng cố định tỉnh × thủ tục và tỉnh × tháng; bình phương tối thiểu có trọng "
              "số (nghịch đảo phương sai); chính sách tính từ tháng đầu tiên có hiệu lực trọn "
              "tháng. Sai số chuẩn: giá trị lớn hơn giữa sai số chuẩn cụm theo tỉnh × thủ tục "
              "({se_cells}) và sai số jackknife bỏ lần lượt từng chính sách ({se_jack}); khoảng "
              "tin cậy 95% = ước lượng ± 1,96 × sai số chuẩn.",
        "en": "Method: difference-in-differences with two-way fixed effects — the online share "
              "(logit scale) of the procedures a policy covers against the other procedures of "
              "the same province or ministry in the same month, before and after; fixed effects "
              "for province × procedure and province × month; weighted least squares (inverse "
              "variance); a policy counts from its first whole month in force. Standard error: "
              "the larger of the one clustered by province × procedure ({se_cells}) and the "
              "jackknife leaving out one policy at a time ({se_jack}); 95% interval = estimate ± "
              "1.96 × standard error."},
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
    "wi_unused_before_data": {
        "vi": "Không: hết hiệu lực trước khi có số liệu",
        "en": "No: ended before the data starts"},
    "wi_unused_after_data": {
        "vi": "Không: bắt đầu sau số liệu mới nhất",
        "en": "No: starts after the latest data"},
    "wi_unused_no_online": {
        "vi": "Không: thủ tục chưa có dịch vụ trực tuyến",
        "en": "No: the procedures have no online service"},
    "wi_unused_no_change": {
        "vi": "Không: mức phí không thay đổi trong thời gian có số liệu",
        "en": "No: the fee does not change while the data runs"},
    # --- scenarios --------------------------------------------------------------------------
    "wi_sc_title": {"vi": "So sánh kịch bản", "en": "Compare scenarios"},
    "wi_sc_caption": {
        "vi": "Lưu tối đa {n} kịch bản. Kịch bản được giữ trong địa chỉ trang: gửi đường dẫn là "
              "gửi cả phần so sánh.",
        "en": "Save up to {n} scenarios. They are kept in the page address: sharing the link "
              "shares the comparison."},
    "wi_sc_default_name": {"vi": "Kịch bản {n}", "en": "Scenario {n}"},
    "wi_sc_name": {"vi": "Tên kịch bản", "en": "Scenario name"},
    "wi_sc_save": {"vi": "Lưu kịch bản đang xem", "en": "Save the current scenario"},
    "wi_sc_full": {
        "vi": "Đã lưu đủ {n} kịch bản; xoá bớt để lưu thêm.",
        "en": "{n} scenarios saved; delete one to save another."},
    "wi_sc_open": {"vi": "Mở “{name}”", "en": "Open “{name}”"},
    "wi_sc_delete": {"vi": "Xoá “{name}”", "en": "Delete “{name}”"},
    "wi_sc_units_meeting": {"vi": "{n}/{total} tỉnh, bộ đạt", "en": "{n} of {total} meet it"},
    "wi_sc_row_procs": {"vi": "Số thủ tục được giảm phí", "en": "Procedures with a cut"},
    "wi_sc_row_resp": {"vi": "Mức phản ứng", "en": "Response"},
    "wi_pm": {"vi": "{value} ± {unc}", "en": "{value} ± {unc}"},
    "wi_arrow": {"vi": "{a} → {b}", "en": "{a} → {b}"},
    "wi_sc_row_online": {
        "vi": "Tỷ lệ trực tuyến cuối kỳ (không → có chính sách)",
        "en": "Online rate at the end (no policy → with the cut)"},
    "wi_sc_row_full": {
        "vi": "Tỷ lệ toàn trình cuối kỳ (không → có chính sách)",
        "en": "Full-process rate at the end (no policy → with the cut)"},
    "wi_sc_row_reach": {
        "vi": "Đạt chỉ tiêu (không → có chính sách)",
        "en": "Target met (no policy → with the cut)"},
    "wi_x_online_base": {
        "vi": "Tỷ lệ trực tuyến cuối kỳ, không có chính sách",
        "en": "Online rate at the end, no policy"},
    "wi_x_online_scen": {
        "vi": "Tỷ lệ trực tuyến cuối kỳ, có chính sách",
        "en": "Online rate at the end, with the cut"},
    "wi_x_full_base": {
        "vi": "Tỷ lệ toàn trình cuối kỳ, không có chính sách",
        "en": "Full-process rate at the end, no policy"},
    "wi_x_full_scen": {
        "vi": "Tỷ lệ toàn trình cuối kỳ, có chính sách",
        "en": "Full-process rate at the end, with the cut"},
    "wi_x_reach_base": {
        "vi": "Đạt chỉ tiêu từ tháng, không có chính sách",
        "en": "Target met from, no policy"},
    "wi_x_reach_scen": {
        "vi": "Đạt chỉ tiêu từ tháng, có chính sách",
        "en": "Target met from, with the cut"},
    "wi_x_moved_lo": {
        "vi": "Hồ sơ chuyển sang trực tuyến (mức thấp)",
        "en": "Dossiers moved online (low)"},
    "wi_x_moved_hi": {
        "vi": "Hồ sơ chuyển sang trực tuyến (mức cao)",
        "en": "Dossiers moved online (high)"},
    # --- baseline, charts and notes -----------------------------------------------------------
    "wi_sidebar_note": {
        "vi": "Trang mô phỏng luôn dùng 12 tháng số liệu gần nhất ({start} – {last}), không theo "
              "kỳ chọn ở trên.",
        "en": "The what-if always uses the latest 12 months of data ({start} – {last}), not the "
              "period chosen above."},
    "wi_mostly_online": {
        "vi": "Các thủ tục được chọn đã có {online} hồ sơ nộp trực tuyến (3 tháng gần nhất): với "
              "trần giả định {ceil}, giảm phí chỉ còn tối đa {room} để tăng. Hãy chọn thủ tục có "
              "tỷ lệ trực tuyến thấp hơn để thấy tác động rõ hơn.",
        "en": "The chosen procedures are already {online} online (last 3 months): with the "
              "assumed ceiling of {ceil}, a cut has at most {room} left to move. Choose "
              "procedures with a lower online share to see more."},
    "wi_end_before_start": {
        "vi": "Tháng kết thúc trước tháng bắt đầu: chính sách không có tháng nào áp dụng.",
        "en": "The end month comes before the start month: the cut applies in no month."},
    "wi_proc_option": {
        "vi": "{name} — {fee}, {online} trực tuyến",
        "en": "{name} — {fee}, {online} online"},
    "wi_cover_default": {
        "vi": "Mặc định: các thủ tục còn thu phí khi nộp trực tuyến có tỷ lệ trực tuyến dưới 90% "
              "ở nơi áp dụng (nếu không có, 3 thủ tục thấp nhất) — nơi giảm phí còn dư địa.",
        "en": "By default: the procedures that still charge online with an online share under "
              "90% where the cut applies (if none, the 3 lowest) — where a cut has room to work."},
    "wi_end": {"vi": "Áp dụng đến", "en": "Ending in"},
    "wi_end_help": {
        "vi": "Tháng cuối cùng chính sách áp dụng; sau đó phí trở lại mức trước và tỷ lệ trực "
              "tuyến quay về đường cơ sở ngay tháng sau. Kéo hết sang phải: không thời hạn.",
        "en": "The last month the cut applies; after it the fee returns to what it was and "
              "online uptake returns to the baseline the next month. All the way right: "
              "open-ended."},
    "wi_open_ended_policy": {"vi": "không thời hạn", "en": "open-ended"},
    "wi_until": {"vi": "đến hết {month}", "en": "to the end of {month}"},
    "wi_combine": {
        "vi": "Mức giảm áp dụng trên mức phí trực tuyến đang có hiệu lực sau các chính sách giảm "
              "phí đã ban hành; khi nhiều chính sách cùng áp dụng cho một thủ tục, lấy mức giảm "
              "lớn nhất (không cộng dồn). Chính sách đã ban hành hết hạn trong kỳ dự báo thì phí "
              "trở lại mức cũ từ tháng sau.",
        "en": "The cut applies to the online fee in force after the fee cuts already enacted; "
              "where several apply to one procedure, the largest discount counts (they do not "
              "add up). An enacted cut that ends inside the projection returns the fee to its "
              "former level the month after."},
    "wi_sum_full": {
        "vi": "Tỷ lệ toàn trình {where}: {full_scen} thay vì {full_base} ({gain}) — các thủ tục "
              "này chiếm {share} số hồ sơ.",
        "en": "The full-process rate {where}: {full_scen} instead of {full_base} ({gain}) — "
              "these procedures are {share} of the dossiers."},
    "wi_sum_full_flat": {
        "vi": "Tỷ lệ toàn trình {where} hầu như không đổi: {full_scen} ({gain}), vì các thủ tục "
              "này chỉ chiếm {share} số hồ sơ.",
        "en": "The full-process rate {where} barely moves: {full_scen} ({gain}), as these "
              "procedures are only {share} of the dossiers."},
    "wi_sum_full_none": {
        "vi": "Tỷ lệ toàn trình {where} không đổi ({full_scen}): các thủ tục này chưa cho phép "
              "nộp trực tuyến toàn trình, nên hồ sơ chuyển sang trực tuyến không được tính vào "
              "tỷ lệ này.",
        "en": "The full-process rate {where} does not change ({full_scen}): these procedures "
              "cannot yet be done fully online, so dossiers moved online do not count towards it."},
    "wi_full_unmoved": {
        "vi": "Không đổi: các thủ tục được giảm phí chưa cho phép nộp trực tuyến toàn trình.",
        "en": "Unchanged: the procedures cut cannot yet be done fully online."},
    "wi_band": {"vi": "Khoảng bất định", "en": "Uncertainty"},
    "wi_chart_online_all": {"vi": "Tỷ lệ nộp trực tuyến {where}", "en": "Online rate {where}"},
    "wi_axis_gain": {"vi": "Tăng (điểm %)", "en": "Gain (points)"},
    "wi_no_gain": {
        "vi": "Chính sách không làm tỷ lệ này thay đổi.",
        "en": "The cut leaves this rate as it is."},
    "wi_mark_forecast": {"vi": "Dự báo", "en": "Projection"},
    "wi_mark_start": {"vi": "Bắt đầu giảm phí", "en": "Cut starts"},
    "wi_mark_end": {"vi": "Hết giảm phí", "en": "Cut ends"},
    "wi_chart_no_target": {
        "vi": "Chưa có chỉ tiêu tỷ lệ toàn trình được công bố cho năm {years}: biểu đồ không vẽ "
              "đường chỉ tiêu cho những năm này.",
        "en": "No full-process target has been published for {years}: the chart draws no target "
              "line for those years."},
    "wi_method_start": {
        "vi": "Đường cơ sở bắt đầu từ số liệu tháng {last} (tháng gần nhất có đủ báo cáo).",
        "en": "The baseline starts from the data of {last} (the latest month fully reported)."},
    "wi_method_season": {
        "vi": "Mùa vụ: chênh lệch thường thấy giữa các tháng trong năm, ước lượng từ {months} "
              "tháng số liệu (chỉ giữ phần lặp lại qua các năm).",
        "en": "Seasons: the usual gap between months of the year, estimated from {months} months "
              "of data (only what repeats across years is kept)."},
    "wi_method_no_season": {
        "vi": "Mùa vụ: chưa đủ 24 tháng số liệu để ước lượng, không tính.",
        "en": "Seasons: fewer than 24 months of data, none applied."},
    "wi_method_trend": {
        "vi": "Xu hướng: tỷ lệ trực tuyến của mỗi tỉnh, bộ tiếp tục xu hướng 12 tháng gần nhất, "
              "giảm dần mỗi tháng một phần mười; tỷ lệ toàn trình trên hồ sơ trực tuyến giữ mức "
              "tháng gần nhất.",
        "en": "Trend: each province's or ministry's online share continues its trend of the last "
              "12 months, fading by a tenth a month; the full-process share of online dossiers "
              "holds at the latest month's."},
    "wi_method_no_trend": {
        "vi": "Xu hướng: chưa đủ 6 tháng số liệu để ước lượng, giữ nguyên mức.",
        "en": "Trend: fewer than 6 months of data, the level is held."},
    "wi_method_level": {
        "vi": "Không tính xu hướng: tỷ lệ giữ mức tháng gần nhất (theo mùa vụ).",
        "en": "No trend: the shares hold at the latest month's (with the seasons)."},
    "wi_method_volume": {
        "vi": "Số hồ sơ: cùng tháng năm trước × mức tăng 12 tháng qua ({growth} cả nước), cơ cấu "
              "thủ tục như tháng gần nhất.",
        "en": "Dossiers: the same month a year earlier × the last year's growth ({growth} "
              "nationwide), with the latest month's mix of procedures."},
    "wi_method_volume_flat": {
        "vi": "Số hồ sơ: cùng tháng năm trước (chưa đủ 24 tháng để tính mức tăng), cơ cấu thủ "
              "tục như tháng gần nhất.",
        "en": "Dossiers: the same month a year earlier (not 24 months of data to measure "
              "growth), with the latest month's mix of procedures."},
    "wi_method_fees": {
        "vi": "Phí trực tuyến theo các chính sách đã ban hành, kể cả khi hết hạn.",
        "en": "Online fees follow the fee cuts enacted, ending where they end."},
    "wi_method_band": {
        "vi": "Vùng tô nhạt: kết quả với mức phản ứng từ {lo} đến {hi}.",
        "en": "Shaded: the results with a response from {lo} to {hi}."},
    "wi_method_axis": {
        "vi": "Trục tỷ lệ bắt đầu từ 0%; biểu đồ bên phải phóng to phần tăng nhờ chính sách.",
        "en": "The rate axis starts at 0%; the chart on the right magnifies the gain from the "
              "cut."},
    "wi_x_months": {"vi": "Số tháng dự báo", "en": "Months projected"},
    # --- back-tests ---------------------------------------------------------------------------
    "wi_bt_title": {
        "vi": "Kiểm chứng: mô phỏng có dự báo đúng các chính sách đã áp dụng?",
        "en": "Back-test: would the what-if have predicted the fee cuts already made?"},
    "wi_bt_intro": {
        "vi": "Với mỗi chính sách giảm phí đã áp dụng, trang đứng ở tháng trước khi chính sách "
              "bắt đầu (hoặc kết thúc), chỉ dùng số liệu đến tháng đó, ước lượng mức phản ứng "
              "không dùng chính sách ấy, rồi chạy đúng mô phỏng này cho các thủ tục và địa "
              "phương chịu tác động trong tối đa {months} tháng; sau đó so với thực tế. Tác động "
              "quan sát: tỷ lệ trực tuyến của các thủ tục đó thay đổi hơn các thủ tục không có "
              "chính sách phí của cùng địa phương bao nhiêu điểm. Sai số bình quân: chênh lệch "
              "trung bình mỗi tháng giữa tỷ lệ dự báo và thực tế.",
        "en": "For each fee cut already made, the page stands at the month before it started (or "
              "ended), uses the data up to then only, estimates the response without that cut, "
              "and runs this very what-if for the procedures and places it touched, for up to "
              "{months} months; then it compares with what happened. Observed effect: how many "
              "points more those procedures' online share moved than that of the same places' "
              "procedures no fee policy covers. Mean error: the average monthly gap between the "
              "predicted rate and the actual one."},
    "wi_bt_none": {
        "vi": "Số liệu chưa có chính sách giảm phí nào để kiểm chứng.",
        "en": "The data holds no fee cut to test against."},
    "wi_bt_col_policy": {"vi": "Chính sách", "en": "Policy"},
    "wi_bt_col_event": {"vi": "Thay đổi", "en": "Change"},
    "wi_bt_col_cells": {"vi": "Phạm vi so sánh", "en": "Compared"},
    "wi_bt_col_response": {
        "vi": "Hệ số (không dùng chính sách này)",
        "en": "Response (without this cut)"},
    "wi_bt_col_predicted": {"vi": "Tác động dự báo", "en": "Predicted effect"},
    "wi_bt_col_observed": {"vi": "Tác động quan sát", "en": "Observed effect"},
    "wi_bt_col_error": {"vi": "Sai số tác động", "en": "Effect error"},
    "wi_bt_col_mae": {
        "vi": "Sai số bình quân của tỷ lệ dự báo",
        "en": "Mean error of the predicted rate"},
    "wi_bt_col_mae_without": {
        "vi": "Sai số nếu bỏ qua chính sách",
        "en": "Mean error ignoring the cut"},
    "wi_bt_cells": {
        "vi": "{units} tỉnh/bộ × {procs} thủ tục, {months} tháng",
        "en": "{units} provinces/ministries × {procs} procedures, {months} months"},
    "wi_bt_event_start": {"vi": "bắt đầu {month}", "en": "starts {month}"},
    "wi_bt_event_end": {
        "vi": "kết thúc, phí tăng lại từ {month}",
        "en": "ends, fee back up from {month}"},
    "wi_bt_event_start_plain": {"vi": "bắt đầu", "en": "start"},
    "wi_bt_event_end_plain": {"vi": "kết thúc", "en": "end"},
    "wi_bt_reason_no_history": {
        "vi": "Không kiểm chứng: chưa đủ 12 tháng số liệu trước thay đổi.",
        "en": "Not tested: fewer than 12 months of data before the change."},
    "wi_bt_reason_no_after": {
        "vi": "Không kiểm chứng: chưa đủ 3 tháng số liệu sau thay đổi.",
        "en": "Not tested: fewer than 3 months of data after the change."},
    "wi_bt_reason_no_change": {
        "vi": "Không kiểm chứng: mức phí trực tuyến không đổi (một chính sách khác thay thế, "
              "hoặc thủ tục không thu phí).",
        "en": "Not tested: the online fee does not change (another cut takes over, or the "
              "procedures charge no fee)."},
    "wi_bt_reason_no_estimate": {
        "vi": "Không kiểm chứng: không còn chính sách nào khác để ước lượng mức phản ứng.",
        "en": "Not tested: no other cut is left to estimate the response from."},
    "wi_bt_chart_caption": {
        "vi": "Dự báo từ số liệu đến {origin}; trục tỷ lệ không bắt đầu từ 0. Sai số bình quân: "
              "{mae} (nếu bỏ qua chính sách: {without}).",
        "en": "Predicted from data to {origin}; the rate axis does not start at 0. Mean error: "
              "{mae} ({without} ignoring the cut)."},
    "wi_bt_summary": {
        "vi": "Trên {n} lần kiểm chứng, sai số tác động lớn nhất là {worst}. Đọc mức phản ứng và "
              "kết quả mô phỏng như một khoảng có sai số cỡ này.",
        "en": "Over {n} back-tests the largest effect error is {worst}. Read the response and "
              "the what-if's results as a range with errors of this size."},
    "wi_bt_actual": {"vi": "Thực tế", "en": "Actual"},
    "wi_bt_without": {"vi": "Nếu không có thay đổi", "en": "Without the change"},
    "wi_bt_predicted": {"vi": "Mô phỏng dự báo", "en": "The what-if predicted"},
    "wi_bt_mark_start": {"vi": "Chính sách bắt đầu", "en": "Cut starts"},
    "wi_bt_mark_end": {"vi": "Chính sách kết thúc", "en": "Cut ends"},
}
