#!/usr/bin/env python3
"""Regenerate datasets/reference/cov_small.json: cluster covariances and linear hypotheses.

Grid: datasets/reference/data/ols_small.csv (missing values in y, x1 and firm), two formulas x
{OLS, WLS with weights w} x {CR1 one-way, CR2, CR3 by firm, year and group; CR1 two-way
firm+year; CR1 three-way firm+year+group}, plus CR2 Satterthwaite degrees of freedom and one
linear contrast per cluster variable. Clustering by `group` while C(group) is a regressor makes
I - H_gg singular in every cluster: clubSandwich's CR2 uses the pseudo-inverse square root
there and its CR3 fails, both recorded.

Sources: R sandwich (CR1, multi-way) and clubSandwich (CR2, CR3, Satterthwaite) through
scripts/reference/cov_reference.R; statsmodels t_test / f_test / wald_test for linear
combinations and joint tests (HC1 and CR1 by firm). Every R number is re-derived by the dense
numpy implementations in covref_check.py, and the script stops if they differ by more than
1e-9 (relative to sqrt(V_ii V_jj) for matrices).

Usage (from anywhere): python3 scripts/reference/cov_reference.py
Deterministic: running it twice gives byte-identical JSON.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from covref_check import DenseModel, check_against_r  # noqa: E402
from olsref_spec import REPO, FitSpec, floats, matrix, nullable, observation_account, provenance, sha256  # noqa: E402

SMALL = "datasets/reference/data/ols_small.csv"
R_SCRIPT = "scripts/reference/cov_reference.R"
GENERATED_BY = "scripts/reference/cov_reference.py"
CLUSTERS = ["firm", "year", "group"]
CONTRAST = {"x1": 0.5, "x2": 0.5}

INTERACTION = "y ~ x1 + x2 + C(group) + x1:x2"
ADDITIVE = "y ~ x1 + x2 + d"
SPECS = [
    FitSpec("ols_interaction", "OLS with a factor and an interaction", SMALL, INTERACTION, "y",
            ["x1", "x2", "group"], CLUSTERS),
    FitSpec("wls_interaction", "WLS (weights w) with a factor and an interaction", SMALL, INTERACTION, "y",
            ["x1", "x2", "group"], CLUSTERS, weights="w"),
    FitSpec("ols_additive", "OLS, three slopes", SMALL, ADDITIVE, "y", ["x1", "x2", "d"], CLUSTERS),
    FitSpec("wls_additive", "WLS (weights w), three slopes", SMALL, ADDITIVE, "y", ["x1", "x2", "d"], CLUSTERS,
            weights="w"),
]

CONVENTIONS = {
    "notation": "N rows used, K columns, w_i weights (1 for OLS), e_i = y_i - x_i'b raw residuals, "
    "M = (X'WX)^-1, H = X M X'W (N x N), H_gg its cluster block, S_g = sum_{i in g} w_i x_i e_i.",
    "CR1:<c>": "sandwich::vcovCL(type = 'HC1', cadjust = TRUE): G/(G-1) (N-1)/(N-K) M (sum_g S_g S_g') M; df G - 1.",
    "CR1:<a>+<b>(+<c>)": "sandwich::vcovCL(cluster = ~a + b (+ c), type = 'HC1', cadjust = TRUE, multi0 = FALSE): "
    "sum over the non-empty subsets S of the dimensions of (-1)^(|S|+1) G_S/(G_S-1) (N-1)/(N-K) M (sum_g S_g S_g') M, "
    "the clusters of S being the non-empty cells of the intersection (3 terms two-way, 7 three-way); no eigenvalue "
    "fix; df min_j G_j - 1.",
    "CR2:<c>": "clubSandwich::vcovCR(fit, cluster, type = 'CR2') with its defaults for lm (target = I; "
    "inverse_var = TRUE without weights, FALSE with): M (sum_g s_g s_g') M, s_g = X_g'W_g A_g e_g, "
    "A_g = B_g^(+,-1/2), B_g = [(I - H)(I - H)']_gg = I - H_gg - H_gg' + X_g M X'W^2X M X_g' (= I - H_gg for OLS); "
    "eigenvalues of B_g <= 1e-12 are dropped (pseudo-inverse, clubSandwich matrix_power tol). No scalar factor. "
    "df G - 1 (coef_test 'naive-t'); satterthwaite_df from coef_test(test = 'Satterthwaite').",
    "CR3:<c>": "clubSandwich::vcovCR(fit, cluster, type = 'CR3'): A_g = (I - H_gg)^-1, which gives exactly "
    "sum_g (b - b_(g))(b - b_(g))' (leave-one-cluster-out refits; no (G-1)/G, no centring). df G - 1. "
    "Undefined (error recorded) when I - H_gg is singular.",
    "sandwich_HC2/HC3:<c>": "sandwich::vcovCL(type = 'HC2'/'HC3'): equals CR2/CR3 for OLS; for WLS sandwich uses "
    "(I - H_gg)^(-1/2 or -1) (W_g e_g), a different adjustment; NaN/error with singular blocks. Recorded, not matched.",
    "contrast": "c = (x1 = 0.5, x2 = 0.5): estimate c'b, SE sqrt(c'Vc), Satterthwaite df from "
    "clubSandwich::Wald_test(test = 'HTZ') (equal to linear_contrast(test = 'Satterthwaite') where that runs), "
    "95% CI and p with that df.",
    "linear_hypotheses": "statsmodels ContrastResults: t_test((R, q)) gives effect = Rb, sd = sqrt(R V R'), "
    "t = (Rb - q)/sd, two-sided p and conf_int(alpha = 0.05) = Rb -/+ t_{df}(0.975) sd with df = df_resid_inference "
    "(N - K for HC1, G - 1 for the cluster fit); f_test((R, q)) gives F = (Rb - q)'(R V R')^-1 (Rb - q)/q_rows "
    "with F(q_rows, df); wald_test((R, q), use_f = False, scalar = True) gives chi2 = q_rows F, df q_rows.",
    "coefficient_order": "patsy order (Intercept, C(group) dummies, x1, x2, x1:x2); match by NAME. vcov row-major.",
}


def _r_formula(formula: str) -> str:
    return re.sub(r"C\((\w+)\)", r"factor(\1)", formula)


def _patsy_name(r_name: str) -> str:
    if r_name == "(Intercept)":
        return "Intercept"
    return ":".join(re.sub(r"factor\((\w+)\)(.+)", r"C(\1)[T.\2]", p) for p in r_name.split(":"))


def run_r(spec: FitSpec) -> tuple[dict, list[str], str]:
    contrast = ",".join(f"{k}={v}" for k, v in CONTRAST.items())
    argv = ["Rscript", R_SCRIPT, spec.data, _r_formula(spec.formula), spec.weights or "", ",".join(spec.clusters),
            ",".join(spec.used_columns), contrast]
    text = subprocess.run(argv, cwd=REPO, check=True, capture_output=True, text=True).stdout
    out: dict = {}
    for line in text.splitlines():
        kind, key, *vals = line.split("\t")
        out.setdefault(kind, {})[key] = vals
    command = " ".join(f'"{a}"' if " " in a or a == "" else a for a in argv)
    return out, [_patsy_name(n) for n in out["names"]["coefficients"]], command


def statsmodels_model(spec: FitSpec, d: pd.DataFrame):
    if spec.weights is None:
        return smf.ols(spec.formula, data=d)
    return smf.wls(spec.formula, data=d, weights=d[spec.weights])


def linear_hypotheses(spec: FitSpec, d: pd.DataFrame, names: list[str]) -> dict:
    """statsmodels t_test / f_test / wald_test under HC1 and CR1 by firm."""
    model = statsmodels_model(spec, d)
    fits = {
        "HC1": ('fit(cov_type="HC1", use_t=True)', lambda: model.fit(cov_type="HC1", use_t=True)),
        "CR1:firm": ('fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d["firm"])[0]}, use_t=True)',
                     lambda: model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d["firm"])[0]},
                                       use_t=True)),
    }
    combos = [("average_slopes", {"x1": 0.5, "x2": 0.5}, 0.0), ("difference_is_one", {"x1": 1.0, "x2": -1.0}, 1.0)]
    groups = [n for n in names if n.startswith("C(group)")]
    if groups:
        combos.append(("average_group_effect", {n: 1 / len(groups) for n in groups}, 0.0))
        joint = [("group_effects_zero", [{n: 1.0} for n in groups], [0.0] * len(groups))]
    else:
        joint = [("slopes_zero", [{"x1": 1.0}, {"x2": 1.0}, {"d": 1.0}], [0.0, 0.0, 0.0])]
    joint.append(("two_combinations", [{"x1": 1.0, "x2": 1.0}, {"x1": 1.0, "x2": -1.0}], [-0.2, 1.0]))

    def r_matrix(rows):
        r = np.zeros((len(rows), len(names)))
        for i, row in enumerate(rows):
            for n, v in row.items():
                r[i, names.index(n)] = v
        return r

    out = {}
    for key, (call, make) in fits.items():
        res = make()
        entry = {"call": f"{'smf.ols' if spec.weights is None else 'smf.wls'}(...).{call}", "combinations": [],
                 "joint": []}
        for label, weights, value in combos:
            t = res.t_test((r_matrix([weights]), np.array([value])))
            ci = t.conf_int(alpha=0.05)[0]
            entry["combinations"].append({
                "name": label, "weights": weights, "value": value,
                "call": "res.t_test((R, q)); R = weights as one row over coefficient_names, q = [value]",
                "estimate": float(np.ravel(t.effect)[0]), "se": float(np.ravel(t.sd)[0]),
                "t": float(np.ravel(t.tvalue)[0]), "p": float(t.pvalue), "df": float(t.df_denom),
                "ci_lower": float(ci[0]), "ci_upper": float(ci[1])})
        for label, rows, values in joint:
            r = r_matrix(rows)
            f = res.f_test((r, np.array(values)))
            w = res.wald_test((r, np.array(values)), use_f=False, scalar=True)
            entry["joint"].append({
                "name": label, "rows": rows, "values": values,
                "call": "res.f_test((R, q)); res.wald_test((R, q), use_f=False, scalar=True)",
                "f": float(np.ravel(f.fvalue)[0]), "f_p": float(f.pvalue), "df_num": float(f.df_num),
                "df_denom": float(f.df_denom), "chi2": float(w.statistic), "chi2_p": float(w.pvalue),
                "chi2_df": float(w.df_denom)})
        out[key] = entry
    return out


def fit_record(spec: FitSpec, raw: pd.DataFrame) -> dict:
    d = raw.dropna(subset=spec.used_columns).reset_index(drop=True)
    sm = statsmodels_model(spec, d).fit()
    names = list(sm.model.exog_names)
    r, r_names, command = run_r(spec)
    assert sorted(r_names) == sorted(names), (r_names, names)
    perm = [r_names.index(n) for n in names]
    k = len(names)

    def reorder(values):
        return np.asarray([float(v) for v in values]).reshape(k, k)[np.ix_(perm, perm)]

    vcovs = {key: reorder(v) for key, v in r["vcov"].items()}
    coef = np.asarray([float(v) for v in r["coefficients"]["lm"]])[perm]
    assert np.max(np.abs(coef - sm.params.to_numpy()) / np.abs(sm.params.to_numpy())) < 1e-10
    satt = {key: np.asarray([float(v) for v in vals])[perm] for key, vals in r.get("df_satterthwaite", {}).items()}
    contrast = np.array([CONTRAST.get(n, 0.0) for n in names])
    lc = {key: [float(v) for v in vals] for key, vals in r.get("contrast_satterthwaite", {}).items()}
    model = DenseModel(sm.model.exog, sm.model.endog, None if spec.weights is None else d[spec.weights].to_numpy())
    checks = check_against_r(model, d, spec.clusters, vcovs, satt, contrast, {k2: v[2] for k2, v in lc.items()})

    covariances = {}
    for key, v in vcovs.items():
        kind, _, cl = key.partition(":")
        # A multi-way sum can have negative variances: their SE is null (NaN), the vcov is kept as is.
        with np.errstate(invalid="ignore"):
            entry = {"vcov": matrix(v), "se": nullable(np.sqrt(np.diag(v))),
                     "min_eigenvalue": float(np.linalg.eigvalsh(v).min()) if np.isfinite(v).all() else None}
        if kind == "CR1":
            dims = cl.split("+")
            entry["df"] = float(min(d[c].nunique() for c in dims) - 1)
            flag = ", multi0 = FALSE" if len(dims) > 1 else ""
            entry["call"] = f"sandwich::vcovCL(fit, cluster = ~{' + '.join(dims)}, type = \"HC1\", cadjust = TRUE{flag})"
        elif kind in ("CR2", "CR3"):
            entry["df"] = float(d[cl].nunique() - 1)
            entry["call"] = f'clubSandwich::vcovCR(fit, cluster = d${cl}, type = "{kind}")'
            entry["satterthwaite_call"] = 'clubSandwich::coef_test(fit, vcov = V, test = "Satterthwaite")'
            entry["satterthwaite_df"] = floats(np.asarray([float(x) for x in r["df_satterthwaite"][key]])[perm])
            entry["satterthwaite_p"] = floats(np.asarray([float(x) for x in r["p_satterthwaite"][key]])[perm])
            est, se, df, lo, hi, p = lc[key]
            entry["contrast"] = {
                "weights": CONTRAST, "estimate": est, "se": se, "satterthwaite_df": df, "ci_lower": lo,
                "ci_upper": hi, "p": p,
                "call": "df = clubSandwich::Wald_test(fit, constraints = C, vcov = V, test = \"HTZ\")$df_denom "
                "(the Satterthwaite df for one constraint); estimate = C b, se = sqrt(C V C'), CI = estimate -/+ "
                "qt(0.975, df) se, p = 2 pt(-|estimate/se|, df)",
                "linear_contrast_df": (float(r["contrast_linear_contrast_df"][key][0])
                                       if key in r.get("contrast_linear_contrast_df", {}) else None),
                "linear_contrast_call": "clubSandwich::linear_contrast(fit, vcov = V, contrasts = C, "
                "test = \"Satterthwaite\") (null: fails for weighted fits in clubSandwich 0.5.8, see errors)"}
        else:
            entry["call"] = f"sandwich::vcovCL(fit, cluster = ~{cl}, type = \"{kind.split('_')[1]}\", cadjust = TRUE)"
            entry["vcov"] = [[None if np.isnan(x) else x for x in row] for row in entry["vcov"]]
        covariances[key] = entry
    weights = f", weights = {spec.weights}" if spec.weights else ""
    return {
        "name": spec.name, "description": spec.description, "estimator": spec.estimator,
        "formula": spec.formula, "r_formula": _r_formula(spec.formula), "weights": spec.weights,
        "data": spec.data, "cluster_columns": spec.clusters,
        "data_preparation": f"{spec.load_statement()}\n{spec.drop_statement()}",
        **observation_account(spec, raw),
        "n_clusters": {c: int(d[c].nunique()) for c in spec.clusters},
        "coefficient_names": names, "coefficients": floats(coef),
        "r_call": f"fit <- lm({_r_formula(spec.formula)}, data = d{weights})", "r_command": command,
        "covariances": covariances,
        "errors": {key: vals[0] for key, vals in r.get("error", {}).items()},
        "linear_hypotheses": linear_hypotheses(spec, d, names),
        "checks": {"dense_numpy_max_rel_diff": checks},
        "versions": {k2: v[0] for k2, v in r["versions"].items()},
    }


def main() -> None:
    raw = pd.read_csv(REPO / SMALL)
    fits = [fit_record(spec, raw) for spec in SPECS]
    versions = fits[0]["versions"]
    doc = {
        "case": "cov_small",
        "description": "Cluster covariances (CR1 one-, two-, three-way; CR2; CR3), CR2 Satterthwaite df, linear "
        "combinations and joint Wald tests on datasets/reference/data/ols_small.csv.",
        **provenance("R sandwich + clubSandwich; statsmodels", statsmodels.__version__),
        "r_version": versions["R"], "sandwich_version": versions["sandwich"],
        "clubSandwich_version": versions["clubSandwich"],
        "generated_by": GENERATED_BY, "regenerate": f"python3 {GENERATED_BY}",
        "data": SMALL, "data_sha256": sha256(SMALL), "conventions": CONVENTIONS, "fits": fits,
    }
    path = REPO / "datasets/reference/cov_small.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
