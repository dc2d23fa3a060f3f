"""Back-tests of the fee what-if: would it have predicted the dated policies we know?

For each policy the response was learnt from, and each of its dates inside the data (its start;
its end, when it ended with data after it):
- stand at the month before the change (the origin) and use the data up to it only;
- take the response estimated without that policy's cells (domain.did: beta_without);
- run the what-if as the page does (domain.whatif: the same baseline, the same response rule,
  the default ceiling), in the units of today, over the procedures and units the change
  touches, for up to WINDOW months: `predicted` with the fees as dated, `without` had the
  change not happened (no policy at its start; the policy kept at its end);
- compare with what happened: `actual`, and the effect observed as a difference in
  differences of the raw shares (the covered cells' change from the 3 months up to the origin
  to the months compared, less the change of the same units' procedures no fee change
  touched).

Errors are in percentage points of the online share of the cells compared: mae (predicted
against actual, month by month), mae_without (the same had the what-if ignored the change),
effect_error (predicted effect − observed effect).

response_spread turns the effect errors into an uncertainty of the response a new policy may
have: each back-test implies the response that would have predicted the observed effect
(the response used × observed / predicted effect; the effect is close to proportional to the
response at these sizes), and the spread is the root mean square of implied − used.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from domain import did, eras, whatif
from domain.periods import Month

WINDOW, MIN_HISTORY, MIN_AFTER, PRE_MONTHS = 12, 12, 3, 3
# A back-test whose predicted effect is under half a point says little about the response.
MIN_EFFECT = 0.005


@dataclass(frozen=True)
class Check:
    name: str  # the policy's
    event: str  # start | end
    origin: Month | None = None
    # why there is no check: no_history | no_after | no_change | no_estimate
    reason: str | None = None
    response: float | None = None  # estimated without the policy
    units: int = 0
    procedures: int = 0
    months: tuple[Month, ...] = ()
    actual: np.ndarray | None = None
    predicted: np.ndarray | None = None
    without: np.ndarray | None = None
    before: tuple[tuple[Month, float], ...] = ()  # actual shares of the months up to the origin
    observed_effect: float | None = None

    @property
    def done(self) -> bool:
        return self.reason is None

    @property
    def mae(self) -> float:
        return float(np.mean(np.abs(self.predicted - self.actual)))

    @property
    def mae_without(self) -> float:
        return float(np.mean(np.abs(self.without - self.actual)))

    @property
    def effect(self) -> float:
        """The predicted effect: mean of predicted − without over the months compared."""
        return float(np.mean(self.predicted - self.without))

    @property
    def effect_error(self) -> float | None:
        return None if self.observed_effect is None else self.effect - self.observed_effect


def _events(use: did.PolicyUse, first: Month, last: Month
            ) -> list[tuple[str, Month | None, str | None]]:
    """(event, origin, reason) for the policy's start and (when it ended in the data) end."""
    start, end = did.whole_months(use.valid_from, use.valid_to)
    out = []
    if start > first:
        origin = start.plus(-1)
        history = did.month_index(origin) - did.month_index(first) + 1
        after = did.month_index(last) - did.month_index(origin)
        reason = "no_history" if history < MIN_HISTORY else "no_after" if after < MIN_AFTER \
            else None
        out.append(("start", origin, reason))
    else:
        out.append(("start", None, "no_history"))
    if end is not None and end < last:
        after = did.month_index(last) - did.month_index(end)
        out.append(("end", end, "no_after" if after < MIN_AFTER else None))
    return out


def run_checks(today: pd.DataFrame, shares: pd.DataFrame, policies: pd.DataFrame,
               coverage: pd.DataFrame, procedures: pd.DataFrame, crosswalk: eras.Crosswalk,
               kinds: dict[str, str], estimate: did.Estimate, last: Month,
               units: str = eras.ERA_34) -> list[Check]:
    """Every back-test the data allows. today: whatif.today_panel of the panel; shares:
    whatif.member_shares of it; last: the data's last complete month."""
    if estimate is None or today.empty:
        return []
    first = whatif.month_of_ordinal(int(today["ym"].min()))
    checks = []
    for use in estimate.policies:
        if not use.used:
            continue
        for event, origin, reason in _events(use, first, last):
            if reason is None and use.beta_without is None:
                reason = "no_estimate"
            check = Check(name=use.name, event=event, origin=origin, reason=reason)
            if reason is None:
                check = _check(check, use, today, policies, coverage, procedures, crosswalk,
                               kinds, shares, last, units)
            checks.append(check)
    return checks


def _reached_units(use: did.PolicyUse, crosswalk: eras.Crosswalk, units: str,
                   all_units: list[str]) -> list[str]:
    whole, part = did.policy_reach(use.scope, use.valid_from, crosswalk)
    if whole is None:
        return all_units
    today = {crosswalk.to_units(u, units) for u in whole | part}
    return [u for u in all_units if u in today]


