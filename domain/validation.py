"""Pure rules of an import: what a problem is, how a Vietnamese-written number or date reads,
which names are close to an unknown one, the identities of the form II.06a, and which unit and
agency a report names in its era (before 01/07/2025 the 63 provinces, from then the 34).

Nothing here reads files or the database. data_access/ reads a file into cells, asks these
rules about every cell and row, and collects the `Issue`s; the pages and the command line show
them with `describe(issue, lang)`, in Vietnamese or English (strings in domain/strings/data.py,
keys "imp_<code>").
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd

from domain import eras
from domain.formatting import fmt_date
from domain.i18n import t
from domain.periods import Month
from domain.reports import covered_bounds, covered_months

ERROR, WARNING = "error", "warning"
# What a file may hold, so that any file is checked within 1 GB of memory (figures:
# benchmarks/import_memory.py). The server refuses larger uploads too (.streamlit/config.toml).
MAX_BYTES = 50 * 1024 * 1024  # an uploaded file larger than this is refused
MAX_UNZIPPED = 800 * 1024 * 1024  # a workbook inflating beyond this is refused (zip bomb)
MAX_ROWS = 2_000_000
MAX_CELLS = 5_000_000  # cells of a workbook's sheets, as written or as declared
MAX_MERGED = 200_000  # cells covered by merged areas (openpyxl makes an object of each)
MAX_TEXT = 32_767  # characters in one cell (Excel's own limit)
MAX_COUNT = 10 ** 12  # a count (or an amount in đồng) above this is a typing error
EARLIEST_DATE = date(2015, 1, 1)  # no period of the online public services before this
DETAIL_CAP = 20  # issues listed one by one per (code, column); the rest are counted
SHOWN_CHARS = 120  # a value quoted in a message is cut to this

LEVELS = ("ministry", "province", "district", "commune")


@dataclass(frozen=True)
class Issue:
    code: str  # the string key is "imp_" + code
    severity: str = ERROR
    sheet: str | None = None
    row: int | None = None  # the row number as the spreadsheet shows it (1 = first line)
    column: str | None = None  # the column's header as written in the file
    params: tuple = ()  # ((name, value), …): the placeholders of the message

    @property
    def values(self) -> dict:
        return dict(self.params)


def issue(code: str, severity: str = ERROR, sheet=None, row=None, column=None,
          **params) -> Issue:
    return Issue(code, severity, _shown(sheet), int(row) if row is not None else None,
                 _shown(column), tuple(sorted((k, _shown(v)) for k, v in params.items())))


def _shown(value):
    """A text quoted in a message, cut short: a hostile file's 13-million-character name
    must not become a 13-million-character message."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return value[:SHOWN_CHARS] + "…"
    return value


class Rejected(Exception):
    """A file that cannot be loaded at all (not a spreadsheet, protected, damaged, …)."""

    def __init__(self, *issues: Issue):
        super().__init__("; ".join(i.code for i in issues))
        self.issues = list(issues)


class Outcome:
    """What a load's result says of itself, from its `outcome` and `issues` (the importer's
    and the 766 scores' results alike)."""
    @property
    def ok(self) -> bool:
        return self.outcome in ("ok", "unchanged", "checked")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]


@dataclass
class Issues:
    """Collects issues; beyond DETAIL_CAP of one kind in one column, only counts them."""
    items: list[Issue] = field(default_factory=list)
    _seen: dict = field(default_factory=dict)
    _more: dict = field(default_factory=dict)

    def add(self, item: Issue) -> None:
        key = (item.code, item.sheet, item.column, item.severity)
        n = self._seen.get(key, 0)
        self._seen[key] = n + 1
        if n < DETAIL_CAP:
            self.items.append(item)
        else:
            self._more[key] = self._more.get(key, 0) + 1

    def extend(self, items) -> None:
        for item in items:
            self.add(item)

    def __call__(self, code: str, severity: str = ERROR, sheet=None, row=None, column=None,
                 **params) -> None:
        self.add(issue(code, severity, sheet, row, column, **params))

    def all(self) -> list[Issue]:
        more = [issue("more", sev, sheet, None, col, n=n)
                for (code, sheet, col, sev), n in self._more.items()]
        return self.items + more

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.all() if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.all() if i.severity == WARNING]

    def count(self, severity: str) -> int:
        return sum(n for (_, _, _, sev), n in self._seen.items() if sev == severity)


