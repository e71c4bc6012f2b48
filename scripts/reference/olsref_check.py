"""Independent numpy re-implementation of every recorded quantity, written from the formulas in
`covariance_conventions`: if statsmodels' conventions differed from the text, this check fails.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import patsy
from scipy import stats

TOLERANCE = 1e-9  # relative to the largest entry of the compared object


def _rel(a, b, relative: bool = True) -> float:
    """max |a - b| / max |b| (or max |a - b|); None/NaN must sit at the same places in both
    (else inf)."""
    a = np.array([np.nan if v is None else v for v in np.ravel(np.asarray(a, dtype=object))], float)
    b = np.array([np.nan if v is None else v for v in np.ravel(np.asarray(b, dtype=object))], float)
    if not np.array_equal(np.isnan(a), np.isnan(b)):
        return float("inf")
    ok = ~np.isnan(b)
    if not ok.any():
        return 0.0
    scale = max(np.max(np.abs(b[ok])), np.finfo(float).tiny) if relative else 1.0
    return float(np.max(np.abs(a[ok] - b[ok])) / scale)


def _cluster_meat(scores: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, int]:
    codes, _ = pd.factorize(pd.Series(ids))
    g = int(codes.max()) + 1
    sums = np.zeros((g, scores.shape[1]))
    np.add.at(sums, codes, scores)
    return sums.T @ sums, g


def independent_vcovs(formula: str, d: pd.DataFrame, weights: str | None, clusters: list[str]):
    """Coefficients and every covariance matrix from first principles (lstsq + sandwich)."""
    y, x = patsy.dmatrices(formula, d, return_type="dataframe", NA_action="raise")
    names = list(x.columns)
    y, x = y.to_numpy()[:, 0], x.to_numpy()
    w = np.ones(len(y)) if weights is None else d[weights].to_numpy(float)
    sw = np.sqrt(w)
    beta, *_ = np.linalg.lstsq(x * sw[:, None], y * sw, rcond=None)
    e = y - x @ beta
    n, k = x.shape
    bread = np.linalg.inv((x * w[:, None]).T @ x)
    scores = x * (w * e)[:, None]
    h = w * np.einsum("ij,jk,ik->i", x, bread, x)

    def sandwich(meat):
        return bread @ meat @ bread

    v = {"classical": np.sum(w * e**2) / (n - k) * bread}
    v["HC0"] = sandwich(scores.T @ scores)
    v["HC1"] = n / (n - k) * v["HC0"]
    v["HC2"] = sandwich((scores / (1 - h)[:, None]).T @ scores)
    v["HC3"] = sandwich((scores / ((1 - h) ** 2)[:, None]).T @ scores)
    df = {key: float(n - k) for key in v}
    g_of = {}

    def cr1(ids):
        meat, g = _cluster_meat(scores, ids)
        return g / (g - 1) * (n - 1) / (n - k) * sandwich(meat), g

    if clusters:
        a = clusters[0]
        v[f"CR1:{a}"], g_of[a] = cr1(d[a].to_numpy())
        df[f"CR1:{a}"] = float(g_of[a] - 1)
    if len(clusters) == 2:
        a, b = clusters
        vb, g_of[b] = cr1(d[b].to_numpy())
        cells = (d[a].astype(str) + "\x1f" + d[b].astype(str)).to_numpy()
        vab, _ = cr1(cells)
        v[f"CR1:{a}+{b}"] = v[f"CR1:{a}"] + vb - vab
        df[f"CR1:{a}+{b}"] = float(min(g_of[a], g_of[b]) - 1)
    return names, beta, v, df


def check_fit(record: dict, d: pd.DataFrame) -> dict:
    """Compare a statsmodels fit record with the independent computation; raise if they differ."""
    names, beta, v, df = independent_vcovs(record["formula"], d, record["weights"], record["cluster_columns"])
    assert names == record["coefficient_names"], (names, record["coefficient_names"])
    out = {"coefficients_max_rel_diff": _rel(record["coefficients"], beta), "covariances": {}}
    assert out["coefficients_max_rel_diff"] < TOLERANCE, out
    for key, cov in record["covariances"].items():
        vcov = v[key]
        with np.errstate(invalid="ignore"):  # a negative two-way variance has no SE (NaN)
            se = np.sqrt(np.diag(vcov))
        t = beta / se
        p = 2 * stats.t.sf(np.abs(t), df[key])
        q = stats.t.ppf(0.975, df[key])
        diffs = {
            "vcov": _rel(cov["vcov"], vcov),
            "se": _rel(cov["se"], se),
            "t": _rel(cov["t"], t),
            "p_abs": _rel(cov["p"], p, relative=False),
            "ci": max(_rel(cov["ci_lower"], beta - q * se), _rel(cov["ci_upper"], beta + q * se)),
        }
        assert cov["df"] == df[key], (key, cov["df"], df[key])
        assert max(diffs.values()) < TOLERANCE, (record["name"], key, diffs)
        if "wald_f_all_slopes" in cov:
            j = names.index("Intercept")
            r = np.delete(np.eye(len(names)), j, axis=0)
            rb = r @ beta
            f = float(rb @ np.linalg.solve(r @ vcov @ r.T, rb) / r.shape[0])
            wf = cov["wald_f_all_slopes"]
            diffs["wald_f"] = abs(wf["statistic"] - f) / abs(f)
            assert wf["df_denom"] == df[key], (key, wf)
            assert diffs["wald_f"] < TOLERANCE, (key, diffs)
        out["covariances"][key] = diffs
    return out
