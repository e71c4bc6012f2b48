"""statsmodels fits of one FitSpec under every covariance, each from an exact, recorded call."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

from olsref_spec import FitSpec, floats, matrix, nullable, observation_account

HC_TYPES = ("HC0", "HC1", "HC2", "HC3")


def covariance_conventions(weighted: bool) -> dict:
    """The formula behind every covariance key, as statsmodels computes it (checked against an
    independent numpy implementation in olsref_check.py for every fit)."""
    if weighted:
        score = "s_i = w_i x_i e_i (e_i = y_i - x_i'b, raw residual)"
        bread = "B = (X'WX)^-1"
        leverage = "h_ii = w_i x_i' B x_i (hat matrix of sqrt(w) X)"
    else:
        score = "s_i = x_i e_i"
        bread = "B = (X'X)^-1"
        leverage = "h_ii = x_i' B x_i"
    return {
        "notation": f"N rows used, K = rank of X (columns), {bread}, {score}, {leverage}; "
        "t statistics t_j = b_j / se_j; two-sided p = 2 * (1 - F_t(|t_j|; df)); "
        "95% interval b_j -/+ F_t^-1(0.975; df) * se_j (Student t with the df stated per key).",
        "classical": "V = s^2 B, s^2 = sum(w_i e_i^2) / (N - K) (w_i = 1 for OLS); df = N - K.",
        "HC0": "V = B (sum_i s_i s_i') B (White 1980); df = N - K.",
        "HC1": "V = N / (N - K) * HC0 (MacKinnon-White 1985); df = N - K.",
        "HC2": "V = B (sum_i s_i s_i' / (1 - h_ii)) B; df = N - K.",
        "HC3": "V = B (sum_i s_i s_i' / (1 - h_ii)^2) B; df = N - K.",
        "CR1:<c>": "one-way cluster (statsmodels cov_type='cluster', use_correction=True, "
        "df_correction=True, use_t=True): V = G/(G-1) * (N-1)/(N-K) * B (sum_g S_g S_g') B, "
        "S_g = sum_{i in g} s_i, G = number of clusters; df = G - 1.",
        "CR1:<a>+<b>": "two-way cluster, Cameron-Gelbach-Miller (2011) V = V_a + V_b - V_ab "
        "(statsmodels cov_type='cluster' with a 2-column groups array, i.e. "
        "sandwich_covariance.cov_cluster_2groups): each of the three terms is the one-way CR1 "
        "matrix above WITH ITS OWN factor G_j/(G_j-1) * (N-1)/(N-K), where G_a, G_b are the "
        "numbers of clusters in each dimension and G_ab the number of NON-EMPTY a x b cells "
        "(the intersection clustering). V = c_a M_a + c_b M_b - c_ab M_ab, "
        "M_j = B (sum_g S_g S_g') B over the clusters of dimension j, "
        "c_j = G_j/(G_j-1) * (N-1)/(N-K). No eigenvalue correction: V need not be positive "
        "semi-definite (min_eigenvalue is reported). df = min(G_a, G_b) - 1. "
        "This equals R sandwich::vcovCL(fit, cluster = ~a + b, type = 'HC1', cadjust = TRUE, "
        "multi0 = FALSE). pyfixest/fixest default differs (see cross_check_pyfixest).",
    }


def _calls(spec: FitSpec) -> dict[str, str]:
    """Exact statements, evaluated as written, one per covariance key."""
    model = spec.model_expression()
    calls = {"classical": f"{model}.fit(use_t=True)"}
    for hc in HC_TYPES:
        calls[hc] = f'{model}.fit(cov_type="{hc}", use_t=True)'
    if spec.clusters:
        a = spec.clusters[0]
        calls[f"CR1:{a}"] = (
            f'{model}.fit(cov_type="cluster", cov_kwds={{"groups": pd.factorize(d["{a}"])[0], '
            f'"use_correction": True, "df_correction": True}}, use_t=True)'
        )
    if len(spec.clusters) == 2:
        a, b = spec.clusters
        calls[f"CR1:{a}+{b}"] = (
            f'{model}.fit(cov_type="cluster", cov_kwds={{"groups": np.column_stack('
            f'[pd.factorize(d["{a}"])[0], pd.factorize(d["{b}"])[0]]), '
            f'"use_correction": True, "df_correction": True}}, use_t=True)'
        )
    return calls


def _n_clusters(d: pd.DataFrame, key: str) -> dict | None:
    if not key.startswith("CR1:"):
        return None
    names = key[4:].split("+")
    out = {n: int(d[n].nunique()) for n in names}
    if len(names) == 2:
        out[f"{names[0]}*{names[1]}"] = int(len(d.groupby(names)))
    return out


def convention_for(key: str, conventions: dict) -> str:
    """The convention text of a covariance key, with the cluster names filled in."""
    if not key.startswith("CR1:"):
        return conventions[key]
    names = key[4:].split("+")
    if len(names) == 1:
        return conventions["CR1:<c>"].replace("G = number of clusters", f"G = number of {names[0]} clusters")
    a, b = names
    return f"a = {a}, b = {b}: " + conventions["CR1:<a>+<b>"]


def _inference(res, key: str, d: pd.DataFrame, call: str, names: list[str], convention: str) -> dict:
    assert res.use_t, "all reference covariances use Student t"
    df = float(getattr(res, "df_resid_inference", None) or res.df_resid)
    ci = np.asarray(res.conf_int(alpha=0.05))
    vcov = np.asarray(res.cov_params())
    out = {
        "call": call,
        "convention": convention,
        "cov_type": res.cov_type,
        "statistic": "t",
        "df": df,
        "n_clusters": _n_clusters(d, key),
        "se": nullable(res.bse),
        "t": nullable(res.tvalues),
        "p": nullable(res.pvalues),
        "ci_lower": nullable(ci[:, 0]),
        "ci_upper": nullable(ci[:, 1]),
        "vcov": matrix(vcov),
        "min_eigenvalue": float(np.linalg.eigvalsh((vcov + vcov.T) / 2).min()),
    }
    if out["n_clusters"] is None:
        del out["n_clusters"]
    # Wald test that every coefficient except the explicit intercept is zero, with this
    # covariance (statsmodels f_test: F = (Rb)'(R V R')^-1 (Rb) / q, F(q, df) reference).
    if "Intercept" in names and len(names) > 1:
        r = np.delete(np.eye(len(names)), names.index("Intercept"), axis=0)
        ft = res.f_test(r)
        out["wald_f_all_slopes"] = {
            "statistic": float(np.squeeze(ft.fvalue)),
            "df_num": float(ft.df_num),
            "df_denom": float(ft.df_denom),
            "p": float(np.squeeze(ft.pvalue)),
        }
    return out


def fit_statsmodels(spec: FitSpec) -> tuple[dict, pd.DataFrame, dict]:
    """Evaluate the recorded statements; returns (fit record, rows used, results by key)."""
    ns: dict = {"np": np, "pd": pd, "smf": smf}
    exec(spec.load_statement(), ns)
    raw = ns["df"]
    account = observation_account(spec, raw)
    exec(spec.drop_statement(), ns)
    d = ns["d"]
    assert len(d) == account["n_used"], "drop account disagrees with dropna"

    calls = _calls(spec)
    with warnings.catch_warnings():
        # A two-way matrix can have a negative diagonal entry: its SE is NaN (written null).
        warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
        results = {key: eval(call, ns) for key, call in calls.items()}
        conventions = covariance_conventions(weighted=spec.weights is not None)
        names = list(results["classical"].params.index)
        records = {
            key: _inference(results[key], key, d, calls[key], names, convention_for(key, conventions))
            for key in calls
        }
    base = results["classical"]
    record = {
        "name": spec.name,
        "description": spec.description,
        "estimator": spec.estimator,
        "formula": spec.formula,
        "weights": spec.weights,
        "data": spec.data,
        "cluster_columns": spec.clusters,
        "data_preparation": [spec.load_statement(), spec.drop_statement()],
        **account,
        "coefficient_names": names,
        "coefficients": floats(base.params),
        "rank": int(base.model.rank),
        "has_intercept": "Intercept" in names,
        "statsmodels_k_constant": int(base.model.k_constant),
        "r_squared": float(base.rsquared),
        "adj_r_squared": float(base.rsquared_adj),
        "f_statistic": float(base.fvalue),
        "f_p_value": float(base.f_pvalue),
        "df_model": float(base.df_model),
        "df_resid": float(base.df_resid),
        "ssr": float(base.ssr),
        "sigma": float(np.sqrt(base.scale)),
        "covariances": records,
    }
    if spec.notes:
        record["notes"] = spec.notes
    for res in results.values():
        assert np.array_equal(res.params.values, base.params.values)
    return record, d, results
