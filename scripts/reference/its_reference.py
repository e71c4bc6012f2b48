"""Reference values for interrupted time series (segmented regression) with Newey-West HAC errors.

Two seeded series with AR(1) errors (`datasets/reference/data/its_monthly.csv`: periods 1..60,
interruption at 31; `datasets/reference/data/its_quarterly.csv`: periods 2000.00, 2000.25, ...,
2009.75, interruption at 2005.0) and statsmodels output in `datasets/reference/its_series.json`:

    X = [1, t, post, (t - T0) * post],  post = 1{t >= T0}
    res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": c})
    res.params, res.bse, res.cov_params(), res.pvalues, res.conf_int(0.05)
    res.t_test(R)   # effect b2 + b3 (t - T0) per post period, effect b2 + b3 h at horizons h
    resc.t_test(R)  # counterfactual b0 + b1 t = g0 + g1 (t - T0), on the same fit with time
                    # centred at T0 (identical model; avoids cancellation with calendar times)

`maxlags=None` makes statsmodels use its rule floor(4 (N/100)^(2/9)) (`S_hac_simple`); HAC
results use normal inference (use_t=False).

Comparative ITS (`datasets/reference/data/its_comparative.csv`: periods 1..48, treated `y` and
comparison `y_comparison` with correlated AR(1) errors, interruption at 25), rows stacked
comparison then treated, X = [base, G * base] with base = [1, t, post, (t - T0) * post]:

    sm.OLS(y, X).fit(cov_type="hac-groupsum", cov_kwds={"time": period, "maxlags": L,
                                                        "use_correction": False or "hac"})

(Driscoll-Kraay: scores summed within each period, then Newey-West over periods; maxlags=None
uses the same rule on the number of periods). Run from the repository root:
`python3 scripts/reference/its_reference.py`.
"""
import importlib.metadata
import json

import numpy as np
import pandas as pd
import statsmodels.api as sm

SEED = 20261124
OUT = "datasets/reference/its_series.json"


def simulate(name, times, t0, rng, rho=0.5):
    n = len(times)
    e = np.zeros(n)
    e[0] = rng.normal() / np.sqrt(1 - rho**2)
    for i in range(1, n):
        e[i] = rho * e[i - 1] + rng.normal()
    post = (times >= t0).astype(float)
    y = 10 + 0.2 * times + 2.0 * post + 0.15 * (times - t0) * post + e
    # Shuffled rows: the estimator must sort by time itself.
    order = rng.permutation(n)
    path = f"datasets/reference/data/its_{name}.csv"
    pd.DataFrame({"period": times[order], "y": np.round(y[order], 10)}).to_csv(path, index=False)
    return path, pd.read_csv(path).sort_values("period").reset_index(drop=True)


def case(name, path, df, t0, maxlags, use_correction, horizons):
    t = df["period"].to_numpy(float)
    y = df["y"].to_numpy(float)
    post = (t >= t0).astype(float)
    X = np.column_stack([np.ones_like(t), t, post, (t - t0) * post])
    res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": use_correction})
    lag = maxlags if maxlags is not None else int(np.floor(4 * (len(t) / 100.0) ** (2.0 / 9.0)))
    post_t = t[t >= t0]
    # The counterfactual b0 + b1 t from the fit on time centred at T0 (same model and HAC covariance,
    # reparametrized): with calendar times the raw [1, t] V [1, t]' cancels ~5 digits.
    Xc = np.column_stack([np.ones_like(t), t - t0, post, (t - t0) * post])
    resc = sm.OLS(y, Xc).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": use_correction})
    cf = resc.t_test(np.column_stack([np.ones_like(post_t), post_t - t0, 0 * post_t, 0 * post_t]))
    eff = res.t_test(np.column_stack([0 * post_t, 0 * post_t, np.ones_like(post_t), post_t - t0]))
    hz = res.t_test(np.array([[0.0, 0.0, 1.0, h] for h in horizons]))
    ci = res.conf_int(0.05)
    return {
        "name": name,
        "data": path,
        "interruption": t0,
        "maxlags": maxlags,
        "lag_used": lag,
        "use_correction": use_correction,
        "call": f'sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={{"maxlags": {maxlags}, "use_correction": {use_correction}}})',
        "params": res.params.tolist(),
        "bse": res.bse.tolist(),
        "cov": res.cov_params().tolist(),
        "pvalues": res.pvalues.tolist(),
        "ci_lower": ci[:, 0].tolist(),
        "ci_upper": ci[:, 1].tolist(),
        "post_times": post_t.tolist(),
        "counterfactual": np.asarray(cf.effect).ravel().tolist(),
        "counterfactual_se": np.asarray(cf.sd).ravel().tolist(),
        "effect": np.asarray(eff.effect).ravel().tolist(),
        "effect_se": np.asarray(eff.sd).ravel().tolist(),
        "horizons": horizons,
        "horizon_effect": np.asarray(hz.effect).ravel().tolist(),
        "horizon_se": np.asarray(hz.sd).ravel().tolist(),
        "horizon_p": np.asarray(hz.pvalue).ravel().tolist(),
    }


