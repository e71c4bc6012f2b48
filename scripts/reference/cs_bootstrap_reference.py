"""Reference values for the Callaway & Sant'Anna (2021) multiplier bootstrap and uniform bands.

Records Python `csdid`'s multiplier-bootstrap standard errors and simultaneous (sup-t) critical
values, with B = 20,000 Rademacher draws, on the panel of `cs_reference.py`
(`datasets/reference/data/cs_staggered_panel.csv`), in `datasets/reference/cs_bootstrap.json`:

    np.random.seed(SEED)
    ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
          control_group=<cg>, clustervar=<None|"site">, biters=20000, cband=True, alp=0.05)
    .fit(est_method="reg", base_period=<bp>, bstrap=True)
    .aggte(typec=<simple|dynamic|group|calendar>, bstrap=True, cband=True, biters=20000)

and, for the first case, the dynamic aggregation over event times -2..3
(`aggte(typec="dynamic", min_e=-2, max_e=3, ...)`, bootstrapped and with bstrap=False).

A bootstrap cannot be matched draw by draw across generators, so the Swift tests compare their
own large-B results with these at a Monte Carlo tolerance. csdid draws one Rademacher weight per
unit (or per cluster, applied to cluster sums of the influence function), takes the bootstrap SE
as IQR / (z_.75 - z_.25) with type-1 quantiles, and the critical value as the type-1 1 - alp
quantile of max_j |replicate_j / se_j| (`csdid/utils/mboot.py`, R `did` `mboot.R`). Aggregation
element SEs come from one bootstrap call per element; the band's critical value from one call over
all elements. Run from the repository root: `python3 scripts/reference/cs_bootstrap_reference.py`.
"""
import importlib.metadata
import json
import warnings

import numpy as np
import pandas as pd
from csdid.att_gt import ATTgt

SEED = 20261123
BITERS = 20000
ALPHA = 0.05
DATA = "datasets/reference/data/cs_staggered_panel.csv"
OUT = "datasets/reference/cs_bootstrap.json"


def plain(x):
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(x, dtype=float).ravel()]


def case(df, name, control_group, base_period, cluster=None, window=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.random.seed(SEED)
        model = ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
                      control_group=control_group, clustervar=cluster, biters=BITERS, cband=True,
                      alp=ALPHA)
        model.fit(est_method="reg", base_period=base_period, bstrap=True)
        res = model.results
        out = {
            "name": name,
            "control_group": control_group,
            "base_period": base_period,
            "cluster": cluster,
            "call": f'np.random.seed({SEED}); ATTgt(yname="y", tname="period", idname="id", '
                    f'gname="cohort", data=df, control_group="{control_group}", '
                    + (f'clustervar="{cluster}", ' if cluster else "")
                    + f'biters={BITERS}, cband=True, alp={ALPHA})'
                    f'.fit(est_method="reg", base_period="{base_period}", bstrap=True)',
            "group": plain(res["group"]),
            "period": plain(res["year"]),
            "att": plain(res["att"]),
            "se": plain(res["se"]),
            "crit_val": float(np.ravel(res["c"])[0]),
            "aggregations": {},
        }
        for kind in ["simple", "dynamic", "group", "calendar"]:
            a = model.aggte(typec=kind, bstrap=True, cband=True, biters=BITERS, alp=ALPHA).atte
            entry = {"overall_att": float(np.ravel(a["overall_att"])[0]),
                     "overall_se": float(np.ravel(a["overall_se"])[0])}
            if kind != "simple":
                entry["labels"] = plain(a["egt"])
                entry["att"] = plain(a["att_egt"])
                entry["se"] = plain(a["se_egt"])
                entry["crit_val"] = float(np.ravel(a["crit_val_egt"])[0])
            out["aggregations"][kind] = entry
        if window:
            # An event-time window, bootstrapped and analytic (after the draws above, so they are unchanged).
            lo, hi = window
            a = model.aggte(typec="dynamic", min_e=lo, max_e=hi, bstrap=True, cband=True, biters=BITERS,
                            alp=ALPHA).atte
            b = model.aggte(typec="dynamic", min_e=lo, max_e=hi, bstrap=False, cband=False).atte
            out["dynamic_window"] = {
                "min_e": lo, "max_e": hi,
                "call": f'aggte(typec="dynamic", min_e={lo}, max_e={hi}, bstrap=True, cband=True, '
                        f'biters={BITERS}, alp={ALPHA}) and the same with bstrap=False, cband=False',
                "labels": plain(a["egt"]), "att": plain(b["att_egt"]), "analytic_se": plain(b["se_egt"]),
                "overall_att": float(np.ravel(b["overall_att"])[0]),
                "overall_analytic_se": float(np.ravel(b["overall_se"])[0]),
                "se": plain(a["se_egt"]), "overall_se": float(np.ravel(a["overall_se"])[0]),
                "crit_val": float(np.ravel(a["crit_val_egt"])[0]),
            }
    return out


def main():
    df = pd.read_csv(DATA)
    cases = [
        case(df, "never_varying", "nevertreated", "varying", window=(-2, 3)),
        case(df, "notyet_universal", "notyettreated", "universal"),
        case(df, "never_varying_cluster_site", "nevertreated", "varying", cluster="site"),
    ]
    doc = {
        "tool": "csdid (Python)",
        "tool_version": importlib.metadata.version("csdid"),
        "numpy_version": np.__version__,
        "pandas_version": pd.__version__,
        "script": "scripts/reference/cs_bootstrap_reference.py",
        "data": DATA,
        "seed": SEED,
        "biters": BITERS,
        "alp": ALPHA,
        "estimator": "unconditional (no covariates), est_method='reg', multiplier bootstrap "
                     "(Rademacher weights), cband=True",
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