def describe(item: Issue, lang: str) -> str:
    """'Trang tính “Q1”, dòng 12, cột “Trực tuyến”: …' in the chosen language."""
    values = dict(item.values)
    where = []
    if item.sheet:
        where.append(t("imp_at_sheet", lang, sheet=item.sheet))
    if item.row is not None:
        where.append(t("imp_at_row", lang, row=item.row))
    if item.column:
        where.append(t("imp_at_column", lang, column=item.column))
    text = t(f"imp_{item.code}", lang, **values)
    return (", ".join(where) + ": " + text) if where else text


# --- text -------------------------------------------------------------------------------
def normalise(text) -> str:
    """Lower case, no diacritics (đ → d), words separated by single spaces: header words and
    names compare in this form ('Số ký trước chuyển qua' → 'so ky truoc chuyen qua')."""
    if text is None:
        return ""
    s = str(text).replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


# The five tone marks of Vietnamese (huyền, sắc, ngã, hỏi, nặng) as combining characters.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


def name_key(text) -> str:
    """The form in which two writings of one name are equal: any case, any spacing and
    punctuation, composed or decomposed (NFC / NFD), and the tone mark on either vowel —
    'Hòa' and 'Hoà', 'Thủy' and 'Thuỷ' (old and new placement). Each word keeps its
    letters (â, ơ, đ…) and its tone, written after it, so 'Hòa' and 'Hóa' still differ."""
    if text is None:
        return ""
    words, letters, tones = [], [], []

    def close():
        if letters:
            words.append(unicodedata.normalize("NFC", "".join(letters)) + "".join(sorted(tones)))
        letters.clear()
        tones.clear()

    for ch in unicodedata.normalize("NFD", str(text)).casefold():
        if ch in _TONES:
            tones.append(_TONES[ch])
        elif ch.isalnum() or (unicodedata.combining(ch) and letters):
            letters.append(ch)
        else:
            close()
    close()
    return " ".join(words)


_COMMITTEE = name_key("Ủy ban nhân dân")
_AFTER_UBND = {name_key(k): name_key(v) for k, v in (
    ("P", "Phường"), ("X", "Xã"), ("Q", "Quận"), ("H", "Huyện"), ("TT", "Thị trấn"),
    ("TX", "Thị xã"), ("TP", "Thành phố"), ("ĐK", "Đặc khu"))}
_UNIT_WORDS = tuple(name_key(w) for w in ("tỉnh", "thành phố", "TP"))


def base_name_key(text, place_names=()) -> str:
    """A looser form of name_key, for names that did not match as written: 'Ủy ban nhân
    dân' is 'UBND', 'UBND P. Yên Hòa' is 'UBND Phường Yên Hòa', and the unit's own name and
    a closing 'tỉnh' / 'thành phố' are left out ('Công an tỉnh Bắc Ninh', 'Công an thành
    phố' and 'Công an tỉnh' are one). place_names: the unit's names, as name_key gives them."""
    key = name_key(text)
    if key.startswith(_COMMITTEE + " "):
        key = "ubnd " + key[len(_COMMITTEE) + 1:]
    words = key.split(" ")
    if len(words) > 2 and words[0] == "ubnd" and words[1] in _AFTER_UBND:
        key = " ".join(["ubnd", _AFTER_UBND[words[1]], *words[2:]])
    for place in sorted(place_names, key=len, reverse=True):
        if place and key.endswith(" " + place):
            key = key[: -len(place) - 1]
            break
    for word in _UNIT_WORDS:
        if key.endswith(" " + word):
            key = key[: -len(word) - 1]
    return key


