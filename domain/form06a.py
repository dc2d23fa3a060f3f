"""The official form II.06a/VPCP/KSTT read by its header words, not by position (pure rules).

See /work/shared/domain/import_06a.md. A column's header is the path of the texts above it,
group > sub-group > leaf ('Số hồ sơ đã giải quyết' > 'Trước hạn'); `classify` turns a path
into what the column holds. Stored fields are the fact table's count columns; the group
totals ('Tổng số') only reconcile. Where a layout merges what the fact table splits, the
merged figure goes to one column and the other stays blank (not reported):

- 'Trực tiếp, dịch vụ bưu chính' → received_direct (received_postal blank);
- 'Trả đúng thời hạn' / 'Đúng và trước hạn' (early + on time) → resolved_on_time
  (resolved_early blank: unknown, not zero);
- online received = 'Trực tuyến', or the sum of 'toàn trình' + 'một phần' (+ 'hình thức
  khác'), or legacy 'Mức 3' + 'Mức 4'; full-process = 'toàn trình' or 'Mức 4';
- 'Số mới tiếp nhận' not split by channel (variant B): the count only reconciles; online
  and direct stay blank (not reported, never zero or a guess), for the fact table has no
  column for new dossiers of no channel.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.validation import normalise

FORM_ID = "Biểu số II.06a/VPCP/KSTT"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"

# The columns of variant A, as the export writes them: (group, sub-group, leaf), one per
# column (1)…(13); None where a header cell is merged with the one above.
VARIANT_A = (
    ("STT", None, None),
    ("Lĩnh vực, công việc giải quyết theo cấp", None, None),
    ("Số hồ sơ nhận giải quyết", "Tổng số", None),
    ("Số hồ sơ nhận giải quyết", "Trong đó", "Trực tuyến"),
    ("Số hồ sơ nhận giải quyết", "Trong đó", "Trực tiếp, dịch vụ bưu chính"),
    ("Số hồ sơ nhận giải quyết", "Từ kỳ trước", None),
    ("Số hồ sơ đã giải quyết", "Tổng số", None),
    ("Số hồ sơ đã giải quyết", "Trước hạn", None),
    ("Số hồ sơ đã giải quyết", "Đúng hạn", None),
    ("Số hồ sơ đã giải quyết", "Quá hạn", None),
    ("Số hồ sơ đang giải quyết", "Tổng số", None),
    ("Số hồ sơ đang giải quyết", "Trong hạn", None),
    ("Số hồ sơ đang giải quyết", "Quá hạn", None),
)
# What each column of variant A holds (the export's source and the round trip's check).
VARIANT_A_FIELDS = (None, None, "received_total", "received_online", "received_direct",
                    "carried_over", "resolved_total", "resolved_early", "resolved_on_time",
                    "resolved_late", "pending_total", "pending_on_time", "pending_late")

# Fields read from a form and stored; the totals only reconcile.
STORED = ("carried_over", "received_online", "received_full_online", "received_direct",
          "received_postal", "resolved_early", "resolved_on_time", "resolved_late",
          "pending_on_time", "pending_late")
CHECK_ONLY = ("received_total", "received_new", "resolved_total", "pending_total")
# Without these the sheet cannot be stored meaningfully. The new dossiers by channel, or
# (variant B unsplit) their count alone: the channels then stay blank, not reported.
REQUIRED = (("carried_over",), ("received_online", "received_new"),
            ("received_direct", "received_postal", "received_new"),
            ("resolved_on_time",), ("resolved_late",), ("pending_on_time",), ("pending_late",))
NEW_WORDS = ("moi tiep nhan", "tiep nhan moi", "trong ky")


@dataclass(frozen=True)
class Role:
    """What a column holds: `field` is a stored or check-only field; `part` columns add up
    into it unless a column holds its whole (`part=False`)."""
    field: str
    part: bool = False
    also: str | None = None  # a second field the same column feeds (toàn trình → full online)


STT = Role("stt")
IGNORED = Role("ignored")
CODE = Role("code")


def _total(leaf: str) -> bool:
    return _has(leaf, "tong so", "tong") or leaf == "cong"


def _has(text: str, *words: str) -> bool:
    return any(re.search(rf"\b{w}\b", text) for w in words)


def group_of(path: list[str]) -> str | None:
    """received | resolved | pending, from the lowest header text that names a group
    ('Kết quả giải quyết' > 'Số hồ sơ đang giải quyết' > 'Quá hạn' is pending)."""
    for text in reversed(path):
        if _has(text, "dang giai quyet", "dang xu ly", "chua giai quyet", "ton dong"):
            return "pending"
        if _has(text, "da giai quyet", "ket qua giai quyet", "da xu ly"):
            return "resolved"
        if _has(text, "tiep nhan", "nhan giai quyet", "so ho so nhan", "ho so nhan"):
            return "received"
    return None


def classify(path: list[str]) -> Role | None:
    """A column's header path (texts top-down, any case and accents) → its Role; None when
    it is not a column of the form."""
    path = [normalise(p) for p in path if normalise(p)]
    if not path:
        return None
    top, leaf = path[0], path[-1]
    if top in ("stt", "tt", "so tt", "so thu tu"):
        return STT
    if _has(leaf, "ghi chu", "bo sung", "tra lai", "xin rut", "huy"):
        return IGNORED
    group = group_of(path)
    if group is None:
        if re.match(r"ma\b", top):  # 'Mã đơn vị', 'Mã lĩnh vực': the code beside the name
            return CODE
        if _has(top, "linh vuc", "cong viec", "noi dung", "ten thu tuc"):
            return Role("name_field")
        if _has(top, "don vi", "co quan", "ten don vi"):
            return Role("name_unit")
        return None
    if group == "received":
        if _has(leaf, "ky truoc", "ki truoc", "ton truoc", "chuyen qua", "chuyen sang"):
            return Role("carried_over")
        if _has(leaf, "toan trinh", "muc 4", "muc do 4"):
            return Role("received_online", part=True, also="received_full_online")
        if _has(leaf, "mot phan", "hinh thuc khac", "muc 3", "muc do 3"):
            return Role("received_online", part=True)
        if _has(leaf, "truc tiep") and _has(leaf, "buu chinh", "bcci"):
            return Role("received_direct")
        if _has(leaf, "truc tiep"):
            return Role("received_direct")
        if _has(leaf, "buu chinh", "bcci"):
            return Role("received_postal")
        if _has(leaf, "truc tuyen"):
            return Role("received_online")
        if _has(leaf, *NEW_WORDS) and len(path) > 1:
            return Role("received_new")
        if _total(leaf) and any(_has(p, *NEW_WORDS) for p in path[1:-1]):
            return Role("received_new")  # 'Số mới tiếp nhận' > 'Tổng số'
        if _total(leaf):
            return Role("received_total")
        return None
    if group == "resolved":
        if (_has(leaf, "dung") and _has(leaf, "truoc han")) or _has(leaf, "dung thoi han"):
            return Role("resolved_on_time")  # early + on time, not split
        if _has(leaf, "truoc han"):
            return Role("resolved_early")
        if _has(leaf, "dung han"):
            return Role("resolved_on_time")
        if _has(leaf, "qua han", "tre han", "thu xin loi"):
            return Role("resolved_late", part=True)
        if _total(leaf) or _has(leaf, "da giai quyet"):
            return Role("resolved_total")
        return None
    if _has(leaf, "trong han", "chua den han", "chua qua han"):
        return Role("pending_on_time")
    if _has(leaf, "qua han"):
        return Role("pending_late")
    if _total(leaf) or _has(leaf, "dang giai quyet", "dang xu ly"):
        return Role("pending_total")
    return None


def is_numbering_row(values: list) -> bool:
    """The row '(1) (2) … (13)' (or 1 2 … 13) under the headers."""
    nums = []
    for v in values:
        if v is None or str(v).strip() == "":
            continue
        m = re.fullmatch(r"\(?\s*(\d{1,2})\s*\)?", str(v).strip())
        if not m:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 5 and nums == sorted(nums) and nums[0] <= 2


_ROMAN = re.compile(r"(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?",
                    re.IGNORECASE)
_ARABIC = re.compile(r"\d{1,4}(\.\d{1,4})*\.?")


def stt_kind(value) -> str:
    """'roman' (I, II: a section), 'letter' (A, B: a section), 'number' (1, 1.2: a data row),
    'blank' or 'other'."""
    if value is None:
        return "blank"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number"
    text = str(value).strip()
    if not text:
        return "blank"
    if _ARABIC.fullmatch(text):
        return "number"
    if _ROMAN.fullmatch(text):
        return "roman"
    if re.fullmatch(r"[A-Ha-h]\.?", text):
        return "letter"
    return "other"


def stt_text(value) -> str:
    """The STT as text ('1', '1.2'); an Excel number 1.0 reads '1'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().rstrip(".") if value is not None else ""


