#!/usr/bin/env python3
"""Regenerate the OLS/WLS reference fixtures datasets/reference/ols_*.json.

Cases
  ols_small.json      datasets/reference/data/ols_small.csv: interaction model, no-intercept
                      model with a full dummy set, WLS; classical, HC0-HC3, CR1 one- and two-way
  ols_sales_did.json  the bundled sales-training panel: the 2x2 difference-in-differences
                      regression and the group x period table of means
  ols_collinear.json  an exactly collinear design (x3 = x1 + x2): the column R's lm drops and
                      the fit without it

Every number comes from evaluating the statement recorded next to it (`call`), on the rows
`data_preparation` leaves; an independent numpy implementation of the stated conventions must
agree to 1e-9 (relative) or the script stops. pyfixest and R (lm + sandwich) cross-checks are
added when available (R via scripts/reference/ols_crosscheck.R; pass --no-r to skip it).

Usage (from anywhere): python3 scripts/reference/ols_reference.py [--no-r]
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import statsmodels

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from olsref_check import check_fit  # noqa: E402
from olsref_collinear import collinear_case  # noqa: E402
from olsref_crosscheck import pyfixest_cross_check, r_available, r_cross_check  # noqa: E402
from olsref_did import did_case  # noqa: E402
from olsref_spec import REPO, FitSpec, provenance, sha256  # noqa: E402
from olsref_statsmodels import covariance_conventions, fit_statsmodels  # noqa: E402

SMALL = "datasets/reference/data/ols_small.csv"

COMMON_CONVENTIONS = {
    "r_squared": "R2 = 1 - SSR/TSS with SSR = sum w_i e_i^2 (w_i = 1 for OLS). With a constant "
    "(statsmodels_k_constant = 1: an explicit Intercept, or an implicit one, i.e. a full dummy "
    "set that spans it) TSS = sum w_i (y_i - ybar_w)^2 around the weighted mean; otherwise the "
    "uncentered sum w_i y_i^2. adj_R2 = 1 - (N - k_c)/(N - K) (1 - R2), k_c = statsmodels_k_constant. "
    "R's lm instead centres only when the formula has an intercept (see cross_check_r).",
    "f_statistic": "classical F = (ESS/df_model)/(SSR/df_resid), ESS = TSS - SSR, "
    "df_model = K - k_c, df_resid = N - K; f_p_value from F(df_model, df_resid).",
    "wald_f_all_slopes": "per covariance, when the model has an explicit Intercept: "
    "F = (Rb)'(R V R')^-1 (Rb)/q for all coefficients but the intercept, q = K - 1, "
    "p from F(q, df) with the df of that covariance (statsmodels f_test).",
    "coefficient_order": "patsy order: Intercept, then terms without numeric factors "
    "(categorical main effects), then the others in formula order; this can differ from the "
    "written formula order. Match coefficients and vcov rows/columns by NAME.",
    "coefficient_names": "patsy names: 'Intercept', 'x1', 'C(group)[T.b]' (treatment dummy, "
    "reference = first sorted level), 'C(group)[a]' (full dummy set when there is no intercept), "
    "'x1:x2' (product).",
    "drop_accounting": "a row missing any used column (outcome, regressors, cluster ids, weight) "
    "is dropped for the whole fit, so every covariance uses the same rows; it is counted once, "
    "under the first reason in the order outcome, regressors (formula order), cluster ids, weight. "
    "dropped_rows[].row is the 0-based data row, .line the 1-based file line (header = line 1).",
    "p_values": "two-sided, Student t with the df given per covariance (statsmodels use_t=True "
    "for every covariance, so HC covariances use t(N - K), not the normal).",
    "numbers": "IEEE double, written with Python repr (shortest round-trip); null = not defined.",
}


def small_specs() -> list[FitSpec]:
    clusters = ["firm", "year"]
    return [
        FitSpec("ols_interaction", "OLS with a categorical factor and a numeric interaction.",
                SMALL, "y ~ x1 + x2 + C(group) + x1:x2", "y", ["x1", "x2", "group"], clusters),
        FitSpec("ols_no_intercept", "OLS without intercept: C(group) enters with all 4 levels.",
                SMALL, "y ~ x1 + C(group) - 1", "y", ["x1", "group"], clusters,
                notes=["No explicit intercept, but the full dummy set spans the constant: statsmodels "
                       "treats it as an implicit constant (statsmodels_k_constant = 1), so r_squared is "
                       "centred, df_model = K - 1 and the F test excludes one dimension. R's lm uses "
                       "the uncentered R2 and df_model = K for a '- 1' formula: see cross_check_r."]),
        FitSpec("wls", "WLS with analytic weights w (statsmodels WLS: minimises sum w_i e_i^2).",
                SMALL, "y ~ x1 + x2 + d + C(group)", "y", ["x1", "x2", "d", "group"], clusters,
                weights="w"),
    ]


def build_fit(spec: FitSpec, use_r: bool) -> dict:
    record, d, _ = fit_statsmodels(spec)
    record["checks"] = {"independent_numpy": check_fit(record, d)}
    record["cross_check_pyfixest"] = pyfixest_cross_check(spec, d, record)
    if use_r:
        record["cross_check_r"] = r_cross_check(spec, record)
    return record


def small_case(use_r: bool) -> dict:
    fits = [build_fit(spec, use_r) for spec in small_specs()]
    return {
        "case": "ols_small",
        "description": "Small seeded design (datasets/reference/data/ols_small.csv, generated by "
        "scripts/reference/generate_reference_data.py) with missing values in y, x1 and the "
        "cluster id firm; three fits under every covariance.",
        **provenance("statsmodels", statsmodels.__version__),
        "data": SMALL,
        "data_sha256": sha256(SMALL),
        "conventions": {**covariance_conventions(weighted=True), **COMMON_CONVENTIONS,
                        "weights": "for OLS fits read w_i = 1 in every formula."},
        "fits": fits,
    }


def write_json(case: dict) -> None:
    path = REPO / "datasets" / "reference" / f"{case['case']}.json"
    text = json.dumps(case, indent=1, allow_nan=False, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)} ({len(text):,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-r", action="store_true", help="skip the R lm + sandwich cross-check")
    args = parser.parse_args()
    use_r = not args.no_r
    if use_r and not r_available():
        sys.exit("Rscript not found: install R (r-base-core r-cran-sandwich) or pass --no-r")
    os.chdir(REPO)  # the recorded calls use repo-relative paths
    write_json(small_case(use_r))
    write_json(did_case(use_r, build_fit, COMMON_CONVENTIONS))
    write_json(collinear_case(use_r, build_fit, COMMON_CONVENTIONS))


if __name__ == "__main__":
    main()
