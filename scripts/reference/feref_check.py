"""Independent numpy re-implementation of the fixed-effects fits and of the stated conventions.

Rows: drop missing values, then (fixef_rm='singleton') iterated singleton removal. Slopes and
residuals: least squares on the full dummy-variable design (numpy lstsq, no projection). The
demeaned regressors X~ are the residuals of each regressor on the dummies, so the bread and scores
follow by Frisch-Waugh-Lovell. Covariances: the formulas in fe_reference.CONVENTIONS. The script
stops when pyfixest and this code differ by more than TOLERANCE (relative).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

TOLERANCE = 1e-9


def parse(formula: str) -> tuple[str, list[str], list[str]]:
    lhs, rest = formula.split("~")
    rhs, fes = rest.split("|")
    return lhs.strip(), [t.strip() for t in rhs.split("+")], [f.strip() for f in fes.split("+")]


def raw_variable(term: str) -> str:
    return term[2:-1] if term.startswith("C(") else term


def drop_singletons(d: pd.DataFrame, fes: list[str]) -> pd.DataFrame:
    while True:
        keep = np.ones(len(d), dtype=bool)
        for f in fes:
            counts = d[f].map(d[f].value_counts())
            keep &= (counts > 1).to_numpy()
        if keep.all():
            return d
        d = d[keep].reset_index(drop=True)


def column(d: pd.DataFrame, name: str) -> np.ndarray:
    if name.startswith("C(") and "[T." in name:
        var = name[2:name.index(")")]
        level = name[name.index("[T.") + 3:-1]
        return (d[var].astype(str) == level).to_numpy(dtype=float)
    return d[name].to_numpy(dtype=float)


def dummies(d: pd.DataFrame, fes: list[str]) -> np.ndarray:
    blocks = [pd.get_dummies(d[f].astype(str)).to_numpy(dtype=float) for f in fes]
    return np.hstack(blocks)


def rel(a: float, b: float) -> float:
    return 0.0 if a == b else abs(a - b) / max(abs(b), 1e-300)


def stated_covariance(key, cov, x, e, w, levels, fe_codes, d, n, k):
    """The covariance of `key` under the ssc of `cov`, by the formulas in CONVENTIONS."""
    ssc = cov["ssc"]
    bread = np.linalg.inv(x.T @ (w[:, None] * x))
    q = len(levels)
    k_fe = sum(levels) - (q - 1)
    kind = key.split("@")[0]
    nested = [False] * q
    clusters = kind.split(":")[1].split("+") if kind.startswith("CRV1") else []
    if clusters and ssc["k_fixef"] == "nonnested":
        for j, codes in enumerate(fe_codes):
            for c in clusters:
                per_level = pd.Series(d[c].to_numpy()).groupby(codes).nunique()
                nested[j] = nested[j] or bool((per_level == 1).all())
    if ssc["k_fixef"] == "none":
        df_k = k
    elif ssc["k_fixef"] == "full" or not any(nested):
        df_k = k + k_fe
    else:
        df_k = k + k_fe - sum(lv for lv, nst in zip(levels, nested) if nst) + sum(nested)
    u = w * e
    if kind == "iid":
        factor = (n - 1) / (n - df_k) if ssc["k_adj"] else 1.0
        return (np.sum(w * e * e) / (n - 1)) * factor * bread, n - df_k, df_k
    if kind == "hetero":
        factor = n / (n - df_k) if ssc["k_adj"] else 1.0
        meat = (x * (u * u)[:, None]).T @ x
        return factor * bread @ meat @ bread, n - df_k, df_k
    adj = (n - 1) / (n - df_k) if ssc["k_adj"] else 1.0
    ids = [pd.factorize(d[c].astype(str))[0] for c in clusters]
    terms = [(ids[0], 1.0)]
    if len(ids) == 2:
        both = pd.factorize(pd.Series(ids[0]).astype(str) + "-" + pd.Series(ids[1]).astype(str))[0]
        terms = [(ids[0], 1.0), (ids[1], 1.0), (both, -1.0)]
    g_min = min(len(np.unique(i)) for i in ids)
    v = np.zeros((k, k))
    for codes, sign in terms:
        g = len(np.unique(codes))
        g_used = g_min if ssc["G_df"] == "min" else g
        factor = adj * (g_used / (g_used - 1) if ssc["G_adj"] else 1.0)
        scores = np.zeros((g, k))
        np.add.at(scores, codes, x * u[:, None])
        v += sign * factor * bread @ (scores.T @ scores) @ bread
    return v, g_min - 1, df_k


def check_fit(s: dict, d: pd.DataFrame, record: dict) -> dict:
    outcome, terms, fes = parse(s["formula"])
    used = [outcome, *[raw_variable(t) for t in terms], *fes] + ([s["weights"]] if s["weights"] else [])
    rows = d.dropna(subset=used).reset_index(drop=True)
    if s["fixef_rm"] == "singleton":
        rows = drop_singletons(rows, fes)
    n = len(rows)
    assert n == record["n_used"], f"{s['name']}: {n} rows here, pyfixest used {record['n_used']}"
    w = rows[s["weights"]].to_numpy(dtype=float) if s["weights"] else np.ones(n)
    root = np.sqrt(w)
    y = rows[outcome].to_numpy(dtype=float)
    x = np.column_stack([column(rows, name) for name in record["coefficient_names"]])
    dm = dummies(rows, fes)
    full = np.hstack([x, dm])
    beta, *_ = np.linalg.lstsq(root[:, None] * full, root * y, rcond=None)
    slopes = beta[: x.shape[1]]
    e = y - full @ beta
    # Demeaned regressors and outcome: residuals on the dummies (weighted).
    proj, *_ = np.linalg.lstsq(root[:, None] * dm, root[:, None] * np.column_stack([x, y]), rcond=None)
    tilde = np.column_stack([x, y]) - dm @ proj
    x_t, y_t = tilde[:, :-1], tilde[:, -1]
    levels = [rows[f].nunique() for f in fes]
    assert levels == list(record["fixed_effects"].values()), f"{s['name']}: levels {levels} vs {record['fixed_effects']}"
    fe_codes = [pd.factorize(rows[f])[0] for f in fes]
    k = x.shape[1]
    k_fe = sum(levels) - (len(levels) - 1)
    ssr = float(np.sum(w * e * e))
    ybar = np.sum(w * y) / np.sum(w)
    r2 = 1 - ssr / float(np.sum(w * (y - ybar) ** 2))
    r2_within = 1 - ssr / float(np.sum(w * y_t**2))
    stats = {
        "r2": r2, "adj_r2": 1 - (1 - r2) * (n - 1) / (n - k - k_fe), "r2_within": r2_within,
        "adj_r2_within": 1 - (1 - r2_within) * (n - k_fe) / (n - k - k_fe),
    }
    worst = {"coefficients": max(rel(a, b) for a, b in zip(slopes, record["coefficients"]))}
    for key, value in stats.items():
        worst[key] = rel(value, record[key])
    se_worst = 0.0
    for key, cov in record["covariances"].items():
        v, df_t, df_k = stated_covariance(key, cov, x_t, e, w, levels, fe_codes, rows, n, k)
        assert df_t == cov["df_t"] and df_k == cov["df_k"], f"{s['name']} {key}: df {df_t}/{df_k} vs {cov}"
        se = np.sqrt(np.diag(v))
        se_worst = max(se_worst, max(rel(a, b) for a, b in zip(se, cov["se"])))
    worst["standard_errors"] = se_worst
    bad = {k_: v for k_, v in worst.items() if v > TOLERANCE}
    if bad:
        raise SystemExit(f"{s['name']}: pyfixest and numpy differ: {bad}")
    return {"max_relative_difference": worst, "tolerance": TOLERANCE,
            "method": "numpy lstsq on [X, all dummies] (weighted); covariances by the stated formulas"}
