"""Strings of the map page and of the overview's compact map."""
STRINGS = {
    "map_title": {"vi": "Bản đồ các tỉnh, thành phố", "en": "Map of the provinces"},
    "map_compact_title": {"vi": "Bản đồ: {metric}", "en": "Map: {metric}"},
    "map_open_full": {"vi": "Mở bản đồ đầy đủ", "en": "Open the full map"},
    "map_view_label": {"vi": "Tô màu theo", "en": "Colour by"},
    "map_view_value": {"vi": "Giá trị", "en": "Value"},
    "map_view_gap": {"vi": "Chênh lệch với chỉ tiêu {year}", "en": "Gap to the {year} target"},
    "map_view_change": {"vi": "Thay đổi so với cùng kỳ {year}",
                        "en": "Change on the same period {year}"},
    "map_boundaries_34": {
        "vi": "Ranh giới 34 tỉnh, thành phố ghép từ ranh giới 63 tỉnh cũ (Nghị quyết "
              "202/2025/QH15: mỗi đơn vị mới gồm trọn các tỉnh cũ).",
        "en": "The 34 provinces' boundaries are merged from the 63 old ones (Resolution "
              "202/2025/QH15: each new unit is made of whole old provinces)."},
    "map_region": {"vi": "Vùng", "en": "Region"},
    "map_region_all": {"vi": "Cả nước", "en": "Whole country"},
    "param_view": {"vi": "cách tô màu", "en": "colouring"},
    "param_region": {"vi": "vùng", "en": "region"},
    "map_rank": {"vi": "Hạng", "en": "Rank"},
    "map_members": {"vi": "Hợp nhất từ (trước 01/07/2025)",
                    "en": "Formed from (before 01/07/2025)"},
    "map_change": {"vi": "So với cùng kỳ {year}", "en": "Vs same period {year}"},
    "map_rank_best": {"vi": "Hạng trên {total} đơn vị theo màu đang hiển thị; hạng 1 là tốt nhất.",
                      "en": "Rank among {total} units by what the map shows; 1 is the best."},
    "map_rank_highest": {"vi": "Hạng trên {total} đơn vị theo màu đang hiển thị; hạng 1 là cao nhất.",
                         "en": "Rank among {total} units by what the map shows; 1 is the highest."},
    "map_row_hint": {"vi": "Chọn một dòng để tô đậm đơn vị đó trên bản đồ.",
                     "en": "Choose a row to outline that unit on the map."},
    "map_click_hint": {"vi": "Bấm vào một tỉnh để mở trang của tỉnh đó (cùng kỳ, cùng ngôn ngữ).",
                       "en": "Click a province to open its page (same period and language)."},
    "map_open_province": {"vi": "Mở trang {name}", "en": "Open {name}"},
    "map_selected": {"vi": "Đang chọn: {name}", "en": "Selected: {name}"},
    "map_legend_diverging": {"vi": "Xanh: tốt hơn · đỏ: kém hơn",
                             "en": "Blue: better · red: worse"},
    "map_target_below": {"vi": "Dưới chỉ tiêu {target}", "en": "Below the {target} target"},
    "map_target_below_any": {"vi": "Dưới chỉ tiêu", "en": "Below target"},
    "map_target_met": {"vi": "Đạt chỉ tiêu", "en": "Target met"},
    "map_scale_target": {
        "vi": "Màu so với chỉ tiêu năm {year}: đỏ là chưa đạt (càng đậm càng xa chỉ tiêu), "
              "xanh là đã đạt.",
        "en": "Coloured against the {year} target: red is behind it (the darker, the further), "
              "blue has met it."},
    "map_scale_no_target": {
        "vi": "Chưa có chỉ tiêu năm {year} áp dụng cho mọi đơn vị: màu chỉ cho biết mức cao hay "
              "thấp (đậm hơn là cao hơn), không cho biết đạt hay chưa đạt.",
        "en": "No {year} target applies to every unit: the colour shows how high the value is "
              "(darker is higher), not whether a target is met."},
    "map_scale_plain": {"vi": "Màu theo mức giá trị: đậm hơn là cao hơn.",
                        "en": "Coloured by level: darker is higher."},
    "map_legend_neutral": {"vi": "Tím: tăng · cam: giảm", "en": "Purple: up · orange: down"},
    "map_no_target": {"vi": "Chưa có chỉ tiêu năm {year} cho chỉ số này: bản đồ tô màu xám.",
                      "en": "No {year} target for this metric: the map is grey."},
    "map_simplified": {
        "vi": "Ranh giới đã đơn giản hóa để hiển thị. Quần đảo Hoàng Sa thuộc thành phố Đà Nẵng, "
              "quần đảo Trường Sa thuộc tỉnh Khánh Hòa.",
        "en": "Boundaries simplified for display. The Hoàng Sa archipelago belongs to Đà Nẵng "
              "city and the Trường Sa archipelago to Khánh Hòa province."},
    # The archipelagos keep their Vietnamese names in both languages (map_island_ + the code of
    # the province they belong to, as in vn_islands_labels.geojson).
    "map_island_48": {"vi": "Quần đảo Hoàng Sa\n(Đà Nẵng)",
                      "en": "Quần đảo Hoàng Sa\nHoang Sa Archipelago\n(Da Nang)"},
    "map_island_56": {"vi": "Quần đảo Trường Sa\n(Khánh Hòa)",
                      "en": "Quần đảo Trường Sa\nTruong Sa Archipelago\n(Khanh Hoa)"},
    "map_aria": {"vi": "Bản đồ {units} tô màu theo {metric}",
                 "en": "Map of {units} coloured by {metric}"},
}
