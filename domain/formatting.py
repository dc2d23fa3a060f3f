"""Numbers, percentages, dates and money the Vietnamese way (1.234.567; 43,9%; 22/11/2026;
"337 triệu đồng"), or the English way behind the switch; always through Babel."""
from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from babel.units import format_unit

from domain.metrics import Kind, Metric

LOCALES = {"vi": "vi_VN", "en": "en_GB"}
DASH = "–"


def _loc(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["vi"])


def fmt_int(value, lang: str) -> str:
    if value is None or value != value:
        return DASH
    return format_decimal(round(value), format="#,##0", locale=_loc(lang))


def fmt_pct(ratio, lang: str, digits: int = 1) -> str:
    """A ratio (0.439) as a percentage (43,9%)."""
    if ratio is None or ratio != ratio:
        return DASH
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(ratio, format=pattern, locale=_loc(lang))


def rounds_to_zero(ratio, digits: int = 1) -> bool:
    """Whether a ratio reads zero as a percentage or in points with `digits` decimals (a
    change of -0,04 point reads 0,0), rounded as Babel rounds the figure shown."""
    shown = format_decimal(abs(ratio) * 100, format="0" + ("." + "0" * digits if digits else ""),
                           locale="en")
    return float(shown) == 0


def fmt_points(delta_ratio, lang: str, digits: int = 1) -> str:
    """A change of a rate, in percentage points with its sign (+2,3 điểm %); one that rounds
    to zero has none (0,0 điểm %): no direction where there is no change."""
    if delta_ratio is None or delta_ratio != delta_ratio:
        return DASH
    body = "#,##0" + ("." + "0" * digits if digits else "")
    pattern = f"+{body};-{body}"
    if rounds_to_zero(delta_ratio, digits):
        delta_ratio, pattern = 0.0, body
    num = format_decimal(delta_ratio * 100, format=pattern, locale=_loc(lang))
    return f"{num} {'điểm %' if lang == 'vi' else 'pp'}"


def fmt_decimal(value, lang: str, digits: int = 2, signed: bool = False) -> str:
    """A number with fixed decimals (92,80; with its sign: +1,25 / -0,40), e.g. index points."""
    if value is None or value != value:
        return DASH
    body = "#,##0" + ("." + "0" * digits if digits else "")
    pattern = f"+{body};-{body}" if signed else body
    # rounded first, so that -0.004 reads +0,00 rather than -0,00
    return format_decimal(round(float(value), digits) + 0.0, format=pattern, locale=_loc(lang))


def fmt_change_pct(ratio, lang: str) -> str:
    """A relative change with its sign (+12,5%); one that rounds to zero has none (0,0%)."""
    if ratio is None or ratio != ratio:
        return DASH
    if rounds_to_zero(ratio):
        return format_percent(0, format="#,##0.0%", locale=_loc(lang))
    return format_percent(ratio, format="+#,##0.0%;-#,##0.0%", locale=_loc(lang))


def fmt_vnd(amount, lang: str) -> str:
    """Money in words a room reads aloud: 337 triệu đồng, 1,5 tỷ đồng / 337 million VND."""
    if amount is None or amount != amount:
        return DASH
    if abs(amount) < 1_000_000:
        num = format_decimal(round(amount), format="#,##0", locale=_loc(lang))
    else:
        num = format_compact_decimal(amount, format_type="long", locale=_loc(lang),
                                     fraction_digits=1)
    return f"{num} {'đồng' if lang == 'vi' else 'VND'}"


def fmt_compact(value, lang: str) -> str:
    """A large count shortened for a tile: 17,8 triệu / 17.8 million."""
    if value is None or value != value:
        return DASH
    if abs(value) < 100_000:
        return fmt_int(value, lang)
    return format_compact_decimal(value, format_type="long", locale=_loc(lang), fraction_digits=1)


def fmt_date(d: date, lang: str) -> str:
    return format_date(d, "dd/MM/yyyy", locale=_loc(lang))


def fmt_month(d: date, lang: str) -> str:
    return format_date(d, "MM/yyyy", locale=_loc(lang))


def fmt_megabytes(n_bytes: int, lang: str) -> str:
    """A file size in megabytes of 2^20 bytes, as Streamlit and the server count them: 50 MB."""
    return format_unit(n_bytes / 1048576, "digital-megabyte", length="short",
                       locale=_loc(lang))


def fmt_metric(metric: Metric, value, lang: str, compact: bool = False) -> str:
    """A metric's value in its own format."""
    if metric.kind is Kind.RATE:
        return fmt_pct(value, lang)
    if metric.kind is Kind.MONEY:
        return fmt_vnd(value, lang)
    return fmt_compact(value, lang) if compact else fmt_int(value, lang)
