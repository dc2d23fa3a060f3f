"""Strings of sign-in, roles and who may change what (domain/access.py)."""
STRINGS = {
    "role_viewer": {"vi": "xem", "en": "viewer"},
    "role_editor": {"vi": "biên tập", "en": "editor"},
    "role_admin": {"vi": "quản trị toàn quốc", "en": "national administrator"},
    "auth_sign_in": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth_sign_out": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth_signed_in": {"vi": "Đã đăng nhập: {who} · quyền {role}",
                       "en": "Signed in: {who} · {role}"},
    "auth_public": {"vi": "Đang xem công khai. Đăng nhập để nạp số liệu.",
                    "en": "Public view. Sign in to load data."},
    "auth_local_short": {"vi": "Bản cài đặt một người dùng, trên máy này.",
                         "en": "Single-user installation, on this computer."},
    "auth_local": {
        "vi": "Bản cài đặt một người dùng: máy chủ chỉ mở cho chính máy này (127.0.0.1) và "
              "bạn được nạp số liệu. Để phục vụ qua mạng, hãy cấu hình đăng nhập (xem README).",
        "en": "Single-user installation: the server is open to this computer only (127.0.0.1) "
              "and you may load data. To serve a network, configure sign-in (see the README)."},
    "auth_readonly": {
        "vi": "Chỉ xem: máy chủ mở ra mạng nhưng chưa cấu hình đăng nhập.",
        "en": "Read-only: the server is on a network but sign-in is not configured."},
    "auth_load_readonly": {
        "vi": "Không thể nạp số liệu: máy chủ này mở ra mạng mà chưa cấu hình đăng nhập. "
              "Quản trị viên cần cấu hình đăng nhập (README, mục Đăng nhập và phân quyền).",
        "en": "Data cannot be loaded: this server is on a network without sign-in. The "
              "administrator needs to configure sign-in (README, Sign-in and roles)."},
    "auth_load_sign_in": {
        "vi": "Đăng nhập bằng tài khoản có quyền biên tập để nạp số liệu của đơn vị mình.",
        "en": "Sign in with an editor account to load your units' data."},
    "auth_load_viewer": {
        "vi": "Tài khoản của bạn chỉ có quyền xem. Để nạp số liệu, đề nghị quản trị viên "
              "toàn quốc cấp quyền biên tập cho tỉnh hoặc bộ của bạn.",
        "en": "Your account may view only. To load data, ask the national administrator for "
              "an editor grant for your province or ministry."},
    "auth_may_load": {"vi": "Bạn được nạp số liệu của: {units}.",
                      "en": "You may load the data of: {units}."},
    "auth_may_load_all": {"vi": "Bạn được nạp số liệu của mọi đơn vị.",
                          "en": "You may load the data of every unit."},
    # --- the importer's refusals ---------------------------------------------------------
    "imp_not_permitted": {
        "vi": "Không có quyền nạp số liệu: cần quyền biên tập hoặc quản trị. Không ghi gì.",
        "en": "Not allowed to load data: an editor or administrator grant is needed. Nothing "
              "was written."},
    "imp_unit_not_permitted": {
        "vi": "Tệp có số liệu của đơn vị bạn không được giao: {units}. Không ghi gì; hãy "
              "nạp tệp chỉ gồm đơn vị của mình.",
        "en": "The file has data of units not granted to you: {units}. Nothing was written; "
              "load a file with your own units only."},
    "imp_agencies_not_permitted": {
        "vi": "Tệp sẽ tạo {n} cơ quan mới: danh mục cơ quan do quản trị viên toàn quốc quản "
              "lý. Không ghi gì.",
        "en": "The file would create {n} new agencies: the agency list is kept by the national "
              "administrator. Nothing was written."},
    # --- the grants the national administrator keeps ---------------------------------------
    "grants_title": {"vi": "Phân quyền người dùng", "en": "User grants"},
    "grants_intro": {
        "vi": "Quyền lấy từ nhà cung cấp định danh (claim {claim}) và từ bảng này. Cú pháp: "
              "admin, viewer, editor:24 (tỉnh, thành phố hiện nay), editor:B-CA (bộ, ngành).",
        "en": "Grants come from the identity provider (claim {claim}) and from this table. "
              "Syntax: admin, viewer, editor:24 (a province of today), editor:B-CA (a "
              "ministry)."},
    "grants_principal": {"vi": "Thư điện tử hoặc mã định danh", "en": "E-mail or subject"},
    "grants_grants": {"vi": "Quyền", "en": "Grants"},
    "grants_by": {"vi": "Người cấp", "en": "Granted by"},
    "grants_when": {"vi": "Thời điểm", "en": "When"},
    "grants_save": {"vi": "Lưu quyền", "en": "Save grants"},
    "grants_revoke": {"vi": "Thu hồi", "en": "Revoke"},
    "grants_saved": {"vi": "Đã lưu quyền của {who}.", "en": "Grants of {who} saved."},
    "grants_revoked": {"vi": "Đã thu hồi quyền của {who}.", "en": "Grants of {who} revoked."},
    "grants_bad": {"vi": "Quyền không hợp lệ: {grants}. Không lưu gì.",
                   "en": "Grants not understood: {grants}. Nothing saved."},
    "grants_none": {"vi": "Chưa có ai được cấp quyền trong bảng.",
                    "en": "No one has a grant in the table yet."},
}
