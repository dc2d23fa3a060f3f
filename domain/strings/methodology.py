"""Strings of the methodology page."""
STRINGS = {
    # Targets whose measure no dossier statistic gives (domain/targets.UNMEASURED): named here,
    # as the catalogue names the others.
    "target_metric_full_online_resolution": {
        "vi": "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình, nhập dữ liệu một lần",
        "en": "Dossiers resolved fully online, data entered once"},
    "target_metric_online_use_rate": {
        "vi": "Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến",
        "en": "People and businesses using online public services"},
    "target_metric_full_online_provision": {
        "vi": "Tỷ lệ thủ tục cung cấp trực tuyến toàn trình",
        "en": "Procedures offered fully online"},
}
