"""Reference values for the control-group comparison (Estimators `ControlGroupComparison`, `BalanceTable`).

Writes datasets/reference/data/cg_small.csv (seeded, confounded treatment, known effect) and
datasets/reference/cg_small.json with:
  - scipy.stats.ttest_ind(y[d == 1], y[d == 0], equal_var=False)  (Welch t, Welch-Satterthwaite df)
  - statsmodels 0.15 TreatmentEffect(OLS(y, X), d, results_select=Logit(d, X).fit()).ra / ipw / aipw
    (ATE and, for ra/ipw, effect_group=1 = ATT), effect, POM0, POM1 with their GMM (HC0) SEs
  - balance (SMD with pooled SD sqrt((s1^2 + s0^2)/2), variance ratio s1^2/s0^2) before and after
    IPW weighting, from an independent numpy computation following cobalt's conventions.
Run: python scripts/reference/cg_reference.py  (never run by `swift test`).

DGP: x1 ~ N(0,1), x2 ~ Bernoulli(0.4), x3 ~ U(0,2); P(d=1) = logistic(-0.3 + 0.8 x1 - 0.5 x2 + 0.4 x3);
y = 1 + 2 d + 0.5 d x1 + 1.5 x1 + 1.0 x2 - 0.7 x3 + N(0,1). True ATE = 2 (E x1 = 0); ATT = 2 + 0.5 E[x1 | d=1].
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm
from statsmodels.treatment.treatment_effects import TreatmentEffect

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
rng = np.random.default_rng(20261123)
n = 500
x1 = rng.normal(size=n)
x2 = (rng.uniform(size=n) < 0.4).astype(float)
x3 = rng.uniform(0, 2, size=n)
p_true = 1 / (1 + np.exp(-(-0.3 + 0.8 * x1 - 0.5 * x2 + 0.4 * x3)))
d = (rng.uniform(size=n) < p_true).astype(int)
y = 1 + 2 * d + 0.5 * d * x1 + 1.5 * x1 + 1.0 * x2 - 0.7 * x3 + rng.normal(size=n)
# Round to 10 significant digits so the CSV holds exactly the numbers both sides use.
frame = pd.DataFrame({"y": np.round(y, 10), "d": d, "x1": np.round(x1, 10), "x2": x2.astype(int), "x3": np.round(x3, 10)})
csv_path = os.path.join(ROOT, "datasets/reference/data/cg_small.csv")
frame.to_csv(csv_path, index=False)
frame = pd.read_csv(csv_path)

y = frame["y"].to_numpy(float)
d = frame["d"].to_numpy(int)
X = sm.add_constant(frame[["x1", "x2", "x3"]].to_numpy(float))
names = ["const", "x1", "x2", "x3"]

welch = st.ttest_ind(y[d == 1], y[d == 0], equal_var=False)
v1 = y[d == 1].var(ddof=1) / (d == 1).sum()
v0 = y[d == 0].var(ddof=1) / (d == 0).sum()
welch_out = {
    "call": "scipy.stats.ttest_ind(y[d == 1], y[d == 0], equal_var=False)",
    "difference": y[d == 1].mean() - y[d == 0].mean(),
    "standard_error": np.sqrt(v1 + v0),
    "statistic": float(welch.statistic),
    "df": float(welch.df),
    "p_value": float(welch.pvalue),
}

res_select = sm.Logit(d, X).fit(disp=False, tol=1e-12, maxiter=100)
teff = TreatmentEffect(sm.OLS(y, X), d, results_select=res_select)


def record(res, call):
    # res.effect = [ATE, POM0, POM1] from the GMM estimates; start_params are the closed-form estimates.
    return {
        "call": call,
        "effect": res.effect.tolist(),
        "standard_error": res.sd.tolist(),
        "closed_form": [float(res.start_params[0]), float(res.start_params[1]),
                        float(res.start_params[0] + res.start_params[1])],
    }


estimates = {
    "ra_ate": record(teff.ra(), "teff.ra()"),
    "ra_att": record(teff.ra(effect_group=1), "teff.ra(effect_group=1)"),
    "ipw_ate": record(teff.ipw(), "teff.ipw()"),
    "ipw_att": record(teff.ipw(effect_group=1), "teff.ipw(effect_group=1)"),
    "aipw_ate": record(teff.aipw(), "teff.aipw()"),
}

prob = res_select.predict()


def wmean(x, w):
    return np.sum(w * x) / np.sum(w)


def wvar(x, w):
    # cobalt col_w_sd: unbiased weighted variance sum(w (x - m)^2) * sum(w) / (sum(w)^2 - sum(w^2)).
    m = wmean(x, w)
    return np.sum(w * (x - m) ** 2) * np.sum(w) / (np.sum(w) ** 2 - np.sum(w ** 2))


def balance(weights):
    rows = []
    t, c = d == 1, d == 0
    for j, name in enumerate(names[1:], start=1):
        x = X[:, j]
        pooled = np.sqrt((x[t].var(ddof=1) + x[c].var(ddof=1)) / 2)
        w1, w0 = weights[t], weights[c]
        rows.append({
            "variable": name,
            "mean_treated": wmean(x[t], w1), "mean_control": wmean(x[c], w0),
            "smd": (wmean(x[t], w1) - wmean(x[c], w0)) / pooled,
            "variance_ratio": wvar(x[t], w1) / wvar(x[c], w0),
        })
    ess = {"treated": np.sum(weights[t]) ** 2 / np.sum(weights[t] ** 2),
           "control": np.sum(weights[c]) ** 2 / np.sum(weights[c] ** 2)}
    return {"rows": rows, "effective_sample_size": ess}


w_ate = d / prob + (1 - d) / (1 - prob)
w_att = d + (1 - d) * prob / (1 - prob)
balance_call = (
    "numpy; SMD = (m1 - m0) / sqrt((s1^2 + s0^2) / 2) with the unweighted pooled SD (cobalt default), "
            "VR = s1^2 / s0^2 with cobalt's unbiased weighted variance; weights ATE d/p + (1-d)/(1-p), ATT d + (1-d) p/(1-p)")
balance_out = {
    "unweighted": balance(np.ones(n)),
    "ipw_ate": balance(w_ate),
    "ipw_att": balance(w_att),
}

out = {
    "tool": "statsmodels",
    "tool_version": statsmodels.__version__,
    "scipy_version": scipy.__version__,
    "numpy_version": np.__version__,
    "script": "scripts/reference/cg_reference.py",
    "data": "datasets/reference/data/cg_small.csv",
    "call": "TreatmentEffect(sm.OLS(y, X), d, results_select=sm.Logit(d, X).fit(tol=1e-12)); X = const, x1, x2, x3",
    "propensity_coefficients": res_select.params.tolist(),
    "propensity_range": [float(prob.min()), float(prob.max())],
    "welch": welch_out,
    "estimates": estimates,
    "balance_call": balance_call,
    "balance": balance_out,
}
with open(os.path.join(ROOT, "datasets/reference/cg_small.json"), "w") as f:
    json.dump(out, f, indent=2, default=float)
    f.write("\n")
for k, v in estimates.items():
    print(k, v["effect"], v["standard_error"], np.max(np.abs(np.array(v["effect"]) - np.array(v["closed_form"]))))
print(welch_out)
print(out["propensity_range"])
