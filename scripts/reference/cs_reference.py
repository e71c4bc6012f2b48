"""Reference values for Callaway & Sant'Anna (2021) group-time ATTs and their aggregations.

Generates a seeded staggered panel (`datasets/reference/data/cs_staggered_panel.csv`: 300 units x
8 periods, cohorts 4, 6, 7 and never treated (cohort 0), dynamic heterogeneous effects, unit and
time effects, cluster shocks) and records Python `csdid` output in
`datasets/reference/cs_attgt.json`:

    ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
          control_group=<cg>, anticipation=<a>).fit(est_method="reg",
          base_period=<bp>, bstrap=False)
    .aggte(typec=<simple|dynamic|group|calendar>, bstrap=False)

With no covariates `est_method="reg"` is the unconditional estimator (difference of mean changes);
`bstrap=False` gives the deterministic analytic standard errors from the influence functions
(sqrt(mean(IF^2)/n), R `did` `att_gt(..., bstrap = FALSE)`). Run from the repository root:
`python3 scripts/reference/cs_reference.py`.
"""
import importlib.metadata
import json
import warnings

import numpy as np
import pandas as pd
import csdid
from csdid.att_gt import ATTgt

SEED = 20260423
N_UNITS, PERIODS = 300, 8
DATA = "datasets/reference/data/cs_staggered_panel.csv"
OUT = "datasets/reference/cs_attgt.json"


def simulate():
    rng = np.random.default_rng(SEED)
    cohorts = rng.choice([0, 4, 6, 7], size=N_UNITS, p=[0.3, 0.25, 0.25, 0.2])
    sites = rng.integers(0, 30, size=N_UNITS)
    site_shock = rng.normal(0, 1, size=(30, PERIODS))
    unit_fe = rng.normal(0, 2, size=N_UNITS) + 0.5 * (cohorts > 0)
    time_fe = np.linspace(0, 3, PERIODS) + rng.normal(0, 0.3, PERIODS)
    effect_slope = {4: 0.5, 6: 1.0, 7: 1.5}
    rows = []
    for i in range(N_UNITS):
        for t in range(1, PERIODS + 1):
            g = cohorts[i]
            tau = 0.0
            if g > 0 and t >= g:
                tau = effect_slope[g] * (1 + (t - g))  # grows with exposure, differs by cohort
            y = unit_fe[i] + time_fe[t - 1] + 0.5 * site_shock[sites[i], t - 1] + tau + rng.normal()
            rows.append((i + 1, t, int(g), int(sites[i]), round(float(y), 10)))
    df = pd.DataFrame(rows, columns=["id", "period", "cohort", "site", "y"])
    df.to_csv(DATA, index=False)
    return pd.read_csv(DATA)


def plain(x):
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(x, dtype=float).ravel()]


def case(df, name, control_group, base_period, anticipation, cluster=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
                      control_group=control_group, anticipation=anticipation, clustervar=cluster)
        model.fit(est_method="reg", base_period=base_period, bstrap=False)
        res = model.results
        out = {
            "name": name,
            "control_group": control_group,
            "base_period": base_period,
            "anticipation": anticipation,
            "cluster": cluster,
            "call": f'ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df, '
                    f'control_group="{control_group}", anticipation={anticipation}'
                    + (f', clustervar="{cluster}"' if cluster else "") + ")"
                    f'.fit(est_method="reg", base_period="{base_period}", bstrap=False)',
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
        case(df, "never_varying", "nevertreated", "varying", 0),
        case(df, "notyet_varying", "notyettreated", "varying", 0),
        case(df, "never_universal", "nevertreated", "universal", 0),
        case(df, "notyet_varying_anticipation1", "notyettreated", "varying", 1),
        case(df, "never_universal_anticipation1", "nevertreated", "universal", 1),
        case(df, "never_varying_cluster_site", "nevertreated", "varying", 0, cluster="site"),
        case(df, "notyet_universal_cluster_site", "notyettreated", "universal", 0, cluster="site"),
    ]
    doc = {
        "tool": "csdid (Python)",
        "tool_version": importlib.metadata.version("csdid"),
        "numpy_version": np.__version__,
        "pandas_version": pd.__version__,
        "script": "scripts/reference/cs_reference.py",
        "data": DATA,
        "seed": SEED,
        "estimator": "unconditional (no covariates), est_method='reg', analytic SEs (bstrap=False)",
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
