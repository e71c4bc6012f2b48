"""Reference values for the Goodman-Bacon (2021) decomposition of the static TWFE DiD coefficient.

No maintained Python port of `bacondecomp` was available (moderndid 0.2.0 has no `didbacon`), so
this script is an independent implementation, written from the paper rather than from the Swift
code, and checked against the TWFE identity:

* each 2x2 estimate is the TWFE coefficient (statsmodels `OLS` of y on D, C(id), C(period)) on the
  subsample of the two timing groups and the comparison window, not a difference of means;
* each weight is Goodman-Bacon (2021) eq. (10a)-(10c) as printed, with n_kl = n_k / (n_k + n_l),
  over V^D = the variance of the residual of D on unit and period dummies (statsmodels OLS);
* the script asserts sum(weights) = 1 and sum(w * b) = the full-sample TWFE coefficient
  (statsmodels `OLS.from_formula("y ~ D + C(id) + C(period)")` and pyfixest `feols("y ~ D | id + period")`)
  to 1e-10.

Two seeded panels (`datasets/reference/data/bacon_never.csv`: never treated and cohorts 4, 6, 8,
plus a cohort 13 after the panel's last period, which is untreated throughout;
`datasets/reference/data/bacon_always.csv`: always treated (cohort 1 and 0.5) and cohorts 4, 7,
no never treated) and their decompositions in `datasets/reference/bacon_staggered.json`.
Run from the repository root: `python3 scripts/reference/bacon_reference.py`.
"""
import importlib.metadata
import json

import numpy as np
import pandas as pd
import pyfixest as pf
import statsmodels.api as sm
import statsmodels.formula.api as smf

SEED = 20261123
PERIODS = 10
OUT = "datasets/reference/bacon_staggered.json"


def simulate(name, cohort_probs, rng):
    cohorts_values = list(cohort_probs)
    n_units = 80
    cohorts = rng.choice(cohorts_values, size=n_units, p=list(cohort_probs.values()))
    unit_fe = rng.normal(0, 2, size=n_units) + 0.3 * cohorts
    time_fe = np.linspace(0, 2, PERIODS) + rng.normal(0, 0.3, PERIODS)
    rows = []
    for i in range(n_units):
        g = cohorts[i]
        for t in range(1, PERIODS + 1):
            # Dynamic effects that differ by cohort: the forbidden comparisons pick them up.
            tau = (1.0 + 0.6 * (t - g)) * (g > 0 and t >= g)
            y = unit_fe[i] + time_fe[t - 1] + tau + rng.normal()
            rows.append((i + 1, t, g, round(float(y), 10)))
    path = f"datasets/reference/data/bacon_{name}.csv"
    pd.DataFrame(rows, columns=["id", "period", "cohort", "y"]).to_csv(path, index=False)
    df = pd.read_csv(path)
    return path, df


def treatment(df):
    # Absorbing treatment from the cohort on; cohort 0 = never treated.
    return ((df["cohort"] > 0) & (df["period"] >= df["cohort"])).astype(float)


def twfe(df):
    return smf.ols("y ~ D + C(id) + C(period)", data=df).fit().params["D"]


def group_label(df_unit, periods):
    """Timing group of each unit: 'never', 'always' or the first treated period."""
    first, last = periods.min(), periods.max()
    out = {}
    for uid, g in df_unit.items():
        if g == 0 or g > last:
            out[uid] = "never"
        elif g <= first:
            out[uid] = "always"
        else:
            out[uid] = float(periods[periods >= g].min())
    return out


