#!/usr/bin/env python3
"""Reference wild cluster bootstrap tests from the Python `wildboottest` package.

Run: python3 scripts/reference/wild_bootstrap_reference.py  (pip install wildboottest)
Writes datasets/reference/wild_bootstrap.json and datasets/reference/data/wild_bootstrap.csv.

With Rademacher weights and 2^G < B, wildboottest enumerates every sign vector, so its t statistic,
bootstrap t's and p-values are deterministic: the Swift tests match them at 1e-8. Calls:
    wb = WildboottestCL(X=X, Y=y, cluster=cluster, R=R, B=999)
    wb.get_scores(bootstrap_type="11", impose_null=True|False)
    wb.get_weights(weights_type="rademacher"); wb.get_numer(); wb.get_denom(); wb.get_tboot()
    wb.get_vcov(); wb.get_tstat(); wb.get_pvalue("two-tailed" | "equal-tailed")
"""
import json
from importlib.metadata import version

import numpy as np
import pandas as pd
from wildboottest.wildboottest import WildboottestCL

rng = np.random.default_rng(20261125)
N, G = 240, 8
cluster = np.sort(rng.integers(0, G, N))
cluster_effect = rng.normal(0, 1, G)[cluster]
x1 = rng.normal(0, 1, N) + 0.5 * rng.normal(0, 1, G)[cluster]
x2 = rng.normal(0, 1, N)
y = 1.0 + 0.15 * x1 - 0.5 * x2 + cluster_effect + rng.normal(0, 1, N)
frame = pd.DataFrame({"y": y, "x1": x1, "x2": x2, "cluster": cluster})
frame.to_csv("datasets/reference/data/wild_bootstrap.csv", index=False, float_format="%.17g")

X = np.column_stack([np.ones(N), x1, x2])
cases = []
for coefficient in [1, 2]:
    for impose_null in [True, False]:
        R = np.zeros(3)
        R[coefficient] = 1
        wb = WildboottestCL(X=X, Y=y, cluster=cluster, R=R, B=999, seed=1)
        wb.get_scores(bootstrap_type="11", impose_null=impose_null)
        wb.get_weights(weights_type="rademacher")
        wb.get_numer()
        wb.get_denom()
        wb.get_tboot()
        wb.get_vcov()
        wb.get_tstat()
        wb.get_pvalue(pval_type="two-tailed")
        two = float(wb.pvalue)
        wb.get_pvalue(pval_type="equal-tailed")
        equal = float(wb.pvalue)
        cases.append({
            "coefficient": coefficient, "impose_null": impose_null, "replicates": int(wb.B),
            "t_statistic": float(np.asarray(wb.t_stat).ravel()[0]), "p_value": two, "equal_tailed_p_value": equal,
            "bootstrap_t_sorted": sorted(float(v) for v in np.asarray(wb.t_boot).ravel()),
        })

json.dump({
    "tool": "wildboottest", "tool_version": version("wildboottest"), "numpy_version": np.__version__,
    "generated_by": "scripts/reference/wild_bootstrap_reference.py",
    "data": "datasets/reference/data/wild_bootstrap.csv", "design": "y ~ 1 + x1 + x2, clusters: cluster (G = 8)",
    "call": "WildboottestCL(X, Y, cluster, R = e_j, B = 999); get_scores('11', impose_null); "
            "get_weights('rademacher') (full enumeration: 2^8 < 999); get_pvalue('two-tailed' | 'equal-tailed')",
    "cases": cases,
}, open("datasets/reference/wild_bootstrap.json", "w"), indent=1)
print(json.dumps([{k: v for k, v in c.items() if k != "bootstrap_t_sorted"} for c in cases], indent=1))
