"""The 2x2 difference-in-differences case on the bundled sales-training panel."""

from __future__ import annotations

import pandas as pd
import statsmodels

from olsref_spec import FitSpec, provenance, sha256
from olsref_statsmodels import covariance_conventions

SALES = "datasets/sales-training/sales_training.csv"
TRUE_EFFECT = 1500.0  # scripts/datasets/generate_sales_training.py, TRUE_EFFECT

DID_SPEC = FitSpec(
    "did_2x2",
    "Pooled 2x2 DiD regression: the trained_team:post coefficient is the DiD estimate.",
    SALES,
    "sales ~ trained_team + post + trained_team:post",
    "sales",
    ["trained_team", "post"],
    ["team_id", "month"],
    notes=["Clustering by team_id (the level of treatment assignment, G = 30) is the inference "
           "to report; CR1:team_id+month adds month as a second dimension (G = 24).",
           "CR1:team_id+month is NOT positive semi-definite here: the trained_team:post variance "
           "V_team + V_month - V_team*month is negative, so its se, t, p and interval are null. "
           "Persistent employee and team effects make the pre- and post-period scores of a team "
           "offset each other inside a team cluster, but not inside a team x month cell, so the "
           "intersection term exceeds the sum. The matrix is recorded as computed (no eigenvalue "
           "fix): a workbench must report such a standard error as undefined, not as a number."],
)


def means_table(data: str) -> dict:
    """Group x period means of sales (missing sales skipped) with counts, and the DiD of means."""
    ns = {"pd": pd}
    load = f'df = pd.read_csv("{data}")'
    call = 'df.groupby(["trained_team", "post"])["sales"].agg(["mean", "count", "size"])'
    exec(load, ns)
    table = eval(call, ns)
    cells = []
    for (group, post), row in table.iterrows():
        cells.append({
            "trained_team": int(group),
            "post": int(post),
            "mean_sales": float(row["mean"]),
            "n": int(row["count"]),
            "n_rows": int(row["size"]),
            "n_missing_sales": int(row["size"] - row["count"]),
        })
    m = {(c["trained_team"], c["post"]): c["mean_sales"] for c in cells}
    did = (m[1, 1] - m[1, 0]) - (m[0, 1] - m[0, 0])
    return {
        "data_preparation": [load],
        "call": call,
        "definition": "mean over rows with non-missing sales; n = non-missing count, n_rows = all "
        "rows of the cell; did_from_means = (mean[1,1] - mean[1,0]) - (mean[0,1] - mean[0,0]) "
        "with mean[trained_team, post].",
        "cells": cells,
        "did_from_means": did,
    }


def did_case(use_r: bool, build_fit, common_conventions: dict) -> dict:
    fit = build_fit(DID_SPEC, use_r)
    table = means_table(SALES)
    j = fit["coefficient_names"].index("trained_team:post")
    estimate = fit["coefficients"][j]
    # A saturated 2x2 regression reproduces the DiD of cell means exactly (up to rounding).
    gap = abs(estimate - table["did_from_means"]) / abs(estimate)
    assert gap < 1e-10, gap
    table["did_from_means_rel_diff_vs_regression"] = gap
    cluster = fit["covariances"]["CR1:team_id"]
    return {
        "case": "ols_sales_did",
        "description": "2x2 difference-in-differences on the bundled synthetic sales-training "
        "panel (600 employees x 24 months, 15 of 30 teams trained at month 13).",
        **provenance("statsmodels", statsmodels.__version__),
        "data": SALES,
        "data_sha256": sha256(SALES),
        "true_effect": TRUE_EFFECT,
        "did_estimate": {
            "coefficient": "trained_team:post",
            "estimate": estimate,
            "se_CR1_team_id": cluster["se"][j],
            "ci_CR1_team_id": [cluster["ci_lower"][j], cluster["ci_upper"][j]],
            "df": cluster["df"],
            "estimate_minus_true_effect": estimate - TRUE_EFFECT,
        },
        "means_table": table,
        "conventions": {**covariance_conventions(weighted=False), **common_conventions},
        "fits": [fit],
    }
