"""Reference values for covariate-adjusted Callaway & Sant'Anna (2021) group-time ATTs.

Generates a seeded staggered panel with two time-invariant covariates that drive both selection
into the cohorts and the untreated outcome trends
(`datasets/reference/data/cs_covariates_panel.csv`: 240 units x 6 periods, cohorts 3, 4, 5 and
never treated (0)), and records Python `csdid` output in `datasets/reference/cs_covariates.json`:

    ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
          xformla="y ~ x1 + x2", control_group=<cg>).fit(est_method=<reg|ipw|dr>,
          base_period=<bp>, bstrap=False)
    .aggte(typec=<simple|dynamic|group|calendar>, bstrap=False)

csdid 0.4.3 maps "reg" to DRDID's `reg_did_panel`, "ipw" to `std_ipw_did_panel` (normalized
weights) and "dr" to `drdid_panel` (the locally efficient doubly robust estimator with a logit
propensity score fitted by `statsmodels.GLM`, as R `did::att_gt`'s default `est_method = "dr"`).
`bstrap=False` gives the deterministic analytic standard errors. Run from the repository root:
`python3 scripts/reference/cs_covariates_reference.py`.
"""
import contextlib
import importlib.metadata
import io
import json
import warnings

import numpy as np
import pandas as pd
from csdid.att_gt import ATTgt

SEED = 20261123
N_UNITS, PERIODS = 240, 6
DATA = "datasets/reference/data/cs_covariates_panel.csv"
MESSY = "datasets/reference/data/cs_covariates_messy.csv"
OUT = "datasets/reference/cs_covariates.json"
FORMULA = "y ~ x1 + x2"


def simulate():
    rng = np.random.default_rng(SEED)
    x1 = rng.normal(0, 1, N_UNITS)
    x2 = rng.binomial(1, 0.4, N_UNITS).astype(float)
    # Selection on covariates: a multinomial logit over (never, 3, 4, 5).
    scores = np.column_stack([np.zeros(N_UNITS), 0.8 * x1 - 0.2 + 0.3 * x2,
                              0.5 * x1 + 0.6 * x2 - 0.4, -0.4 * x1 + 0.2])
    probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    choice = np.array([rng.choice(4, p=p) for p in probs])
    cohorts = np.array([0, 3, 4, 5])[choice]
    unit_fe = rng.normal(0, 1, N_UNITS) + 0.5 * x1
    rows = []
    for i in range(N_UNITS):
        for t in range(1, PERIODS + 1):
            g = cohorts[i]
            tau = 0.0
            if g > 0 and t >= g:
                tau = 1.0 + 0.5 * (t - g) + 0.3 * x1[i]
            # Covariate-specific trends: unconditional parallel trends fail, conditional ones hold.
            trend = 0.3 * t + 0.4 * x1[i] * t - 0.3 * x2[i] * t
            y = unit_fe[i] + trend + tau + rng.normal()
            rows.append((i + 1, t, int(g), round(float(x1[i]), 10), float(x2[i]), round(float(y), 10)))
    df = pd.DataFrame(rows, columns=["id", "period", "cohort", "x1", "x2", "y"])
    df.to_csv(DATA, index=False)
    return pd.read_csv(DATA)


def messy(df):
    """The same panel made imperfect: 6 always-treated units (cohort 1), 6 units treated after the
    window (cohort 9) and 5 units with a missing period. csdid's default pre-processing drops the
    always-treated units, recodes cohort 9 to never treated and balances the panel (allow_unbalanced_panel
    = False keeps units observed in every period)."""
    rng = np.random.default_rng(SEED + 1)
    extra = []
    for k in range(12):
        uid = N_UNITS + 1 + k
        g = 1 if k < 6 else 9
        x1, x2 = round(float(rng.normal()), 10), float(rng.integers(0, 2))
        for t in range(1, PERIODS + 1):
            y = x1 * t + (1.0 if g == 1 else 0.0) + rng.normal()
            extra.append((uid, t, g, x1, x2, round(float(y), 10)))
    out = pd.concat([df, pd.DataFrame(extra, columns=df.columns)], ignore_index=True)
    gaps = [(7, 3), (20, 1), (33, 6), (150, 4), (201, 2)]
    for uid, t in gaps:
        out = out[~((out.id == uid) & (out.period == t))]
    out.to_csv(MESSY, index=False)
    return pd.read_csv(MESSY)


def plain(x):
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(x, dtype=float).ravel()]


def case(df, name, method, control_group, base_period, data=DATA, anticipation=0):
    # csdid prints every summary; keep the console quiet.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        model = ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
                      xformla=FORMULA, control_group=control_group, anticipation=anticipation)
        model.fit(est_method=method, base_period=base_period, bstrap=False)
        res = model.results
        out = {
            "name": name,
            "data": data,
            "est_method": method,
            "control_group": control_group,
            "base_period": base_period,
            "anticipation": anticipation,
            "call": f'ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df, '
                    f'xformla="{FORMULA}", control_group="{control_group}", anticipation={anticipation})'
                    f'.fit(est_method="{method}", base_period="{base_period}", bstrap=False)',
            "group": plain(res["group"]),
            "period": plain(res["year"]),
            "att": plain(res["att"]),
            "se": plain(res["se"]),
            "aggregations": {},
        }
        for kind in ["simple", "dynamic", "group", "calendar"]:
            a = model.aggte(typec=kind, bstrap=False).atte
            entry = {"overall_att": float(np.ravel(a["overall_att"])[0]),
                     "overall_se": float(np.ravel(a["overall_se"])[0])}
            if kind != "simple":
                entry["labels"] = plain(a["egt"])
                entry["att"] = plain(a["att_egt"])
                entry["se"] = plain(a["se_egt"])
            out["aggregations"][kind] = entry
    return out


def main():
    df = simulate()
    cases = [
        case(df, "reg_never_varying", "reg", "nevertreated", "varying"),
        case(df, "ipw_never_varying", "ipw", "nevertreated", "varying"),
        case(df, "dr_never_varying", "dr", "nevertreated", "varying"),
        case(df, "dr_notyet_varying", "dr", "notyettreated", "varying"),
        case(df, "reg_notyet_universal", "reg", "notyettreated", "universal"),
        case(df, "ipw_notyet_universal", "ipw", "notyettreated", "universal"),
        case(df, "dr_notyet_universal_anticipation1", "dr", "notyettreated", "universal", anticipation=1),
        case(messy(df), "dr_never_varying_messy", "dr", "nevertreated", "varying", data=MESSY),
    ]
    doc = {
        "tool": "csdid (Python)",
        "tool_version": importlib.metadata.version("csdid"),
        "drdid_version": importlib.metadata.version("drdid"),
        "statsmodels_version": importlib.metadata.version("statsmodels"),
        "numpy_version": np.__version__,
        "pandas_version": pd.__version__,
        "script": "scripts/reference/cs_covariates_reference.py",
        "data": DATA,
        "messy_data": MESSY,
        "seed": SEED,
        "covariates": ["x1", "x2"],
        "estimator": "covariate-adjusted ATT(g,t), xformla='y ~ x1 + x2', analytic SEs (bstrap=False)",
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
