#!/usr/bin/env python3
"""Regenerate the Sun & Abraham (2021) reference fixture datasets/reference/sunab_staggered.json.

Data   datasets/reference/data/sunab_staggered.csv: a seeded staggered panel, 200 units x 8 periods,
       cohorts 3, 5 and 7 (50 units each) plus 50 never treated (cohort 0), 40 teams of 5 units,
       heterogeneous dynamic effects tau_g(k) = a_g + b_g k for k >= 0 (none before), with
       (a, b) = (1.0, 0.3), (2.0, 0.1), (0.5, 0.5) for cohorts 3, 5, 7; unit and period effects;
       a time-varying covariate x (coefficient 0.5).
Model  the interaction-weighted estimator: y ~ sum_{g, k != ref} D_gk | unit + time with
       D_gk = 1[cohort = g, t - g = k] for every treated cohort g except the control cohort,
       then the event-time effect at k is sum_g w_gk b_gk with w_gk = n_gk / sum_g' n_g'k (n = the
       cohort's observations at relative period k in the estimation sample), and the ATT is the
       same average over every cell with k >= 0 (weights n_gk / sum_{k >= 0} n); SEs by the delta
       method, sqrt(w' V w), V the CRV1 covariance of the b_gk.
       This is fixest `feols(y ~ sunab(cohort, time) | unit + time)` with `aggregate(fit, "period")`
       and `sunab(..., att = TRUE)` (lrberge/fixest R/did.R: shares = colSums of the dummies),
       which cannot run here (no CRAN). pyfixest 0.60 has the saturated event study
       (`pf.event_study(..., estimator="saturated")`, `i(rel_time, first_treated_period, ref=-1,
       ref2=0)`) and its `aggregate("period")`, but no window, no cluster choice beyond one
       variable, no last-cohort control and no ATT: so every case fits the saturated model with
       pyfixest `feols` on dummies built here and aggregates in numpy; the `all` case is checked
       against `SaturatedEventStudy` (coefficients, SEs, period aggregates) to 1e-9 in this script.

Cases
  all          every relative period, reference -1, control = never treated, CRV1 by unit
  binned_team  window [-3, 2] with treated relative periods outside binned into the endpoints,
               CRV1 by team
  covariate    as `all` with x in the regression (y ~ x + dummies | unit + time)
  last_cohort  the never-treated units removed: the last-treated cohort (7) is the control and
               every row in periods >= 7 is dropped (no control is untreated there), CRV1 by unit

The pre-trend test is the Wald test of every aggregated lead = 0: W = nu_L' (W_L V W_L')^{-1} nu_L
(chi-square, q df) and F = W / q with (q, G - 1) df.

Confidence intervals use t with G - 1 df (fixest's t.df = "min"); pyfixest's aggregate uses the
normal, so only its estimates and SEs are compared.

Usage: python3 scripts/reference/sunab_reference.py [--write-data]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import warnings
from pathlib import Path

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyfixest as pf  # noqa: E402
import scipy  # noqa: E402
from scipy import stats  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATA = "datasets/reference/data/sunab_staggered.csv"
OUT = "datasets/reference/sunab_staggered.json"
SEED = 20261124
EFFECTS = {3: (1.0, 0.3), 5: (2.0, 0.1), 7: (0.5, 0.5)}


def make_panel() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    units, periods = 200, 8
    cohort_of_unit = np.repeat([3, 5, 7, 0], units // 4)
    rng.shuffle(cohort_of_unit)
    team = np.arange(units) // 5 + 1
    alpha = rng.normal(0, 1, units) + 0.1 * cohort_of_unit
    gamma = np.linspace(0, 1.4, periods) + rng.normal(0, 0.2, periods)
    rows = []
    for i in range(units):
        g = int(cohort_of_unit[i])
        for t in range(1, periods + 1):
            effect = 0.0
            if g > 0 and t >= g:
                a, b = EFFECTS[g]
                effect = a + b * (t - g)
            x = rng.normal(0, 1) + 0.1 * t
            y = alpha[i] + gamma[t - 1] + effect + 0.5 * x + rng.normal(0, 1)
            rows.append((i + 1, t, g, team[i], x, y))
    return pd.DataFrame(rows, columns=["unit", "time", "cohort", "team", "x", "y"])


def dummy_name(g: int, k: int) -> str:
    return f"g{g}_{'m' if k < 0 else 'p'}{abs(k)}"


def run_case(df: pd.DataFrame, name: str, window: tuple[int, int] | None, cluster: str, last_cohort: bool,
             covariates: tuple[str, ...] = ()) -> dict:
    ref = -1
    data = df.copy()
    rows_without_control = 0
    if last_cohort:
        data = data[data["cohort"] > 0]
        control = int(data["cohort"].max())
        rows_without_control = int((data["time"] >= control).sum())
        data = data[data["time"] < control]
    else:
        control = 0
    treated = (data["cohort"] > 0) & (data["cohort"] != control)
    rel = (data["time"] - data["cohort"]).where(treated)
    if window is not None:
        rel = rel.clip(window[0], window[1])
    data = data.assign(rel=rel)
    cells = sorted({(int(g), int(k)) for g, k in zip(data.loc[treated, "cohort"], data.loc[treated, "rel"]) if k != ref})
    names = []
    for g, k in cells:
        col = dummy_name(g, k)
        data[col] = ((data["cohort"] == g) & (data["rel"] == k) & treated).astype(float)
        names.append(col)
    lhs = " + ".join([*covariates, *names])
    fml = f"y ~ {lhs} | unit + time"
    shown = " + ".join([*covariates, f"<{len(names)} cohort x period dummies>"])
    call = f'pf.feols("y ~ {shown} | unit + time", data, vcov={{"CRV1": "{cluster}"}}, demeaner=pf.MapDemeaner(fixef_tol=1e-12))'
    fit = pf.feols(fml, data=data, vcov={"CRV1": cluster}, demeaner=pf.MapDemeaner(fixef_tol=1e-12))
    assert list(fit._coefnames) == [*covariates, *names], fit._coefnames
    # The cells are the coefficients after the covariates.
    m = len(covariates)
    covariate_coefficients = {c: [float(fit.coef()[c]), float(fit.se()[c])] for c in covariates}
    b = np.asarray(fit.coef(), dtype=float)[m:]
    se = np.asarray(fit.se(), dtype=float)[m:]
    vcov = np.asarray(fit._vcov, dtype=float)[m:, m:]
    n_cell = np.array([data[c].sum() for c in names])
    g_count = int(data[cluster].nunique())
    tq = float(stats.t.ppf(0.975, g_count - 1))

    event_times = sorted({k for _, k in cells})
    w = np.zeros((len(event_times), len(names)))
    for row, k in enumerate(event_times):
        idx = [j for j, (_, kk) in enumerate(cells) if kk == k]
        w[row, idx] = n_cell[idx] / n_cell[idx].sum()
    est = w @ b
    cov = w @ vcov @ w.T
    es_se = np.sqrt(np.diag(cov))
    post = np.array([1.0 if k >= 0 else 0.0 for _, k in cells]) * n_cell
    w_att = post / post.sum()
    att = float(w_att @ b)
    att_se = float(np.sqrt(w_att @ vcov @ w_att))
    leads = [j for j, k in enumerate(event_times) if k < 0]
    wald = float(est[leads] @ np.linalg.solve(cov[np.ix_(leads, leads)], est[leads]))
    q = len(leads)
    p = lambda t: float(2 * stats.t.sf(abs(t), g_count - 1))  # noqa: E731
    return {
        "name": name,
        "reference_period": ref,
        "window": list(window) if window else None,
        "endpoints": "bin" if window else None,
        "cluster": cluster,
        "covariates": list(covariates),
        "covariate_coefficients": covariate_coefficients,
        "control_cohort": control,
        "rows_without_control": rows_without_control,
        "call": call,
        "n_used": int(fit._N),
        "clusters": g_count,
        "cells": [
            {"cohort": g, "event_time": k, "observations": int(n), "estimate": float(bb), "standard_error": float(s)}
            for (g, k), n, bb, s in zip(cells, n_cell, b, se)
        ],
        "event_times": event_times,
        "estimates": est.tolist(),
        "standard_errors": es_se.tolist(),
        "ci_lower": (est - tq * es_se).tolist(),
        "ci_upper": (est + tq * es_se).tolist(),
        "p_values": [p(e / s) for e, s in zip(est, es_se)],
        "covariance": cov.tolist(),
        "att": {"estimate": att, "standard_error": att_se, "p_value": p(att / att_se),
                "ci_lower": att - tq * att_se, "ci_upper": att + tq * att_se},
        "pre_trend": {"leads": [event_times[j] for j in leads], "chi_square": wald, "chi_square_df": q,
                      "chi_square_p_value": float(stats.chi2.sf(wald, q)), "f_statistic": wald / q,
                      "f_df": [q, g_count - 1], "f_p_value": float(stats.f.sf(wald / q, q, g_count - 1))},
        "_fit": (fit, cells, b, se, est, es_se),
    }


def check_against_saturated(df: pd.DataFrame, case: dict) -> None:
    """pyfixest's own saturated event study must give the `all` case's cells and period aggregates."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sat = pf.event_study(df, yname="y", idname="unit", tname="time", gname="cohort", cluster="unit",
                             estimator="saturated")
        agg = sat.aggregate(agg="period")
    _, cells, b, se, est, es_se = case["_fit"]
    coef = sat.coef()
    ses = sat.se()
    for (g, k), bb, s in zip(cells, b, se):
        key = [n for n in coef.index if n.endswith(f"::{k}:first_treated_period::{g}") or
               n.endswith(f"::{float(k)}:first_treated_period::{g}")]
        assert len(key) == 1, (g, k, list(coef.index)[:5])
        assert abs(coef[key[0]] - bb) <= 1e-9 * max(1, abs(bb)), (g, k)
        assert abs(ses[key[0]] - s) <= 1e-9 * s, (g, k)
    assert len(coef) == len(cells)
    for k, e, s in zip(case["event_times"], est, es_se):
        row = agg.loc[k]
        assert abs(float(row["Estimate"]) - e) <= 1e-9 * max(1, abs(e)), (k, row, e)
        assert abs(float(row["Std. Error"]) - s) <= 1e-9 * s, (k, row, s)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-data", action="store_true", help="regenerate the CSV from the seed")
    args = parser.parse_args()
    path = REPO / DATA
    if args.write_data:
        make_panel().to_csv(path, index=False, float_format="%.17g")
    df = pd.read_csv(path)
    cases = [
        run_case(df, "all", None, "unit", False),
        run_case(df, "binned_team", (-3, 2), "team", False),
        run_case(df, "covariate", None, "unit", False, ("x",)),
        run_case(df, "last_cohort", None, "unit", True),
    ]
    check_against_saturated(df, cases[0])
    for c in cases:
        del c["_fit"]
    doc = {
        "tool": "pyfixest",
        "tool_version": pf.__version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "generated_by": "scripts/reference/sunab_reference.py",
        "data": DATA,
        "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "seed": SEED,
        "imports": "import numpy as np\nimport pandas as pd\nimport pyfixest as pf",
        "conventions": {
            "model": "saturated cohort x relative-period dummies (reference period -1 and the control cohort "
            "omitted) with unit and time fixed effects, pyfixest feols; aggregation in numpy as fixest "
            "aggregate(fit, 'period') / sunab(att = TRUE): weights = each cell's observation count over the "
            "count of all cells at that relative period (ATT: over all cells with k >= 0)",
            "vcov": "CRV1, pyfixest default ssc (k_adj, k_fixef nonnested, G_adj); t df G - 1",
            "check": "case `all` equals pyfixest pf.event_study(estimator='saturated') coefficients, SEs and "
            "aggregate(agg='period') estimates and SEs to 1e-9",
        },
        "cases": cases,
    }
    (REPO / OUT).write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {OUT}: " + ", ".join(f"{c['name']} N={c['n_used']}" for c in cases))


if __name__ == "__main__":
    main()
