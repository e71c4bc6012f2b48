"""Reference values for the Callaway–Sant'Anna pre-trend Wald statistic W of the refutation battery.

Reads the panel of `scripts/reference/cs_reference.py` (`datasets/reference/data/cs_staggered_panel.csv`)
and records Python `csdid`'s parallel-trends pre-test, which matches R `did` `att_gt`'s `W`/`Wpval`
(W = n * preatt' solve(preV) preatt over the cells with t < g - anticipation, analytic V, chi-square
p-value rounded to 5 decimals), in `datasets/reference/refutation_pretest.json`:

    ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
          control_group=<cg>, anticipation=<a>, clustervar=<cluster>).fit(
          est_method="reg", base_period=<bp>, bstrap=False)
    model.results["W"] / ["Wpval"]  (model.MP in csdid 0.4.3)

Run from the repository root: `python3 scripts/reference/refutation_pretest.py`.
"""
import importlib.metadata
import json
import warnings

import pandas as pd
from csdid.att_gt import ATTgt

DATA = "datasets/reference/data/cs_staggered_panel.csv"
OUT = "datasets/reference/refutation_pretest.json"


def case(df, name, control_group, base_period, anticipation, cluster=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df,
                      control_group=control_group, anticipation=anticipation, clustervar=cluster)
        model.fit(est_method="reg", base_period=base_period, bstrap=False)
    return {
        "name": name,
        "control_group": control_group,
        "base_period": base_period,
        "anticipation": anticipation,
        "cluster": cluster,
        "call": f'ATTgt(yname="y", tname="period", idname="id", gname="cohort", data=df, '
                f'control_group="{control_group}", anticipation={anticipation}'
                + (f', clustervar="{cluster}"' if cluster else "") + ")"
                f'.fit(est_method="reg", base_period="{base_period}", bstrap=False); MP["W"], MP["Wpval"]',
        "W": float(model.MP["W"]),
        "Wpval": float(model.MP["Wpval"]),
    }


def main():
    df = pd.read_csv(DATA)
    cases = [
        case(df, "never_varying", "nevertreated", "varying", 0),
        case(df, "notyet_varying", "notyettreated", "varying", 0),
        case(df, "never_universal", "nevertreated", "universal", 0),
        case(df, "notyet_varying_anticipation1", "notyettreated", "varying", 1),
        case(df, "never_varying_cluster_site", "nevertreated", "varying", 0, cluster="site"),
    ]
    doc = {
        "tool": "csdid (Python)",
        "tool_version": importlib.metadata.version("csdid"),
        "pandas_version": pd.__version__,
        "script": "scripts/reference/refutation_pretest.py",
        "data": DATA,
        "statistic": "parallel-trends Wald pre-test W and its chi-square p-value (R did att_gt W, Wpval)",
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
