"""Reference values for the Borusyak, Jaravel & Spiess (2024) imputation estimator.

Generates a seeded staggered panel (`datasets/reference/data/imputation_panel.csv`: 200 units x 8
periods, cohorts 3, 5, 6 and never treated (cohort 0), effects that differ by cohort and grow with
exposure, unit and period effects, site-period shocks, one time-varying covariate `x`) and records
in `datasets/reference/imputation.json`:

* Point estimates (overall ATT and event-time ATTs h = 0..H) from pyfixest 0.60 Gardner two-stage

      pf.did2s(df, yname="y", first_stage="~ 0 | id + period" (or "~ x | id + period"),
               second_stage="~ 0 + treated" or "~ 0 + h0 + h1 + ...", treatment="treated",
               cluster=<cluster>)

  which equals the imputation estimator for these aggregations (the second stage regresses the
  first-stage residuals on indicators of the treated observations, without intercept). pyfixest's
  `Feols.fixef()` recovers the fixed effects by `scipy.sparse.linalg.lsqr` with atol = btol = 1e-6
  by default, which is too loose for a 1e-8 comparison; the script therefore calls did2s with
  `Feols.fixef` defaulted to atol = btol = 1e-14 and its feols calls defaulted to
  fixef_rm="none" (singletons kept, as BJS do; recorded under "notes").
* The same point estimates and BJS Theorem 3 standard errors from an independent dense numpy
  implementation in this script (explicit unit and period dummies, pseudo-inverse normal
  equations): v = -Z0 (Z0'Z0)^+ Z1' w on untreated observations, v = w on treated ones;
  sigma^2 = sum over clusters of (sum v * eps~)^2, with eps~ the first-stage residual on untreated
  observations and tau_hat - tau~ on treated ones, where tau~ is the average of tau_hat within the
  observation's cohort x event-time cell ("average", as R didimputation's se_inner: v^2-weighted,
  which is the plain mean when the estimand's weights are constant within a cell) or that average
  over the cell's observations outside the observation's own cluster ("leave_out", the leave-out
  refinement of BJS 2024 for small cells, as defined here; Stata did_imputation offers `leaveout`).
* The pre-trend regression on untreated observations: pyfixest 0.60
  `pf.feols("y ~ pre1 + ... + preK | id + period", data=untreated, vcov={"CRV1": cluster},
  demeaner=pf.MapDemeaner(fixef_tol=1e-12))` (tight projections, as the other fixtures) and
  its `wald_test(R, distribution="chi2")`.

Run from the repository root: `python3 scripts/reference/imputation_reference.py`.
"""
import importlib.metadata
import json
import sys

import numpy as np
import pandas as pd
import pyfixest as pf
import pyfixest.did.did2s  # noqa: F401 (the module, patched below)
from pyfixest.estimation.models.feols_ import Feols

SEED = 20261123
N_UNITS, PERIODS, SITES = 200, 8, 20
DATA = "datasets/reference/data/imputation_panel.csv"
OUT = "datasets/reference/imputation.json"

# Tight fixed-effect recovery inside did2s (see the docstring).
_original_fixef = Feols.fixef


def _tight_fixef(self, atol=1e-14, btol=1e-14):
    return _original_fixef(self, atol=atol, btol=btol)


Feols.fixef = _tight_fixef

# did2s's first stage would drop singleton fixed effects (pyfixest's default), which leaves units with
# a single untreated period (cohort 3 with anticipation 1) without an imputed Y(0); BJS keep them.
_did2s_module = sys.modules["pyfixest.did.did2s"]
_original_feols = _did2s_module.feols


def _feols_keep_singletons(*args, **kwargs):
    kwargs.setdefault("fixef_rm", "none")
    return _original_feols(*args, **kwargs)


_did2s_module.feols = _feols_keep_singletons