def is_total_label(text) -> bool:
    """'Tổng số', 'TỔNG CỘNG', 'Cộng', 'Tổng số toàn tỉnh' — but not 'Công an tỉnh' (a unit:
    without accents 'Cộng' and 'Công' read the same)."""
    n = normalise(text)
    return n in ("tong", "cong", "tong so", "tong cong") or \
        n.startswith(("tong so ", "tong cong ", "tong ")) and "tong hop" not in n


def is_footer(text) -> bool:
    n = normalise(text)
    return _has(n, "nguoi lap bieu", "nguoi lap", "nguoi kiem tra", "thu truong", "noi nhan",
                "ghi chu", "giam doc", "chu tich", "ky ten", "dong dau", "ghi ro ho ten",
                "xac nhan cua", "lanh dao don vi") \
        or bool(re.search(r"\bngay\b.*\bthang\b.*\bnam\b", n))


def section_level(text) -> str | None:
    """The level a section row names: 'Sở ban ngành' → province, 'Huyện, thị xã, thành
    phố' → district, 'Xã, phường, thị trấn' (since 01/07/2025 'Xã, phường, đặc khu') →
    commune, 'Cấp bộ' → ministry."""
    n = normalise(text)
    if _has(n, "cap bo", "bo nganh", "bo co quan ngang bo", "co quan trung uong"):
        return "ministry"
    if _has(n, "cap huyen", "huyen", "quan huyen", "thi xa thanh pho"):
        return "district"
    if _has(n, "cap xa", "xa", "phuong", "thi tran", "dac khu"):
        return "commune"
    if _has(n, "cap tinh", "ban nganh", "so nganh", "so ban") or n.startswith("so "):
        return "province"
    return None


_CODE = re.compile(r"\(([A-Za-zĐđ0-9][A-Za-zĐđ0-9.:\-]*)\)\s*$")


def code_in_label(text) -> str | None:
    """'Sở Tư pháp (01-S02)' → '01-S02': a code in brackets at the end of a name."""
    m = _CODE.search(str(text or "").strip())
    return m.group(1) if m else None


def label_without_code(text) -> str:
    return _CODE.sub("", str(text or "")).strip()


def field_label(text) -> str:
    """'Lĩnh vực Hộ tịch' → 'ho tich' (normalised, without the word 'lĩnh vực')."""
    n = normalise(label_without_code(text))
    return n[len("linh vuc "):] if n.startswith("linh vuc ") else n
