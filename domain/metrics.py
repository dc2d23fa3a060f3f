"""The metric catalogue: the one definition of every measure and rate the product shows.

Measures are sums of columns of the dossier statistics, aggregated as a flow (added over
months), an opening stock (taken at the first period of a range) or a closing stock (taken at
its last period). Metrics are ratios of summed measures (never averages of rates) or a measure
itself. data_access/ turns measures into SQL; every page, chart, export and test reads labels,
formats and definitions from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Agg(str, Enum):
    FLOW = "flow"
    OPENING = "opening"  # a stock at the start of the range (carried over)
    CLOSING = "closing"  # a stock at the end of the range (pending)


# The columns of the fact table that hold counts (blank = not reported, which is not zero).
COUNT_COLUMNS = (
    "carried_over", "received_online", "received_full_online", "received_direct",
    "received_postal", "resolved_early", "resolved_on_time", "resolved_late",
    "pending_on_time", "pending_late", "paid_online", "paid_online_vnd", "fee_bearing",
    "digitised", "e_results", "data_reused", "rated", "not_satisfied",
)

RECEIVED_NEW_COLUMNS = ("received_online", "received_direct", "received_postal")
RESOLVED_COLUMNS = ("resolved_early", "resolved_on_time", "resolved_late")
PENDING_COLUMNS = ("pending_on_time", "pending_late")


@dataclass(frozen=True)
class Measure:
    id: str
    columns: tuple[str, ...]
    agg: Agg = Agg.FLOW
    minus: tuple[str, ...] = ()
    # Sum only rows that report this column, so that a rate's denominator covers the same
    # units as its numerator ("blank = not reported" must not dilute a rate).
    where_reported: str | None = None
    # Sum only procedures eligible for full-process online (766 portal denominator).
    eligible_only: bool = False


MEASURES: dict[str, Measure] = {m.id: m for m in (
    Measure("carried_over", ("carried_over",), Agg.OPENING),
    Measure("received_new", RECEIVED_NEW_COLUMNS),
    Measure("received_online", ("received_online",)),
    Measure("received_full_online", ("received_full_online",)),
    Measure("received_direct", ("received_direct", "received_postal")),
    Measure("received_new_eligible", RECEIVED_NEW_COLUMNS, eligible_only=True),
    Measure("resolved", RESOLVED_COLUMNS),
    Measure("resolved_early", ("resolved_early",)),
    Measure("resolved_on_time", ("resolved_on_time",)),
    Measure("resolved_in_time", ("resolved_early", "resolved_on_time")),
    Measure("resolved_late", ("resolved_late",)),
    Measure("pending", PENDING_COLUMNS, Agg.CLOSING),
    Measure("pending_on_time", ("pending_on_time",), Agg.CLOSING),
    Measure("pending_late", ("pending_late",), Agg.CLOSING),
    Measure("paid_online", ("paid_online",)),
    Measure("paid_online_vnd", ("paid_online_vnd",)),
    Measure("fee_bearing", ("fee_bearing",), where_reported="paid_online"),
    Measure("digitised", ("digitised",)),
    Measure("received_new_digitised_rep", RECEIVED_NEW_COLUMNS, where_reported="digitised"),
    Measure("e_results", ("e_results",)),
    Measure("resolved_e_results_rep", RESOLVED_COLUMNS, where_reported="e_results"),
    Measure("data_reused", ("data_reused",)),
    Measure("received_new_reused_rep", RECEIVED_NEW_COLUMNS, where_reported="data_reused"),
    Measure("rated", ("rated",), where_reported="not_satisfied"),
    Measure("satisfied", ("rated",), minus=("not_satisfied",), where_reported="not_satisfied"),
    # index 766, 5.4: resolved dossiers, and those neither late nor rated not satisfied
    Measure("resolved_satisfaction_rep", RESOLVED_COLUMNS, where_reported="not_satisfied"),
    Measure("resolved_satisfied_766", RESOLVED_COLUMNS, minus=("resolved_late", "not_satisfied"),
            where_reported="not_satisfied"),
)}


class Kind(str, Enum):
    COUNT = "count"
    RATE = "rate"
    MONEY = "money"


@dataclass(frozen=True)
class Metric:
    id: str
    label_vi: str
    label_en: str
    kind: Kind
    numerator: tuple[str, ...]  # measure ids, summed
    denominator: tuple[str, ...] = ()
    better: str | None = None  # "up", "down" or None when neither direction is good
    definition_vi: str = ""
    definition_en: str = ""
    source: str = ""
    target_keys: tuple[str, ...] = ()  # metric names used in targets.csv

    @property
    def aggregation(self) -> str:
        """How the metric adds up over a range: flow, opening or closing stock, a ratio of
        sums, or a stock plus a flow (dossiers to handle)."""
        if self.denominator:
            return "ratio"
        aggs = {MEASURES[m].agg for m in self.numerator}
        return aggs.pop().value if len(aggs) == 1 else "mixed"

    def label(self, lang: str) -> str:
        return self.label_vi if lang == "vi" else self.label_en

    def definition(self, lang: str) -> str:
        return self.definition_vi if lang == "vi" else self.definition_en

    def value(self, totals) -> float | None:
        """The metric from a mapping of measure totals; None when undefined (0 denominator)."""
        num = _sum(totals, self.numerator)
        if not self.denominator:
            return num
        den = _sum(totals, self.denominator)
        if num is None or not den:
            return None
        return num / den


def _sum(totals, ids) -> float | None:
    vals = [totals.get(i) if hasattr(totals, "get") else totals[i] for i in ids]
    vals = [v for v in vals if v is not None and v == v]  # drop None and NaN
    return float(sum(vals)) if vals else None


# Rates as government reports, the EMC monitoring system and the National Public Service Portal
# compute them (the project's domain notes, §5, list the published definitions).
RATE_SRC = "Báo cáo của Chính phủ; hệ thống EMC; Cổng Dịch vụ công quốc gia"
FORM_SRC = "Biểu II.06a/VPCP/KSTT (TT 01/2020/TT-VPCP)"

METRICS: dict[str, Metric] = {m.id: m for m in (
    Metric(
        "received_total", "Tổng hồ sơ nhận giải quyết", "Dossiers to handle", Kind.COUNT,
        ("carried_over", "received_new"),
        definition_vi="Hồ sơ từ kỳ trước chuyển sang (đầu kỳ) cộng hồ sơ tiếp nhận mới trong kỳ.",
        definition_en="Dossiers carried over at the start of the range plus dossiers newly received in it.",
        source=FORM_SRC + ", cột (3)"),
    Metric(
        "received_new", "Hồ sơ tiếp nhận mới", "Newly received dossiers", Kind.COUNT,
        ("received_new",),
        definition_vi="Hồ sơ tiếp nhận trong kỳ: trực tuyến + trực tiếp + bưu chính (không gồm hồ sơ kỳ trước).",
        definition_en="Dossiers received in the range: online + in person + by post (excluding carried over).",
        source=FORM_SRC + ", cột (4)+(5)"),
    Metric(
        "carried_over", "Hồ sơ kỳ trước chuyển sang", "Carried over", Kind.COUNT, ("carried_over",),
        definition_vi="Số tồn: hồ sơ đang giải quyết chuyển từ kỳ trước, lấy ở kỳ đầu tiên của khoảng thời gian (không cộng dồn theo tháng).",
        definition_en="A stock: dossiers pending from before, taken at the first period of the range (never summed over months).",
        source=FORM_SRC + ", cột (6)"),
    Metric(
        "received_online", "Hồ sơ tiếp nhận trực tuyến", "Dossiers received online", Kind.COUNT,
        ("received_online",), better="up",
        definition_vi="Hồ sơ mới nộp trực tuyến (toàn trình và một phần).",
        definition_en="New dossiers submitted online (full-process and partial).",
        source=FORM_SRC + ", cột (4)"),
    Metric(
        "received_full_online", "Hồ sơ trực tuyến toàn trình", "Full-process online dossiers",
        Kind.COUNT, ("received_full_online",), better="up",
        definition_vi="Hồ sơ mới nộp và xử lý trực tuyến toàn trình (Nghị định 42/2022/NĐ-CP, Điều 11).",
        definition_en="New dossiers submitted and handled fully online (Decree 42/2022/NĐ-CP, Art. 11).",
        source="NĐ 42/2022/NĐ-CP; EMC"),
    Metric(
        "online_rate", "Tỷ lệ hồ sơ trực tuyến", "Online dossier rate", Kind.RATE,
        ("received_online",), ("received_new",), better="up",
        definition_vi="Hồ sơ tiếp nhận trực tuyến / hồ sơ tiếp nhận mới.",
        definition_en="Dossiers received online / newly received dossiers.",
        source=RATE_SRC, target_keys=("online_rate", "online_processing_rate")),
    Metric(
        "full_online_rate", "Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)",
        "Full-process online rate (EMC)", Kind.RATE,
        ("received_full_online",), ("received_new",), better="up",
        definition_vi="Hồ sơ trực tuyến toàn trình / tổng hồ sơ tiếp nhận mới (định nghĩa của hệ thống EMC).",
        definition_en="Full-process online dossiers / all newly received dossiers (EMC definition).",
        source="Hệ thống giám sát, đo lường EMC", target_keys=("full_online_rate",)),
    Metric(
        "full_online_rate_766", "Tỷ lệ hồ sơ toàn trình (Cổng 766)",
        "Full-process online rate (766 portal)", Kind.RATE,
        ("received_full_online",), ("received_new_eligible",), better="up",
        definition_vi="Hồ sơ trực tuyến toàn trình / hồ sơ của các thủ tục đủ điều kiện cung cấp toàn trình (định nghĩa Cổng 766; cao hơn định nghĩa EMC).",
        definition_en="Full-process online dossiers / dossiers of procedures eligible for full-process online (766 portal definition; higher than EMC's).",
        source=RATE_SRC + "; QĐ 766/QĐ-TTg"),
    Metric(
        "resolved", "Hồ sơ đã giải quyết", "Dossiers resolved", Kind.COUNT, ("resolved",),
        definition_vi="Hồ sơ đã giải quyết trong kỳ: trước hạn + đúng hạn + quá hạn.",
        definition_en="Dossiers resolved in the range: early + on time + late.",
        source=FORM_SRC + ", cột (7)"),
    Metric(
        "on_time_rate", "Tỷ lệ giải quyết đúng hạn", "On-time resolution rate", Kind.RATE,
        ("resolved_in_time",), ("resolved",), better="up",
        definition_vi="(Trước hạn + đúng hạn) / hồ sơ đã giải quyết.",
        definition_en="(Early + on time) / dossiers resolved.",
        source=RATE_SRC, target_keys=("on_time_rate",)),
    Metric(
        "early_rate", "Tỷ lệ giải quyết trước hạn", "Early resolution rate", Kind.RATE,
        ("resolved_early",), ("resolved",), better="up",
        definition_vi="Hồ sơ giải quyết trước hạn / hồ sơ đã giải quyết.",
        definition_en="Dossiers resolved early / dossiers resolved.",
        source=FORM_SRC + ", cột (8)/(7)"),
    Metric(
        "resolved_early", "Hồ sơ giải quyết trước hạn", "Resolved early", Kind.COUNT,
        ("resolved_early",), better="up",
        definition_vi="Hồ sơ đã giải quyết trước thời hạn trong kỳ.",
        definition_en="Dossiers resolved before their deadline in the range.",
        source=FORM_SRC + ", cột (8)"),
    Metric(
        "resolved_on_time", "Hồ sơ giải quyết đúng hạn", "Resolved on time", Kind.COUNT,
        ("resolved_on_time",),
        definition_vi="Hồ sơ đã giải quyết đúng thời hạn (không gồm trước hạn) trong kỳ.",
        definition_en="Dossiers resolved on their deadline (excluding early) in the range.",
        source=FORM_SRC + ", cột (9)"),
    Metric(
        "resolved_late", "Hồ sơ giải quyết quá hạn", "Dossiers resolved late", Kind.COUNT,
        ("resolved_late",), better="down",
        definition_vi="Hồ sơ đã giải quyết nhưng quá hạn trong kỳ.",
        definition_en="Dossiers resolved after their deadline in the range.",
        source=FORM_SRC + ", cột (10)"),
    Metric(
        "pending", "Hồ sơ đang giải quyết", "Dossiers pending", Kind.COUNT, ("pending",),
        definition_vi="Số tồn cuối kỳ: trong hạn + quá hạn, lấy ở kỳ cuối của khoảng thời gian (không cộng dồn theo tháng).",
        definition_en="A stock at the end of the range: within deadline + overdue (never summed over months).",
        source=FORM_SRC + ", cột (11)"),
    Metric(
        "pending_late", "Hồ sơ đang giải quyết quá hạn", "Pending overdue", Kind.COUNT,
        ("pending_late",), better="down",
        definition_vi="Số tồn cuối kỳ của hồ sơ đang giải quyết đã quá hạn.",
        definition_en="Dossiers pending and already overdue at the end of the range (a stock).",
        source=FORM_SRC + ", cột (13)"),
    Metric(
        "pending_late_share", "Tỷ lệ hồ sơ tồn quá hạn", "Overdue share of pending", Kind.RATE,
        ("pending_late",), ("pending",), better="down",
        definition_vi="Hồ sơ đang giải quyết quá hạn / hồ sơ đang giải quyết, cuối kỳ.",
        definition_en="Pending overdue / pending, at the end of the range.",
        source=RATE_SRC),
    Metric(
        "online_payment_rate", "Tỷ lệ thanh toán trực tuyến", "Online payment rate", Kind.RATE,
        ("paid_online",), ("fee_bearing",), better="up",
        definition_vi="Hồ sơ thanh toán trực tuyến / hồ sơ có phí, lệ phí (chỉ tính đơn vị có báo cáo thanh toán).",
        definition_en="Dossiers paid online / fee-bearing dossiers (units that report payments only).",
        source=RATE_SRC, target_keys=("online_payment_rate",)),
    Metric(
        "paid_online", "Hồ sơ thanh toán trực tuyến", "Dossiers paid online", Kind.COUNT,
        ("paid_online",), better="up",
        definition_vi="Hồ sơ đã thanh toán phí, lệ phí trực tuyến trong kỳ.",
        definition_en="Dossiers whose fees were paid online in the range.",
        source="Cổng Dịch vụ công quốc gia"),
    Metric(
        "fee_bearing", "Hồ sơ có phí, lệ phí", "Fee-bearing dossiers", Kind.COUNT,
        ("fee_bearing",),
        definition_vi="Hồ sơ thuộc thủ tục có thu phí, lệ phí (đơn vị có báo cáo thanh toán).",
        definition_en="Dossiers of procedures that charge a fee (units that report payments).",
        source="Cổng Dịch vụ công quốc gia"),
    Metric(
        "paid_online_vnd", "Số tiền thanh toán trực tuyến", "Amount paid online", Kind.MONEY,
        ("paid_online_vnd",), better="up",
        definition_vi="Tổng phí, lệ phí đã thanh toán trực tuyến (đồng).",
        definition_en="Fees and charges paid online (VND).",
        source="Cổng Dịch vụ công quốc gia"),
    Metric(
        "digitisation_rate", "Tỷ lệ số hóa hồ sơ", "Dossier digitisation rate", Kind.RATE,
        ("digitised",), ("received_new_digitised_rep",), better="up",
        definition_vi="Hồ sơ được số hóa / hồ sơ tiếp nhận mới (đơn vị có báo cáo).",
        definition_en="Dossiers digitised / newly received dossiers (reporting units).",
        source=RATE_SRC + "; NQ 71/NQ-CP", target_keys=("digitisation_rate",)),
    Metric(
        "e_result_rate", "Tỷ lệ trả kết quả điện tử", "Electronic result rate", Kind.RATE,
        ("e_results",), ("resolved_e_results_rep",), better="up",
        definition_vi="Hồ sơ được trả kết quả điện tử / hồ sơ đã giải quyết (đơn vị có báo cáo).",
        definition_en="Dossiers with an electronic result / dossiers resolved (reporting units).",
        source=RATE_SRC + "; NQ 71/NQ-CP", target_keys=("e_result_rate",)),
    Metric(
        "data_reuse_rate", "Tỷ lệ tái sử dụng dữ liệu", "Data reuse rate", Kind.RATE,
        ("data_reused",), ("received_new_reused_rep",), better="up",
        definition_vi="Hồ sơ có khai thác, tái sử dụng dữ liệu (CSDL dân cư) / hồ sơ tiếp nhận mới (đơn vị có báo cáo).",
        definition_en="Dossiers reusing data (population database) / newly received dossiers (reporting units).",
        source=RATE_SRC + "; NQ 71/NQ-CP", target_keys=("data_reuse_rate",)),
    Metric(
        "satisfaction_rate", "Mức độ hài lòng", "Satisfaction", Kind.RATE,
        ("satisfied",), ("rated",), better="up",
        definition_vi="(Số lượt đánh giá − không hài lòng) / số lượt đánh giá, như nhóm 5 Bộ chỉ số 766.",
        definition_en="(Ratings − not satisfied) / ratings, as in group 5 of the 766 index.",
        source=RATE_SRC + "; QĐ 766/QĐ-TTg", target_keys=("satisfaction",)),
    # The two rates of the Decision 766 index (domain/index766.py) that the rates above do not
    # already give: its on-time rate counts pending dossiers too, its satisfaction late ones.
    Metric(
        "on_time_rate_766", "Tỷ lệ hồ sơ xử lý đúng hạn (chỉ số 766)",
        "Dossiers handled on time (766 index)", Kind.RATE,
        ("resolved_in_time", "pending_on_time"), ("resolved", "pending"), better="up",
        definition_vi="(Giải quyết trước hạn + đúng hạn + đang giải quyết trong hạn) / (đã giải "
                      "quyết + đang giải quyết), như chỉ số 2.1 của Bộ chỉ số 766; hồ sơ đang "
                      "giải quyết lấy ở cuối kỳ.",
        definition_en="(Resolved early + on time + pending within deadline) / (resolved + "
                      "pending), as indicator 2.1 of the 766 index; pending dossiers at the end "
                      "of the range.",
        source="QĐ 766/QĐ-TTg, chỉ số 2.1 (mô tả kỹ thuật không chính thức của Cổng DVCQG)"),
    Metric(
        "satisfaction_rate_766", "Mức độ hài lòng về giải quyết hồ sơ (chỉ số 766)",
        "Satisfaction with dossier handling (766 index)", Kind.RATE,
        ("resolved_satisfied_766",), ("resolved_satisfaction_rep",), better="up",
        definition_vi="(Hồ sơ đã giải quyết − hồ sơ quá hạn − hồ sơ bị đánh giá không hài lòng) / "
                      "hồ sơ đã giải quyết, như chỉ số 5.4 của Bộ chỉ số 766 (đơn vị có báo cáo "
                      "đánh giá). Số liệu không cho biết hồ sơ quá hạn nào cũng bị đánh giá không "
                      "hài lòng: mỗi loại được trừ riêng.",
        definition_en="(Dossiers resolved − resolved late − rated not satisfied) / dossiers "
                      "resolved, as indicator 5.4 of the 766 index (units that report ratings). "
                      "The statistics do not say which late dossiers were also rated not "
                      "satisfied: each is subtracted on its own.",
        source="QĐ 766/QĐ-TTg, chỉ số 5.4 (mô tả kỹ thuật không chính thức của Cổng DVCQG)"),
)}

# The columns of every breakdown table (page and command-line export), in reading order.
BREAKDOWN = (
    "carried_over", "received_new", "received_online", "online_rate", "received_full_online",
    "full_online_rate", "resolved", "resolved_early", "resolved_on_time", "resolved_late",
    "on_time_rate", "pending", "pending_late", "paid_online",
)

# The metric a level page's trend and ranking follow (?metric=), and those it may follow.
FOCUS_DEFAULT = "full_online_rate"
FOCUS_CHOICES = tuple(m.id for m in METRICS.values() if m.kind is Kind.RATE)

# The headline figures of the national overview, in the order a leader reads them.
HEADLINE = (
    "received_new", "online_rate", "full_online_rate", "on_time_rate", "pending_late",
    "online_payment_rate",
)


def measures_for(metric_ids) -> list[str]:
    """The measure ids needed to compute the given metrics, in catalogue order."""
    wanted = {m for mid in metric_ids for m in METRICS[mid].numerator + METRICS[mid].denominator}
    return [m for m in MEASURES if m in wanted]


def metric_for_target(target_metric: str) -> Metric | None:
    for m in METRICS.values():
        if target_metric in m.target_keys:
            return m
    return None