def closest(name: str, candidates: dict[str, str], n: int = 3) -> list[str]:
    """The known names nearest to an unknown one. candidates: comparison text → shown text."""
    key = normalise(name)
    pool = {normalise(k): v for k, v in candidates.items()}
    hits = difflib.get_close_matches(key, list(pool), n=n, cutoff=0.45)
    return list(dict.fromkeys(pool[h] for h in hits))


def code_text(value) -> str | None:
    """A code cell as text: numbers typed into Excel lose their form (1 for '01', 2.00072
    for '2.000720'), so whole numbers become digits and fractions get the six decimals of a
    national procedure code."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if value != value:
            return None
        return str(int(value)) if float(value).is_integer() else f"{value:.6f}"
    text = str(value).strip()
    return text or None


def locality_code(value) -> str | None:
    """'1' (Excel dropped the zero) → '01'; 'b-ca' → 'B-CA'."""
    text = code_text(value)
    if text is None:
        return None
    if text.isdigit() and len(text) == 1:
        return "0" + text
    return text.upper()


# --- units and agencies of an era -------------------------------------------------------
UNIT_PREFIXES = ("uy ban nhan dan", "ubnd", "tinh", "thanh pho", "tp")


def strip_unit_prefix(text) -> str:
    """'UBND tỉnh Hà Nam' → 'ha nam' (normalised)."""
    n = normalise(text)
    changed = True
    while changed:
        changed = False
        for p in UNIT_PREFIXES:
            if n.startswith(p + " "):
                n, changed = n[len(p) + 1:], True
    return n


def report_era(period_end: date) -> str:
    """The era a report's row is read in: that of the last month it covers."""
    return eras.era_of_report(Month.of(period_end))


@dataclass(frozen=True)
class Places:
    """How a report names a first-level unit: by the code people read ("24") or by a name,
    in the era of the report, never by our key ("34:24"). Built from the localities table
    (code = key, gso_code, era, names); a ministry has no era and is read in any report."""
    codes: dict  # (era or None, code) → key
    names: dict  # (era or None, normalised name) → key

    @classmethod
    def of(cls, localities: pd.DataFrame) -> "Places":
        codes, names = {}, {}
        name_cols = [c for c in ("name_vi", "name_en", "full_name_vi", "city_full_name_vi")
                     if c in localities.columns]
        for r in localities.to_dict("records"):
            era = r["era"] if isinstance(r.get("era"), str) and r["era"] else None
            codes[(era, str(r["gso_code"]).upper())] = r["code"]
            for col in name_cols:
                if isinstance(r[col], str) and r[col].strip():
                    for n in (normalise(r[col]), strip_unit_prefix(r[col])):
                        names.setdefault((era, n), r["code"])
        return cls(codes, names)

    def resolve(self, text, era: str) -> tuple[str | None, str | None]:
        """(key, None): the unit the text names in the era. (None, old key): a report of the
        34 naming a province that ended on 01/07/2025 — a retired code (45) or an old name no
        unit of today bears (Bắc Giang). (None, None): nothing known by that code or name. A
        code valid in both eras names the era's unit: 24 is Bắc Giang in 2024, Bắc Ninh in 2026."""
        code = locality_code(text) or ""
        forms = (normalise(text), strip_unit_prefix(text))
        for scope in (None, era):
            if (scope, code) in self.codes:
                return self.codes[(scope, code)], None
        for scope in (None, era):
            for n in forms:
                if (scope, n) in self.names:
                    return self.names[(scope, n)], None
        if era == eras.ERA_34:
            old = self.codes.get((eras.ERA_63, code)) or next(
                (self.names[(eras.ERA_63, n)] for n in forms if (eras.ERA_63, n) in self.names),
                None)
            return None, old
        return None, None

    def name_forms(self) -> set[str]:
        """Every normalised name of a unit, of any era (to find one at the end of a label)."""
        return {n for _, n in self.names}


