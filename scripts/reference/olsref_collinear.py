"""The exactly collinear case: which column R's lm drops, and the fit without it."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import patsy
import statsmodels

from olsref_spec import FitSpec, nullable, provenance, sha256
from olsref_statsmodels import covariance_conventions

COLLINEAR = "datasets/reference/data/ols_collinear.csv"
R_TOLERANCE = 1e-7  # R lm(): qr(x, tol = 1e-07), LINPACK dqrdc2

RANK_RULE = (
    "R lm() convention (LINPACK dqrdc2 with limited pivoting, tol = 1e-7): columns are taken in "
    "design order; a column whose norm, after removing its projection on the columns kept "
    "before it, is below 1e-7 times its original norm is declared dependent, moved to the end "
    "and reported as NA. Hence the LAST column of a dependent set, in formula order, is dropped. "
    "The remaining coefficients and covariances are those of the fit without the dropped "
    "column(s) (fitted_formula). Note: a fully pivoted QR (LAPACK dgeqp3) orders columns by "
    "norm and can pick a different column; and statsmodels does not drop at all (pinv gives "
    "the minimum-norm solution over all columns), so statsmodels is run on fitted_formula."
)


def r_style_dropped(x: np.ndarray, tol: float = R_TOLERANCE) -> list[int]:
    """Indices of the columns R's lm would alias (sequential test described in RANK_RULE)."""
    kept: list[int] = []
    dropped: list[int] = []
    for j in range(x.shape[1]):
        col = x[:, j]
        resid = col
        if kept:
            q, _ = np.linalg.qr(x[:, kept])
            resid = col - q @ (q.T @ col)
        (dropped if np.linalg.norm(resid) < tol * np.linalg.norm(col) else kept).append(j)
    return dropped


def _specs() -> list[tuple[FitSpec, str]]:
    clusters = ["firm", "year"]
    regressors = ["x1", "x2", "x3"]
    return [
        (FitSpec("collinear_x3_last", "x3 = x1 + x2 written last: R drops x3.", COLLINEAR,
                 "y ~ x1 + x2", "y", regressors, clusters), "y ~ x1 + x2 + x3"),
        (FitSpec("collinear_x3_first", "x3 = x1 + x2 written first: R drops x2 (the last of the "
                 "dependent set in formula order).", COLLINEAR,
                 "y ~ x3 + x1", "y", ["x3", "x1", "x2"], clusters), "y ~ x3 + x1 + x2"),
    ]


def _pyfixest_full(full: str, d: pd.DataFrame) -> dict:
    import pyfixest as pf

    call = f'pf.feols("{full}", data=d, vcov="iid")'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = eval(call, {"pf": pf, "d": d})
    names = [str(n) for n in m.coef().index]
    all_names = ["Intercept", *[t.strip() for t in full.split("~")[1].split("+")]]
    return {
        "tool": "pyfixest",
        "tool_version": pf.__version__,
        "call": call,
        "dropped": [n for n in all_names if n not in names],
        "coefficient_names": names,
        "coefficients": [float(v) for v in m.coef()],
    }


def collinear_case(use_r: bool, build_fit, common_conventions: dict) -> dict:
    from olsref_crosscheck import r_cross_check

    data = pd.read_csv(COLLINEAR)
    fits = []
    for spec, full in _specs():
        x = patsy.dmatrix(full.split("~")[1], data, return_type="dataframe")
        names = list(x.columns)
        dropped = [names[j] for j in r_style_dropped(x.to_numpy())]
        kept = [n for n in names if n not in dropped]
        record = build_fit(spec, use_r=False)
        assert record["coefficient_names"] == kept, (record["coefficient_names"], kept)
        coef = dict(zip(kept, record["coefficients"]))
        full_record = {
            "name": record.pop("name"),
            "description": record.pop("description"),
            "estimator": record.pop("estimator"),
            "formula": full,
            "fitted_formula": record.pop("formula"),
            "full_coefficient_names": names,
            "full_rank": len(kept),
            "dropped_columns": dropped,
            "coefficients_full": nullable([coef.get(n, np.nan) for n in names]),
            "rank_rule": RANK_RULE,
            "rank_tolerance": R_TOLERANCE,
            **record,
        }
        rows = data.dropna(subset=spec.used_columns).reset_index(drop=True)
        full_record["pyfixest_full_formula"] = _pyfixest_full(full, rows)
        if use_r:
            r = r_cross_check(spec, record, formula=full)
            assert [n.replace("(Intercept)", "Intercept") for n in r["aliased"]] == dropped, r["aliased"]
            full_record["cross_check_r"] = r
        fits.append(full_record)
    return {
        "case": "ols_collinear",
        "description": "Exactly collinear design, x3 = x1 + x2 (x1, x2 multiples of 1/64, so the "
        "identity is exact in binary floating point): the column dropped under R's rule and the "
        "fit without it, under every covariance.",
        **provenance("statsmodels", statsmodels.__version__),
        "data": COLLINEAR,
        "data_sha256": sha256(COLLINEAR),
        "conventions": {**covariance_conventions(weighted=False), **common_conventions,
                        "rank_rule": RANK_RULE},
        "fits": fits,
    }