def _check(check: Check, use: did.PolicyUse, today: pd.DataFrame, policies: pd.DataFrame,
           coverage: pd.DataFrame, procedures: pd.DataFrame, crosswalk: eras.Crosswalk,
           kinds: dict[str, str], shares: pd.DataFrame, last: Month, units: str) -> Check:
    origin = check.origin
    H = min(WINDOW, did.month_index(last) - did.month_index(origin))
    if check.event == "start":
        _, end = did.whole_months(use.valid_from, use.valid_to)
        if end is not None:  # compare the months it was in force
            H = min(H, did.month_index(end) - did.month_index(origin))
        # never in force rather than absent: the listed online fee of a procedure a policy
        # covers is the policy's, and without the policy it pays the direct fee
        counterfactual = policies.assign(discount_pct=np.where(policies["id"] == use.id, 0.0,
                                                               policies["discount_pct"]))
    else:
        counterfactual = policies.assign(valid_to=[None if i == use.id else v for i, v in
                                                   zip(policies["id"], policies["valid_to"])])
    reached = _reached_units(use, crosswalk, units, sorted(today["unit"].unique()))
    months = [origin.plus(i) for i in range(whatif.MAX_AHEAD + 1)]
    fees_with = whatif.fee_paths(reached, procedures, policies, coverage, months, crosswalk,
                                 shares)
    fees_without = whatif.fee_paths(reached, procedures, counterfactual, coverage, months,
                                    crosswalk, shares)
    inp = whatif.build_inputs(today, origin, kinds, fees_without)
    with_path = whatif.align(fees_with, inp.cells)
    changed = (np.abs(with_path[:, :H] - inp.fees[:, :H]) > 0.5).any(axis=1) \
        & inp.cells["has_online"].to_numpy()
    if not changed.any():
        return replace(check, reason="no_change")
    sel = inp.select(changed)
    params = whatif.Params(covered=frozenset(sel.cells["procedure"]), discount=0.0, start=0,
                           horizon=H, response=use.beta_without)
    fee_base, fee_scen = sel.fees[:, :H], with_path[changed][:, :H]
    active = np.abs(fee_base - fee_scen) > 0.5
    proj = whatif.run(sel, params, fee_base, fee_scen, np.ones(len(sel.cells), bool), active)
    rates = whatif.rates(proj)
    window = [origin.plus(i + 1) for i in range(H)]
    pairs = sel.cells[["unit", "procedure"]]
    observed = _observed(today, pairs, inp, set(coverage["procedure_code"]), origin, H)
    actual = _cell_shares(today, pairs, window)
    before = _cell_shares(today, pairs, [origin.plus(-k) for k in range(WINDOW - 1, -1, -1)])
    return replace(
        check, response=use.beta_without,
        units=int(pairs["unit"].nunique()), procedures=int(pairs["procedure"].nunique()),
        months=tuple(window), actual=actual, predicted=rates["online_scen"].to_numpy(),
        without=rates["online_base"].to_numpy(), observed_effect=observed,
        before=tuple((origin.plus(k - WINDOW + 1), float(v)) for k, v in enumerate(before)
                     if not np.isnan(v)))


def _cell_shares(today: pd.DataFrame, pairs: pd.DataFrame, months: list[Month]) -> np.ndarray:
    """The online share of the given cells in each month (ratio of sums; NaN: no dossiers)."""
    rows = _rows(today, pairs, months)
    by = rows.groupby("ym")[["new", "online"]].sum()
    out = []
    for m in months:
        n = by["new"].get(did.month_index(m), 0.0)
        out.append(by["online"].get(did.month_index(m), 0.0) / n if n > 0 else np.nan)
    return np.array(out, dtype=float)


def _rows(today: pd.DataFrame, pairs: pd.DataFrame, months: list[Month]) -> pd.DataFrame:
    """The today_panel rows of the given cells in the given months."""
    rows = today[today["ym"].isin([did.month_index(m) for m in months]).to_numpy()]
    return rows.merge(pairs, on=["unit", "procedure"])


def _observed(today: pd.DataFrame, pairs: pd.DataFrame, inp: whatif.Inputs,
              any_policy: set[str], origin: Month, horizon: int) -> float | None:
    """The covered cells' change in online share from the 3 months up to the origin to the
    months compared, less that of the same units' procedures with an online service that no
    fee policy covers (a policy's free procedures may move with it: not a fair control)."""
    cells = inp.cells
    control = cells[cells["has_online"].to_numpy() & ~cells["procedure"].isin(any_policy)
                    & cells["unit"].isin(set(pairs["unit"]))][["unit", "procedure"]]
    if control.empty:
        return None
    pre = [origin.plus(-k) for k in range(PRE_MONTHS)]
    post = [origin.plus(k + 1) for k in range(horizon)]

    def change(group: pd.DataFrame) -> float:
        return _pooled(today, group, post) - _pooled(today, group, pre)

    return change(pairs) - change(control)


def _pooled(today: pd.DataFrame, pairs: pd.DataFrame, months: list[Month]) -> float:
    rows = _rows(today, pairs, months)
    n = rows["new"].sum()
    return float(rows["online"].sum() / n) if n > 0 else np.nan


def response_spread(checks: list[Check]) -> float | None:
    """The root mean square of (implied − used response) over the back-tests with a predicted
    effect of at least MIN_EFFECT (None with fewer than two)."""
    gaps = [c.response * (c.observed_effect / c.effect - 1) for c in checks
            if c.done and c.observed_effect is not None and abs(c.effect) >= MIN_EFFECT]
    if len(gaps) < 2:
        return None
    return float(np.sqrt(np.mean(np.square(gaps))))