def simulate_comparative(rng, rho=0.5):
    """Treated and comparison series over periods 1..48 (interruption at 25) whose AR(1) errors
    share a common shock, in a wide CSV (period, y, y_comparison)."""
    times = np.arange(1, 49, dtype=float)
    t0 = 25.0
    n = len(times)
    e = np.zeros((n, 2))
    e[0] = rng.normal(size=2) / np.sqrt(1 - rho**2)
    for i in range(1, n):
        common = rng.normal()
        e[i] = rho * e[i - 1] + 0.6 * common + 0.8 * rng.normal(size=2)
    post = (times >= t0).astype(float)
    comparison = 20 + 0.1 * times + 0.5 * post + 0.05 * (times - t0) * post + e[:, 1]
    treated = 22 + 0.15 * times + 1.5 * post + 0.2 * (times - t0) * post + e[:, 0]
    path = "datasets/reference/data/its_comparative.csv"
    pd.DataFrame({"period": times, "y": np.round(treated, 10), "y_comparison": np.round(comparison, 10)}).to_csv(
        path, index=False)
    return path, pd.read_csv(path)


def comparative_design(t, t0, centre):
    post = (t >= t0).astype(float)
    base = np.column_stack([np.ones_like(t), t - centre, post, (t - t0) * post])
    # Rows: comparison series (G = 0), then treated series (G = 1).
    return np.vstack([np.hstack([base, 0 * base]), np.hstack([base, base])])


def comparative_case(name, path, df, t0, maxlags, use_correction, horizons):
    t = df["period"].to_numpy(float)
    y = np.concatenate([df["y_comparison"].to_numpy(float), df["y"].to_numpy(float)])
    period = np.concatenate([np.arange(len(t)), np.arange(len(t))])
    kw = {"time": period, "maxlags": maxlags, "use_correction": use_correction}
    res = sm.OLS(y, comparative_design(t, t0, 0.0)).fit(cov_type="hac-groupsum", cov_kwds=kw)
    resc = sm.OLS(y, comparative_design(t, t0, t0)).fit(cov_type="hac-groupsum", cov_kwds=kw)
    lag = maxlags if maxlags is not None else int(np.floor(4 * (len(t) / 100.0) ** (2.0 / 9.0)))
    post_t = t[t >= t0]
    h = post_t - t0
    z, o = 0 * post_t, np.ones_like(post_t)
    # Counterfactual of the treated series: its fit without b6 + b7 (t - T0), on the centred fit.
    cf = resc.t_test(np.column_stack([o, h, o, h, o, h, z, z]))
    eff = res.t_test(np.column_stack([z, z, z, z, z, z, o, h]))
    hz = res.t_test(np.array([[0.0] * 6 + [1.0, hh] for hh in horizons]))
    ci = res.conf_int(0.05)
    return {
        "name": name,
        "data": path,
        "interruption": t0,
        "maxlags": maxlags,
        "lag_used": lag,
        "use_correction": bool(use_correction),
        "call": f'sm.OLS(y, X).fit(cov_type="hac-groupsum", cov_kwds={{"time": period, "maxlags": {maxlags}, '
        f'"use_correction": {use_correction!r}}})',
        "params": res.params.tolist(),
        "bse": res.bse.tolist(),
        "cov": res.cov_params().tolist(),
        "pvalues": res.pvalues.tolist(),
        "ci_lower": ci[:, 0].tolist(),
        "ci_upper": ci[:, 1].tolist(),
        "post_times": post_t.tolist(),
        "counterfactual": np.asarray(cf.effect).ravel().tolist(),
        "counterfactual_se": np.asarray(cf.sd).ravel().tolist(),
        "effect": np.asarray(eff.effect).ravel().tolist(),
        "effect_se": np.asarray(eff.sd).ravel().tolist(),
        "horizons": horizons,
        "horizon_effect": np.asarray(hz.effect).ravel().tolist(),
        "horizon_se": np.asarray(hz.sd).ravel().tolist(),
        "horizon_p": np.asarray(hz.pvalue).ravel().tolist(),
    }


def main():
    rng = np.random.default_rng(SEED)
    monthly_path, monthly = simulate("monthly", np.arange(1, 61, dtype=float), 31.0, rng)
    quarterly_path, quarterly = simulate("quarterly", 2000 + 0.25 * np.arange(40), 2005.0, rng)
    cases = [
        case("monthly_L3", monthly_path, monthly, 31.0, 3, False, [0.0, 6.0, 12.0]),
        case("monthly_L3_corrected", monthly_path, monthly, 31.0, 3, True, [0.0, 6.0, 12.0]),
        case("monthly_rule", monthly_path, monthly, 31.0, None, False, [3.0]),
        case("monthly_L0", monthly_path, monthly, 31.0, 0, True, [3.0]),
        case("quarterly_L2_corrected", quarterly_path, quarterly, 2005.0, 2, True, [0.5, 2.0]),
    ]
    comparative_path, comparative = simulate_comparative(rng)
    comparative_cases = [
        comparative_case("comparative_L3", comparative_path, comparative, 25.0, 3, False, [0.0, 10.0]),
        comparative_case("comparative_rule_hac", comparative_path, comparative, 25.0, None, "hac", [5.0]),
    ]
    out = {
        "tool": "statsmodels",
        "tool_version": importlib.metadata.version("statsmodels"),
        "script": "scripts/reference/its_reference.py",
        "seed": SEED,
        "cases": cases,
        "comparative_cases": comparative_cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