def simulate():
    rng = np.random.default_rng(SEED)
    cohorts = rng.choice([0, 3, 5, 6], size=N_UNITS, p=[0.3, 0.25, 0.25, 0.2])
    sites = rng.integers(0, SITES, size=N_UNITS)
    site_shock = rng.normal(0, 0.7, size=(SITES, PERIODS))
    unit_fe = rng.normal(0, 2, size=N_UNITS) + 0.3 * cohorts
    time_fe = 0.4 * np.arange(1, PERIODS + 1) + rng.normal(0, 0.3, PERIODS)
    base = {3: 1.0, 5: 2.0, 6: 0.5}
    slope = {3: 0.6, 5: 0.2, 6: 1.0}
    rows = []
    for i in range(N_UNITS):
        for t in range(1, PERIODS + 1):
            g = int(cohorts[i])
            x = rng.normal(0, 1) + 0.1 * t + 0.2 * (g > 0)
            tau = base[g] + slope[g] * (t - g) if g > 0 and t >= g else 0.0
            y = unit_fe[i] + time_fe[t - 1] + 0.8 * x + site_shock[sites[i], t - 1] + tau + rng.normal()
            rows.append((i + 1, t, g, int(sites[i]), round(float(x), 10), round(float(y), 10)))
    df = pd.DataFrame(rows, columns=["id", "period", "cohort", "site", "x", "y"])
    df.to_csv(DATA, index=False)
    return pd.read_csv(DATA)


def dense_imputation(df, covariates, cluster, anticipation, horizons):
    """Independent dense implementation of the estimator and of BJS Theorem 3 SEs."""
    g = df["cohort"].to_numpy()
    t = df["period"].to_numpy()
    ever = g > 0
    treated = ever & (t >= g - anticipation)
    units = np.unique(df["id"])
    periods = np.unique(t)
    u_index = {u: k for k, u in enumerate(units)}
    p_index = {p: k for k, p in enumerate(periods)}
    n = len(df)
    z = np.zeros((n, len(units) + len(periods) + len(covariates)))
    for r, (u, p) in enumerate(zip(df["id"], t)):
        z[r, u_index[u]] = 1.0
        z[r, len(units) + p_index[p]] = 1.0
    for k, c in enumerate(covariates):
        z[:, len(units) + len(periods) + k] = df[c].to_numpy()
    y = df["y"].to_numpy()
    z0, z1 = z[~treated], z[treated]
    gram_pinv = np.linalg.pinv(z0.T @ z0, rcond=1e-13, hermitian=True)
    coef = gram_pinv @ (z0.T @ y[~treated])
    y0_hat = z @ coef
    resid = y - y0_hat  # tau_hat on treated rows, first-stage residual on untreated rows
    event = np.where(ever, t - g, -10**6)

    # Estimands: overall (all treated rows) and each event time h in horizons.
    weights = []
    w = treated.astype(float)
    weights.append(w / w.sum())
    for h in horizons:
        w = (treated & (event == h)).astype(float)
        weights.append(w / w.sum())
    weights = np.array(weights).T  # n x E
    v = np.zeros_like(weights)
    v[treated] = weights[treated]
    v[~treated] = -(z0 @ (gram_pinv @ (z1.T @ weights[treated])))
    estimates = v.T @ y
    direct = weights[treated].T @ resid[treated]
    assert np.allclose(estimates, direct, rtol=1e-10, atol=1e-12), (estimates, direct)

    clusters = df[cluster].to_numpy()
    out = {}
    for rule in ("average", "leave_out"):
        eps = resid.copy()
        cells = {}
        for r in np.flatnonzero(treated):
            cells.setdefault((g[r], event[r]), []).append(r)
        for rows in cells.values():
            rows = np.array(rows)
            for r in rows:
                if rule == "average":
                    peers = rows
                else:
                    peers = rows[clusters[rows] != clusters[r]]
                    assert len(peers) > 0
                eps[r] = resid[r] - resid[peers].mean()
        scores = np.array([(v[clusters == c] * eps[clusters == c, None]).sum(axis=0) for c in np.unique(clusters)])
        vcov = scores.T @ scores
        out[rule] = {
            "overall_se": float(np.sqrt(vcov[0, 0])),
            "event_se": [float(s) for s in np.sqrt(np.diag(vcov)[1:])],
            "event_vcov": vcov[1:, 1:].tolist(),
        }
    return estimates, out, int(treated.sum()), int((~treated).sum())


def did2s_estimates(df, covariates, cluster, anticipation, horizons):
    data = df.copy()
    data["treated"] = ((data["cohort"] > 0) & (data["period"] >= data["cohort"] - anticipation)).astype(int)
    first = "~ " + (" + ".join(covariates) if covariates else "0") + " | id + period"
    overall = pf.did2s(data.copy(), yname="y", first_stage=first, second_stage="~ 0 + treated",
                       treatment="treated", cluster=cluster)
    names = []
    for h in horizons:
        name = f"h{h}" if h >= 0 else f"hm{-h}"
        data[name] = ((data["treated"] == 1) & (data["period"] - data["cohort"] == h)).astype(float)
        names.append(name)
    second = "~ 0 + " + " + ".join(names)
    dynamic = pf.did2s(data.copy(), yname="y", first_stage=first, second_stage=second,
                       treatment="treated", cluster=cluster)
    call = (f'pf.did2s(df, yname="y", first_stage="{first}", second_stage="~ 0 + treated" | "{second}", '
            f'treatment="treated", cluster="{cluster}")')
    return float(overall.coef()["treated"]), [float(dynamic.coef()[nm]) for nm in names], call