def decompose(df):
    periods = np.sort(df["period"].unique())
    t_count = len(periods)
    unit_cohort = df.groupby("id")["cohort"].first()
    label = group_label(unit_cohort, periods)
    df = df.assign(group=df["id"].map(label))
    n_units = len(unit_cohort)
    groups = sorted(set(label.values()), key=lambda g: (-1 if g == "always" else (1e9 if g == "never" else g)))
    n = {g: sum(1 for v in label.values() if v == g) / n_units for g in groups}
    dbar = {g: df.loc[df["group"] == g, "D"].mean() for g in groups}
    resid_d = sm.OLS(df["D"], pd.get_dummies(df[["id", "period"]].astype(str), drop_first=True).assign(c=1.0).astype(float)).fit().resid
    v_d = float(np.mean(resid_d ** 2))
    comparisons = []
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            k, l = groups[a], groups[b]  # k earlier (larger D-bar) than l
            nk, nl, dk, dl = n[k], n[l], dbar[k], dbar[l]
            nkl = nk / (nk + nl)
            sub = df[df["group"].isin([k, l])]
            if l == "never" and k != "always":
                w = (nk + nl) ** 2 * nkl * (1 - nkl) * dk * (1 - dk) / v_d  # (10a)
                est = twfe(sub)
                comparisons.append(("Treated vs Never Treated", k, l, periods[0], periods[-1], est, w))
                continue
            if l == "never":
                continue  # always vs never: D does not vary within the window
            t_l = l
            if k != "always":
                win = sub[sub["period"] < t_l]
                w = ((nk + nl) * (1 - dl)) ** 2 * nkl * (1 - nkl) * (dk - dl) / (1 - dl) * (1 - dk) / (1 - dl) / v_d  # (10b)
                comparisons.append(("Earlier vs Later Treated", k, l, win["period"].min(), win["period"].max(), twfe(win), w))
            start = periods[0] if k == "always" else k
            win = sub[sub["period"] >= start]
            w = ((nk + nl) * dk) ** 2 * nkl * (1 - nkl) * (dl / dk) * (dk - dl) / dk / v_d  # (10c)
            kind = "Later vs Always Treated" if k == "always" else "Later vs Earlier Treated"
            comparisons.append((kind, l, k, win["period"].min(), win["period"].max(), twfe(win), w))
    return comparisons, v_d, {str(g): int(round(n[g] * n_units)) for g in groups}


def case(name, cohort_probs, rng):
    path, df = simulate(name, cohort_probs, rng)
    df = df.assign(D=treatment(df))
    beta = twfe(df)
    beta_pf = float(pf.feols("y ~ D | id + period", data=df).coef()["D"])
    comps, v_d, sizes = decompose(df)
    weights = np.array([c[6] for c in comps])
    ests = np.array([c[5] for c in comps])
    assert abs(weights.sum() - 1) < 1e-10, weights.sum()
    assert abs(weights @ ests - beta) < 1e-10, (weights @ ests, beta)
    assert abs(beta_pf - beta) < 1e-10
    gname = lambda g: g if isinstance(g, str) else float(g)
    return {
        "name": name,
        "data": path,
        "twfe_estimate": float(beta),
        "twfe_call": 'statsmodels smf.ols("y ~ D + C(id) + C(period)").fit().params["D"]; '
        'pyfixest feols("y ~ D | id + period") agrees to 1e-10',
        "treatment_variance": v_d,
        "group_sizes": sizes,
        "comparisons": [
            {"type": c[0], "treated": gname(c[1]), "control": gname(c[2]), "window": [float(c[3]), float(c[4])],
             "estimate": float(c[5]), "weight": float(c[6])}
            for c in comps
        ],
    }


def main():
    rng = np.random.default_rng(SEED)
    cases = [
        case("never", {0: 0.3, 4: 0.25, 6: 0.2, 8: 0.15, 13: 0.1}, rng),
        case("always", {1: 0.15, 0.5: 0.1, 4: 0.4, 7: 0.35}, rng),
    ]
    out = {
        "tool": "independent numpy/statsmodels implementation of Goodman-Bacon (2021) Theorem 1, eq. (10a)-(10c)",
        "tool_version": f"statsmodels {importlib.metadata.version('statsmodels')}, "
        f"pyfixest {importlib.metadata.version('pyfixest')}, numpy {np.__version__}",
        "script": "scripts/reference/bacon_reference.py",
        "seed": SEED,
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