def agency_code(code: str, era: str | None) -> str:
    """The stored code of an agency of an era: an agency of the 34 carries the era
    ("34:01-S02"), so that no code names two agencies; one of the 63 or of a ministry none."""
    return eras.key(code, era) if era == eras.ERA_34 else code


def agency_codes(text: str, era: str) -> tuple[str, ...]:
    """The stored codes an agency code written in a report of an era may stand for, the
    era's own first: people leave out the "34:" of today's agencies."""
    code, written = eras.split(text)
    if written:
        return (agency_code(code, written),)
    other = eras.ERA_63 if era == eras.ERA_34 else eras.ERA_34
    return agency_code(code, era), agency_code(code, other)


def agency_era_problem(agency_era: str | None, level: str | None, era: str) -> str | None:
    """Why an agency (of agency_era, None for a ministry's) cannot report in a report of an
    era: the district level ended on 01/07/2025; an agency of the 63 reports no period after
    it; an agency of the 34 did not exist before it. None when it can."""
    if era == eras.ERA_34 and level == "district":
        return "agency_district_ended"
    if agency_era is None or agency_era == era:
        return None
    return "agency_old_era" if era == eras.ERA_34 else "agency_not_yet"


# --- numbers ----------------------------------------------------------------------------
_BLANKS = {"", "-", "–", "—", "x"}
_GROUPED = (re.compile(r"\d{1,3}(\.\d{3})+"), re.compile(r"\d{1,3}(,\d{3})+"),
            re.compile(r"\d{1,3}( \d{3})+"))
_ZERO_DECIMALS = re.compile(r"(\d+)[.,]0{1,2}")
_FRACTION = re.compile(r"\d*[.,]\d+")


def parse_count(value) -> tuple[int | None, str | None]:
    """A count cell → (value, problem). Blank, '-' and 'x' are 'not reported' (None), which
    is not zero. Vietnamese grouping '10.361' is ten thousand three hundred sixty-one; so is
    '10,361' and '10 361' (a count has no decimals). Problems: 'text', 'negative',
    'fraction', 'too_large' (above MAX_COUNT: never stored, never an overflow)."""
    if value is None:
        return None, None
    if isinstance(value, (bool, np.bool_)):
        return None, "text"
    if isinstance(value, (int, np.integer)):
        return _bounded(int(value))
    if isinstance(value, (float, np.floating)):
        if value != value:
            return None, None
        if not np.isfinite(value):
            return None, "too_large"
        if not float(value).is_integer():
            return None, "fraction"
        return _bounded(int(value))
    if isinstance(value, (date, datetime)):
        return None, "text"
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    if text.lower() in _BLANKS:
        return None, None
    negative = False
    if text.startswith(("-", "−")) or (text.startswith("(") and text.endswith(")")):
        negative, text = True, text.strip("-−()").strip()
    number = _number(text)
    if number in ("fraction", "too_large"):
        return None, number
    if number is None:
        return None, "text"
    return (None, "negative") if negative and number else (number, None)


def _bounded(number: int) -> tuple[int | None, str | None]:
    if number < 0:
        return None, "negative"
    return (None, "too_large") if number > MAX_COUNT else (number, None)


def _number(text: str):
    digits = None
    if text.isdigit():
        digits = text
    else:
        for pattern in _GROUPED:
            if pattern.fullmatch(text):
                digits = re.sub(r"[^\d]", "", text)
                break
        m = _ZERO_DECIMALS.fullmatch(text) if digits is None else None
        if m:
            digits = m.group(1)
    if digits is None:
        return "fraction" if _FRACTION.fullmatch(text) else None
    digits = digits.lstrip("0") or "0"
    if not digits.isascii() or len(digits) > len(str(MAX_COUNT)):  # before int(): 10^5000
        return "too_large" if digits.isascii() else None
    return int(digits) if int(digits) <= MAX_COUNT else "too_large"