def pre_trend(df, covariates, cluster, anticipation, leads):
    data = df[~((df["cohort"] > 0) & (df["period"] >= df["cohort"] - anticipation))].copy()
    names = []
    for j in range(1, leads + 1):
        k = -anticipation - j
        name = f"pre{j}"
        data[name] = ((data["cohort"] > 0) & (data["period"] - data["cohort"] == k)).astype(float)
        names.append(name)
    rhs = " + ".join(names + covariates)
    formula = f"y ~ {rhs} | id + period"
    fit = pf.feols(formula, data=data, vcov={"CRV1": cluster}, demeaner=pf.MapDemeaner(fixef_tol=1e-12))
    r = np.zeros((leads, len(fit.coef())))
    for j, name in enumerate(names):
        r[j, list(fit.coef().index).index(name)] = 1.0
    wald = fit.wald_test(R=r, distribution="chi2")
    return {
        "call": f'pf.feols("{formula}", data=untreated, vcov={{"CRV1": "{cluster}"}}, '
                "demeaner=pf.MapDemeaner(fixef_tol=1e-12)); "
                "wald_test(R, distribution='chi2')",
        "event_times": [-anticipation - j for j in range(1, leads + 1)],
        "coefficients": [float(fit.coef()[nm]) for nm in names],
        "se": [float(fit.se()[nm]) for nm in names],
        "chi2": float(wald["statistic"]),
        "chi2_pvalue": float(wald["pvalue"]),
        "n": int(fit._N),
    }


def case(df, name, covariates=(), cluster="id", anticipation=0, leads=3):
    covariates = list(covariates)
    h_max = int((df["period"].max() - df.loc[df["cohort"] > 0, "cohort"]).max())
    horizons = list(range(-anticipation, h_max + 1))
    estimates, ses, n_treated, n_untreated = dense_imputation(df, covariates, cluster, anticipation, horizons)
    overall, dynamic, call = did2s_estimates(df, covariates, cluster, anticipation, horizons)
    # The two implementations must agree before anything is recorded.
    assert abs(overall - estimates[0]) <= 1e-9 * max(1, abs(overall)), (overall, estimates[0])
    assert np.allclose(dynamic, estimates[1:], rtol=1e-9, atol=1e-10), (dynamic, estimates[1:])
    return {
        "name": name,
        "covariates": covariates,
        "cluster": cluster,
        "anticipation": anticipation,
        "event_times": horizons,
        "treated_observations": n_treated,
        "untreated_observations": n_untreated,
        "did2s_call": call,
        "overall_att": overall,
        "event_att": dynamic,
        "numpy_overall_att": float(estimates[0]),
        "numpy_event_att": [float(e) for e in estimates[1:]],
        "se": ses,
        "pre_trend": pre_trend(df, covariates, cluster, anticipation, leads),
    }


def main():
    df = simulate()
    cases = [
        case(df, "unit_cluster"),
        case(df, "site_cluster", cluster="site"),
        case(df, "covariate", covariates=["x"]),
        case(df, "anticipation1", anticipation=1, leads=2),
    ]
    out = {
        "tool": "pyfixest did2s (point estimates) + numpy BJS Theorem 3 (standard errors)",
        "tool_version": importlib.metadata.version("pyfixest"),
        "numpy_version": np.__version__,
        "data": DATA,
        "seed": SEED,
        "notes": "Point estimates: pyfixest did2s with Feols.fixef(atol=1e-14, btol=1e-14) and fixef_rm='none' "
                 "in its stages; equal to the dense "
                 "numpy imputation to 1e-9. SEs: dense numpy implementation of BJS (2024) Theorem 3 in this "
                 "script (no small-sample factor), tau~ by cohort x event-time cell ('average' as R "
                 "didimputation, 'leave_out' without the observation's own cluster). Pre-trend: pyfixest feols "
                 "on untreated observations with lead dummies, CRV1.",
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