def parse_count_column(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """A column of count cells → (Int64 values, problem per row or None). Plain digits and
    numbers are parsed vectorised; anything else (and any number out of range, which the
    vectorised path would overflow) goes through parse_count, once per distinct value."""
    n = len(values)
    out = np.zeros(n, dtype="int64")
    missing = np.ones(n, dtype=bool)
    problem = np.full(n, None, dtype=object)
    if values.dtype == object:
        is_str = values.map(lambda v: isinstance(v, str)).to_numpy(bool)
        is_num = values.map(lambda v: isinstance(v, (int, float, np.integer, np.floating))
                            and not isinstance(v, bool)).to_numpy(bool)
    else:
        is_str = values.notna().to_numpy(bool)
        is_num = np.zeros(n, dtype=bool)
    slow = np.zeros(n, dtype=bool)
    if is_num.any():
        idx = np.flatnonzero(is_num)
        raw = values.to_numpy(object)[idx]
        nums = pd.to_numeric(pd.Series(raw, dtype=object), errors="coerce").to_numpy("float64")
        blank = pd.isna(raw)  # NaN cells: not reported
        with np.errstate(invalid="ignore"):
            plain = ~np.isnan(nums) & (nums >= 0) & (nums <= MAX_COUNT) & (nums == np.floor(nums))
        out[idx[plain]] = nums[plain].astype("int64")
        missing[idx[plain]] = False
        slow[idx[~plain & ~blank]] = True
    if is_str.any():
        idx = np.flatnonzero(is_str)
        texts = values[is_str].astype(str)
        digits = texts.str.fullmatch(r"[0-9]{1,12}").to_numpy(bool)  # ≤ MAX_COUNT, no overflow
        if digits.any():
            out[idx[digits]] = texts[digits].astype("int64").to_numpy()
            missing[idx[digits]] = False
        slow[idx[~digits]] = True
    rest = np.flatnonzero(slow)
    if len(rest):
        cells = values.to_numpy(object)[rest]
        parsed = {}
        for i, v in zip(rest, cells):
            key = (type(v), v)
            if key not in parsed:
                parsed[key] = parse_count(v)
            number, why = parsed[key]
            if why:
                problem[i] = why
            elif number is not None:
                out[i] = number
                missing[i] = False
    other = ~is_str & ~is_num & values.notna().to_numpy(bool)
    problem[other] = "text"
    result = pd.array(out, dtype="Int64")
    result[missing] = pd.NA
    return pd.Series(result, index=values.index), pd.Series(problem, index=values.index)


# --- dates ------------------------------------------------------------------------------
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?")
_VN = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")


def parse_date(value) -> date | None:
    """A date cell: an Excel date, 2024-01-31, or Vietnamese day first 31/01/2024 (also
    31-01-2024, 31.1.2024). None when it is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        m = _ISO.fullmatch(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _VN.fullmatch(text)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def latest_date(today: date) -> date:
    """The last day a reported period may reach: a month after today (a report sent a little
    ahead of its period's end), never a typing error such as 9999."""
    nxt = Month.of(today).plus(1)
    return nxt.first_day.replace(day=min(today.day, nxt.last_day.day))


def date_in_range(d: date, today: date) -> bool:
    return EARLIEST_DATE <= d <= latest_date(today)


def period_problem(start: date, end: date, today: date) -> tuple[str, dict] | None:
    """Why a reported period cannot be stored, as (issue code, values), or None: a date
    outside 2015 … a month from today, an end before the start, or a period that covers no
    whole month under the 15th-to-14th rule (16/06–30/06: domain/reports.py)."""
    for d in (start, end):
        if not date_in_range(d, today):
            return "date_range", {"value": _day(d), "first": _day(EARLIEST_DATE),
                                  "last": _day(latest_date(today))}
    if end < start:
        return "period_order", {"start": _day(start), "end": _day(end)}
    try:
        covered_months(start, end)
    except ValueError:
        return "period_no_month", {"start": _day(start), "end": _day(end)}
    return None


def _day(d: date) -> str:
    return fmt_date(d, "vi")  # 31/01/2024: how both languages write a day in this product


# 15/06/2025, 15-6-2025, 15.06.2025, or written out: 15 tháng 6 năm 2025
_DATE = (r"([0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}\s*[/.\-]\s*[0-9]{4}|"
         r"[0-9]{1,2}\s*thang\s*[0-9]{1,2}\s*,?\s*nam\s*[0-9]{4})")
_PERIOD = re.compile(r"tu\s*ngay\s*" + _DATE + r".{0,20}?den\s*(?:het\s*)?(?:ngay\s*)?" + _DATE)


def fold(text: str) -> str:
    """Lower case without diacritics, punctuation kept ('Từ ngày 15/12' → 'tu ngay 15/12')."""
    s = str(text).replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def parse_period(text: str) -> tuple[date, date] | None | str:
    """'(Từ ngày 15/12/2023 đến ngày 14/03/2024)' → the two dates (also 'từ ngày 15 tháng 12
    năm 2023 đến hết ngày 14/3/2024'); None when the text holds no such phrase; 'invalid'
    when it holds one with an impossible date."""
    m = _PERIOD.search(fold(text or ""))
    if not m:
        return None
    start, end = (parse_date(re.sub(r"\s*(?:thang|,?\s*nam)\s*", "/", re.sub(r"\s+", " ", g))
                             .replace(" ", "")) for g in m.groups())
    if start is None or end is None or end < start:
        return "invalid"
    return start, end


# --- identities -------------------------------------------------------------------------
@dataclass(frozen=True)
class Identity:
    """total = Σ parts, checked on a row when the total and at least one part are reported
    (and, for `needs`, one column of each group)."""
    id: str
    total: tuple[str, ...]
    parts: tuple[str, ...]
    severity: str
    needs: tuple[tuple[str, ...], ...] = ()


# The rules of the form. A group total that disagrees with its parts is an error: only the
# parts are stored, so the loaded figures would silently differ from the file. The balance
# (received = resolved + pending) is a warning: real files break it (dossiers waiting for
# supplements, returned or withdrawn), and the person loading decides.
NEW_PARTS = ("received_online", "received_direct", "received_postal")
RECEIVED_PARTS = ("carried_over",) + NEW_PARTS
RESOLVED_PARTS = ("resolved_early", "resolved_on_time", "resolved_late")
PENDING_PARTS = ("pending_on_time", "pending_late")
FORM_IDENTITIES = (
    Identity("received", ("received_total",), RECEIVED_PARTS, ERROR),
    Identity("resolved", ("resolved_total",), RESOLVED_PARTS, ERROR),
    Identity("pending", ("pending_total",), PENDING_PARTS, ERROR),
    Identity("balance_totals", ("received_total",), ("resolved_total", "pending_total"), WARNING),
)
# A form with a "Số mới tiếp nhận" column (variant B): received = carried over + new, and the
# new count = its channels where the form splits it.
NEW_IDENTITIES = (
    Identity("received", ("received_total",), ("carried_over", "received_new"), ERROR),
    Identity("received_new", ("received_new",), NEW_PARTS, ERROR),
)
# Rows without total columns (the flat template, or a form without them); every side must be
# reported.
BALANCE = Identity("balance", RECEIVED_PARTS, RESOLVED_PARTS + PENDING_PARTS, WARNING,
                   (NEW_PARTS, RESOLVED_PARTS, PENDING_PARTS))
BALANCE_NEW = Identity("balance", ("carried_over", "received_new"),
                       RESOLVED_PARTS + PENDING_PARTS, WARNING,
                       (("received_new",), RESOLVED_PARTS, PENDING_PARTS))
# part ≤ whole; the severity says whether breaking it blocks the load.
BOUNDS = (
    ("received_full_online", "received_online", ERROR),
    ("not_satisfied", "rated", ERROR),
    ("paid_online", "fee_bearing", WARNING),
)


def _sum(frame: pd.DataFrame, cols) -> tuple[np.ndarray, np.ndarray]:
    """Row sums of the reported columns and whether any of them is reported."""
    cols = [c for c in cols if c in frame.columns]
    if not cols:
        return np.zeros(len(frame)), np.zeros(len(frame), dtype=bool)
    block = frame[cols].astype("float64")
    return block.fillna(0).sum(axis=1).to_numpy(), block.notna().any(axis=1).to_numpy()


def check_identities(frame: pd.DataFrame, rules, sheet, rows: pd.Series, found: Issues) -> None:
    """Every broken identity, with its row and both sides."""
    for rule in rules:
        left, has_l = _sum(frame, rule.total)
        right, has_r = _sum(frame, rule.parts)
        for group in rule.needs:
            has_l = has_l & _sum(frame, group)[1]
        bad = np.flatnonzero(has_l & has_r & (left != right))
        for i in bad:
            found(f"identity_{rule.id}", rule.severity, sheet, rows.iloc[i],
                  left=int(left[i]), right=int(right[i]))
    for part, whole, severity in BOUNDS:
        if part in frame.columns and whole in frame.columns:
            p = frame[part].astype("float64").to_numpy()
            w = frame[whole].astype("float64").to_numpy()
            with np.errstate(invalid="ignore"):
                bad = np.flatnonzero(~np.isnan(p) & ~np.isnan(w) & (p > w))
            for i in bad:
                found(f"bound_{part}", severity, sheet, rows.iloc[i], part=int(p[i]),
                      whole=int(w[i]))


# --- rows of a load ---------------------------------------------------------------------
KEY = ("period_start", "period_end", "agency_id", "field_code", "procedure_code")


def duplicates(frame: pd.DataFrame, sheet_col="sheet", row_col="row") -> list[Issue]:
    """Rows that repeat the same period × agency × field × procedure."""
    key = frame[list(KEY)].astype(str)
    dup = key.duplicated(keep=False)
    out = []
    if dup.any():
        part = frame[dup].assign(_k=key[dup].agg("|".join, axis=1))
        for _, group in part.groupby("_k", sort=False):
            first = group.iloc[0]
            for _, other in group.iloc[1:].iterrows():
                out.append(issue("duplicate_row", ERROR, other[sheet_col], other[row_col],
                                 first_row=int(first[row_col])))
    return out


def overlaps_within(frame: pd.DataFrame, row_col="row", sheet_col="sheet") -> list[Issue]:
    """Rows of one agency × field × procedure whose periods cover a common month (a month and
    the quarter containing it would count the same dossiers twice). Months, not days, as
    every figure is read (domain/reports.py): the September report 01/09–30/09 and the
    fourth-quarter report 15/09–14/12 share days, not months."""
    keys = ["agency_id", "field_code", "procedure_code"]
    f = frame[keys + ["period_start", "period_end", row_col, sheet_col]].copy()
    f["procedure_code"] = f["procedure_code"].fillna("")
    f = f.drop_duplicates(keys + ["period_start", "period_end"])
    first, last = covered_bounds(f["period_start"], f["period_end"])
    f["_first"], f["_last"] = first.to_numpy(), last.to_numpy()
    f = f.sort_values(keys + ["_first", "_last"], kind="stable")
    same = (f[keys].shift() == f[keys]).all(axis=1).to_numpy()
    prev_last = f["_last"].shift().to_numpy()
    firsts = f["_first"].to_numpy()
    out = []
    prev_rows = f[row_col].shift().to_numpy()
    for i in np.flatnonzero(same):
        if firsts[i] <= prev_last[i]:
            r = f.iloc[i]
            out.append(issue("overlap_in_file", ERROR, r[sheet_col], r[row_col],
                             other_row=int(prev_rows[i])))
    return out
