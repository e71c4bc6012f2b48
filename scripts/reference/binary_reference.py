#!/usr/bin/env python3
"""Regenerate the logit/probit reference fixture datasets/reference/binary_small.json.

Data
  datasets/reference/data/binary_small.csv (written by this script, seeded): 400 rows, outcome
  y (0/1) from a logit with known coefficients plus a firm random effect, regressors x1, x2
  (correlated), group (a-d), d (0/1), cluster id firm (20 unequal firms), positive weights w;
  3 rows miss y, 3 miss x1, 2 miss firm.

Fits (every fit uses the rows complete in y, the regressors and firm, so all covariances share
their rows)
  logit_main         Logit  y ~ x1 + x2 + C(group) + d
  probit_main        Probit y ~ x1 + x2 + C(group) + d
  logit_interaction  Logit  y ~ x1 * d
  logit_no_intercept Logit  y ~ x1 + C(group) - 1   (the null model still has a constant)
  logit_weighted     GLM Binomial (logit) y ~ x1 + x2 + d with var_weights = w

Per fit: coefficients, the statsmodels covariances nonrobust / HC0 / HC1 / cluster (se, z, p,
95 % CI, vcov), llf, llnull, McFadden pseudo-R2, AIC, BIC, predicted probabilities for the first
5 used rows and for 5 new rows, and the R glm cross-check (IRLS iterations with epsilon 1e-10,
vcov from the expected information, sandwich HC0/HC1, vcovCL). An independent numpy
implementation of every stated formula must agree with statsmodels and R to 1e-9 (relative) or
the script stops.

Usage (from anywhere): python3 scripts/reference/binary_reference.py [--no-r]
Deterministic: two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import warnings
import json
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy.stats import chi2, norm

REPO = Path(__file__).resolve().parents[2]
DATA = "datasets/reference/data/binary_small.csv"
OUT = "datasets/reference/binary_small.json"
GENERATED_BY = "scripts/reference/binary_reference.py"
SEED = 20261201
TRUE_COEFFICIENTS = {"Intercept": -0.4, "x1": 0.9, "x2": -0.6, "C(group)[T.b]": 0.5,
                     "C(group)[T.c]": -0.4, "C(group)[T.d]": 0.8, "d": 0.7}
NEW_ROWS = {"x1": [-1.5, 0.0, 0.25, 1.0, 2.0], "x2": [0.5, -0.25, 1.0, 0.0, -1.0],
            "group": ["c", "c", "d", "c", "d"], "d": [0, 1, 1, 0, 1]}
NEWTON = 'method="newton", tol=1e-12, maxiter=100, disp=0'
TOLERANCE = 1e-9
# R's glm is Fisher scoring, which for the non-canonical probit link converges linearly: at
# epsilon 1e-15 its coefficients are within ~2e-9 (relative) of the Newton optimum.
TOLERANCE_R = 1e-8

FITS = [
    ("logit_main", "logit", "y ~ x1 + x2 + C(group) + d", None, ["x1", "x2", "group", "d"]),
    ("probit_main", "probit", "y ~ x1 + x2 + C(group) + d", None, ["x1", "x2", "group", "d"]),
    ("logit_interaction", "logit", "y ~ x1 * d", None, ["x1", "d"]),
    ("logit_no_intercept", "logit", "y ~ x1 + C(group) - 1", None, ["x1", "group"]),
    ("logit_weighted", "logit", "y ~ x1 + x2 + d", "w", ["x1", "x2", "d"]),
]

CONVENTIONS = {
    "model": "P(y_i = 1) = F(x_i'b), F the logistic cdf (logit) or the standard normal cdf (probit). "
    "Log-likelihood llf = sum p_i [y_i log F_i + (1 - y_i) log(1 - F_i)], p_i = prior weight (1 unweighted).",
    "estimation": "statsmodels Newton-Raphson to tol 1e-12 on the coefficient change (Logit/Probit), "
    "GLM Binomial by Newton for the weighted fit (var_weights = w).",
    "information": "B_obs = (-H)^-1 with H the observed Hessian; B_exp = (X'WX)^-1 with the IRLS weights "
    "W_i = p_i f_i^2 / (F_i (1 - F_i)), f = F'. Logit: identical. Probit: statsmodels Probit uses B_obs "
    "(H_i = -p_i L_i (L_i + x_i'b) x_i x_i', L_i = q_i f(q_i x_i'b)/F(q_i x_i'b), q_i = 2 y_i - 1); "
    "R glm and sandwich use B_exp.",
    "score": "s_i = p_i x_i (y_i - F_i) f_i / (F_i (1 - F_i)) (logit: p_i x_i (y_i - F_i)).",
    "nonrobust": "B (inverse information, dispersion fixed at 1); z statistics (normal reference).",
    "HC0": "B (sum s_i s_i') B.",
    "HC1": "statsmodels 0.15 Logit/Probit/GLM with cov_type='HC1' returns HC0 (these results classes "
    "have no cov_HC1 and fall back to cov_white_simple(use_correction=False)); the recorded "
    "covariances.HC1 is therefore R sandwich::vcovHC(type = 'HC1') = N/(N - K) HC0 (Stata's "
    "logit, vce(robust) would use N/(N - 1) instead).",
    "HC2_HC3": "R only (cross_check_r.vcov): B (sum s_i s_i' / (1 - h_ii)^a) B, a = 1 (HC2) or 2 (HC3), "
    "h_ii = W_i x_i' B_exp x_i the diagonal of the IRLS hat matrix (R hatvalues.glm).",
    "cluster": "G/(G - 1) (N - 1)/(N - K) B (sum_g S_g S_g') B, S_g = sum_{i in g} s_i: statsmodels "
    "cov_type='cluster' (use_correction=True) and R sandwich::vcovCL(type = 'HC1', cadjust = TRUE). "
    "z statistics (statsmodels use_t=False for these models). Stata's logit, vce(cluster) uses G/(G - 1) only.",
    "llnull": "log-likelihood of the constant-only model (statsmodels llnull, fitted even when the "
    "formula has no intercept): sum p_i [y_i log ybar + (1 - y_i) log(1 - ybar)], ybar the weighted mean. "
    "R's glm null deviance uses eta = 0 (mu = 1/2) for a model without intercept.",
    "prsquared": "McFadden 1 - llf/llnull.",
    "llr": "likelihood-ratio statistic 2 (llf - llnull) against the constant-only model, df_model = K - k_constant "
    "(k_constant = 1 also for an implicit constant such as a full dummy set), llr_pvalue = chi2.sf(llr, df_model) "
    "(statsmodels llr, df_model, llr_pvalue).",
    "aic_bic": "AIC = -2 llf + 2 K, BIC = -2 llf + K log N (K estimated coefficients, N rows used).",
    "statsmodels_iterations": "Newton iterations reported by statsmodels (GLM: after its IRLS start "
    "iterations); not comparable with IRLS counts.",
    "iterations": "R glm.fit IRLS count with glm.control(epsilon = 1e-10, maxit = 25): start mu = "
    "(p y + 1/2)/(p + 1), converged when |dev - dev_old|/(|dev| + 0.1) < 1e-10.",
    "names": "patsy names; R names are mapped (groupb -> C(group)[T.b], group a without intercept -> "
    "C(group)[a], x1:d). Match coefficients by NAME.",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def generate_data() -> pd.DataFrame:
    """400 rows from the logit with TRUE_COEFFICIENTS plus a firm effect N(0, 0.5^2)."""
    rng = np.random.default_rng(SEED)
    n = 400
    firm = rng.choice(20, size=n, p=rng.dirichlet(np.full(20, 2.0)))
    firm_effect = rng.normal(0.0, 0.5, size=20)
    x1 = np.round(rng.normal(0.0, 1.0, size=n), 4)
    x2 = np.round(0.5 * x1 + rng.normal(0.0, 0.8, size=n), 4)
    group = rng.choice(4, size=n, p=[0.35, 0.3, 0.2, 0.15])
    d = (rng.uniform(size=n) < 0.4).astype(int)
    w = np.round(rng.uniform(0.5, 2.0, size=n), 3)
    b = TRUE_COEFFICIENTS
    eta = (b["Intercept"] + b["x1"] * x1 + b["x2"] * x2 + np.array([0.0, 0.5, -0.4, 0.8])[group]
           + b["d"] * d + firm_effect[firm])
    y = (rng.uniform(size=n) < 1.0 / (1.0 + np.exp(-eta))).astype(int)
    frame = pd.DataFrame({
        "y": y.astype(object), "x1": x1, "x2": x2, "group": np.array(list("abcd"))[group], "d": d,
        "firm": [f"F{k + 1:02d}" for k in firm], "w": w,
    })
    frame = frame.astype({"firm": object, "x1": object})
    for col, rows in (("y", [5, 77, 301]), ("x1", [12, 150, 390]), ("firm", [44, 260])):
        frame.loc[rows, col] = None
    return frame


def coefficient_block(res, names: list[str], cov: np.ndarray, call: str, convention: str) -> dict:
    """se, z, p, CI from `cov` (normal reference), as statsmodels summary() with use_t=False."""
    b = np.asarray(res.params)
    se = np.sqrt(np.diag(cov))
    z = b / se
    q = norm.isf(0.025)
    return {
        "call": call, "convention": convention, "statistic": "z",
        "se": se.tolist(), "z": z.tolist(), "p": (2 * norm.sf(np.abs(z))).tolist(),
        "ci_lower": (b - q * se).tolist(), "ci_upper": (b + q * se).tolist(),
        "vcov": cov.tolist(),
    }


def numpy_check(link: str, X: np.ndarray, y: np.ndarray, p: np.ndarray, b: np.ndarray, groups: np.ndarray):
    """Independent implementation of the conventions: B_obs, B_exp, HC0, HC1, CR1, llf, llnull."""
    eta = X @ b
    if link == "logit":
        F = 1 / (1 + np.exp(-eta))
        f = F * (1 - F)
        h_obs = p * F * (1 - F)
    else:
        F, f = norm.cdf(eta), norm.pdf(eta)
        q = 2 * y - 1
        L = q * norm.pdf(q * eta) / norm.cdf(q * eta)
        h_obs = p * L * (L + eta)
    w = p * f * f / (F * (1 - F))
    b_exp = np.linalg.inv(X.T @ (w[:, None] * X))
    b_obs = np.linalg.inv(X.T @ (h_obs[:, None] * X))
    s = (p * (y - F) * f / (F * (1 - F)))[:, None] * X
    n, k = X.shape
    levels = np.unique(groups)
    S = np.array([s[groups == g].sum(0) for g in levels])
    G = len(levels)
    out = {}
    for key, B in (("obs", b_obs), ("exp", b_exp)):
        hc0 = B @ (s.T @ s) @ B
        out[key] = {"nonrobust": B, "HC0": hc0, "HC1": n / (n - k) * hc0,
                    "cluster": G / (G - 1) * (n - 1) / (n - k) * B @ (S.T @ S) @ B}
    # HC2/HC3 as R sandwich on glm: the hat matrix of the final IRLS fit (R hatvalues.glm).
    h = w * np.einsum("ij,jk,ik->i", X, b_exp, X)
    out["exp"]["HC2"] = b_exp @ ((s / (1 - h)[:, None]).T @ s) @ b_exp
    out["exp"]["HC3"] = b_exp @ ((s / ((1 - h) ** 2)[:, None]).T @ s) @ b_exp
    llf = np.sum(p * (y * np.log(F) + (1 - y) * np.log1p(-F)))
    ybar = np.sum(p * y) / np.sum(p)
    llnull = np.sum(p * (y * np.log(ybar) + (1 - y) * np.log1p(-ybar)))
    return out, llf, llnull


def rel(a, b) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    scale = np.maximum(np.abs(b), 1e-300)
    return float(np.max(np.abs(a - b) / scale))


def vcov_rel(a, b) -> float:
    """Entrywise difference relative to sqrt(V_ii V_jj), so near-zero covariances are not over-weighted."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    d = np.sqrt(np.abs(np.outer(np.diag(b), np.diag(b))))
    return float(np.max(np.abs(a - b) / d))


def require(value: float, what: str, tolerance: float = TOLERANCE) -> float:
    if not value <= tolerance:
        raise SystemExit(f"{what}: relative difference {value:.3g} exceeds {tolerance}")
    return value


R_CODE = r"""
suppressPackageStartupMessages(library(sandwich))
a <- commandArgs(trailingOnly = TRUE)
df <- read.csv(a[1], na.strings = c("", "NA"), stringsAsFactors = FALSE)
d <- df[complete.cases(df[, strsplit(a[5], ",")[[1]], drop = FALSE]), , drop = FALSE]
d$group <- factor(d$group)
fam <- binomial(link = a[3])
d$.w <- if (nchar(a[4]) > 0) d[[a[4]]] else 1
# weights = 1 is glm's default; the non-integer weights warning of binomial() is expected.
fit_at <- function(eps, maxit) suppressWarnings(glm(as.formula(a[2]), data = d, family = fam, weights = .w,
                                                    control = glm.control(epsilon = eps, maxit = maxit)))
fit10 <- fit_at(1e-10, 25)
# glm's vcov uses the IRLS weights of the start of the last iteration; at epsilon 1e-10 they lag the
# final coefficients by ~1e-7 (relative), so the covariances come from a fit iterated to 1e-15.
fit <- fit_at(1e-15, 100)
new <- read.csv(a[6], stringsAsFactors = FALSE)
new$group <- factor(new$group, levels = levels(d$group))
num <- function(x) paste(sprintf("%.17g", x), collapse = "\t")
emit <- function(key, x) cat(key, "\t", num(x), "\n", sep = "")
cat("r_version\t", R.version.string, "\n", sep = "")
cat("sandwich_version\t", as.character(packageVersion("sandwich")), "\n", sep = "")
cat("names\t", paste(names(coef(fit)), collapse = "\t"), "\n", sep = "")
emit("coefficients", coef(fit10))
emit("iter", fit10$iter)
emit("converged", as.numeric(fit10$converged))
emit("coefficients_tight", coef(fit))
emit("vcov", vcov(fit))
emit("HC0", vcovHC(fit, type = "HC0"))
emit("HC1", vcovHC(fit, type = "HC1"))
emit("HC2", vcovHC(fit, type = "HC2"))
emit("HC3", vcovHC(fit, type = "HC3"))
emit("cluster", vcovCL(fit, cluster = ~firm, type = "HC1", cadjust = TRUE))
emit("predict_new", predict(fit, newdata = new, type = "response"))
"""


def r_name(name: str) -> str:
    """R glm coefficient name -> patsy name."""
    name = name.replace("(Intercept)", "Intercept")
    parts = []
    for part in name.split(":"):
        if part.startswith("group"):
            part = f"C(group)[T.{part[5:]}]"
        parts.append(part)
    return ":".join(parts)


def r_cross_check(name, link, formula, weights, used, new_path, sm_names, no_intercept) -> dict:
    r_formula = formula.replace("C(group)", "group")
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as handle:
        handle.write(R_CODE)
        script = handle.name
    argv = ["Rscript", script, DATA, r_formula, link, weights or "", ",".join(used), new_path]
    text = subprocess.run(argv, cwd=REPO, check=True, capture_output=True, text=True).stdout
    Path(script).unlink()
    lines = {key: vals for key, *vals in (line.split("\t") for line in text.splitlines())}
    names = [r_name(n) for n in lines["names"]]
    if no_intercept:
        # Without an intercept R codes every level of the first factor, as patsy's C(group)[a].
        names = [n.replace("[T.", "[") for n in names]
    k = len(names)
    perm = [names.index(n) for n in sm_names]
    mat = lambda key: np.array([float(v) for v in lines[key]]).reshape(k, k, order="F")[np.ix_(perm, perm)]
    coef = np.array([float(v) for v in lines["coefficients"]])[perm]
    weight_arg = f", weights = {weights}" if weights else ""
    tight = np.array([float(v) for v in lines["coefficients_tight"]])[perm]
    return {
        "tool": "R glm + sandwich", "r_version": lines["r_version"][0],
        "sandwich_version": lines["sandwich_version"][0],
        "call": f'fit10 <- glm({r_formula}, data = d, family = binomial(link = "{link}"){weight_arg}, '
        "control = glm.control(epsilon = 1e-10, maxit = 25))",
        "call_for_vcov": "fit <- the same glm with control = glm.control(epsilon = 1e-15, maxit = 100): glm's vcov "
        "uses the IRLS weights of the start of the last iteration, which at epsilon 1e-10 lag the final "
        "coefficients by ~1e-7 (relative)",
        "coefficients": coef.tolist(), "coefficients_tight": tight.tolist(), "iterations": int(float(lines["iter"][0])),
        "converged": lines["converged"][0] == "1",
        "vcov_calls": {"expected_information": "vcov(fit)", "HC0": 'vcovHC(fit, type = "HC0")',
                       "HC1": 'vcovHC(fit, type = "HC1")', "HC2": 'vcovHC(fit, type = "HC2")',
                       "HC3": 'vcovHC(fit, type = "HC3")',
                       "cluster": 'vcovCL(fit, cluster = ~firm, type = "HC1", cadjust = TRUE)'},
        "vcov": {"expected_information": mat("vcov").tolist(), "HC0": mat("HC0").tolist(),
                 "HC1": mat("HC1").tolist(), "HC2": mat("HC2").tolist(), "HC3": mat("HC3").tolist(),
                 "cluster": mat("cluster").tolist()},
        "predict_new": [float(v) for v in lines["predict_new"]],
    }


def fit_case(df: pd.DataFrame, spec, use_r: bool, new_path: str) -> dict:
    name, link, formula, weights, regressors = spec
    used = ["y", *regressors, "firm"] + ([weights] if weights else [])
    d = df.dropna(subset=used).reset_index(drop=True)
    d["y"] = d["y"].astype(float)
    d["x1"] = d["x1"].astype(float)
    groups = pd.factorize(d["firm"], sort=True)[0]
    if weights:
        ctor = f'smf.glm("{formula}", data=d, family=sm.families.Binomial(), var_weights=d["{weights}"])'
        model = smf.glm(formula, data=d, family=sm.families.Binomial(), var_weights=d[weights])
    else:
        ctor = f'smf.{link}("{formula}", data=d)'
        model = getattr(smf, link)(formula, data=d)
    fit = lambda **kw: model.fit(method="newton", tol=1e-12, maxiter=100, disp=0, **kw)
    res = fit()
    converged = res.mle_retvals["converged"] if hasattr(res, "mle_retvals") else res.converged
    if not converged:
        raise SystemExit(f"{name}: statsmodels did not converge")
    names = list(res.params.index)
    X = np.asarray(model.exog)
    y = np.asarray(model.endog)
    p = np.asarray(d[weights], float) if weights else np.ones(len(y))
    checks, llf, llnull = numpy_check(link, X, y, p, np.asarray(res.params), groups)
    covs = {}
    for key, kwargs, text in (
        ("nonrobust", {}, ""), ("HC0", {"cov_type": "HC0"}, ', cov_type="HC0"'),
        ("cluster", {"cov_type": "cluster", "cov_kwds": {"groups": groups}},
         ', cov_type="cluster", cov_kwds={"groups": pd.factorize(d["firm"], sort=True)[0]}'),
    ):
        r = fit(**kwargs)
        cov = np.asarray(r.cov_params())
        require(vcov_rel(cov, checks["obs"][key]), f"{name} {key} vs numpy")
        covs[key] = coefficient_block(res, names, cov, f"{ctor}.fit({NEWTON}{text})", CONVENTIONS.get(key, CONVENTIONS["nonrobust"]))
    sm_hc1 = np.asarray(fit(cov_type="HC1").cov_params())
    require(vcov_rel(sm_hc1, checks["obs"]["HC0"]), f"{name} statsmodels HC1 equals HC0")
    covs["HC1"] = coefficient_block(res, names, checks["obs"]["HC1"],
                                    "N/(N - K) * HC0 (R sandwich::vcovHC(fit, type = 'HC1'))", CONVENTIONS["HC1"])
    covs["cluster"]["n_clusters"] = int(groups.max() + 1)
    n, k = X.shape
    new = pd.DataFrame(NEW_ROWS)
    record = {
        "name": name, "link": link, "estimator": "GLM Binomial (var_weights)" if weights else link.capitalize(),
        "formula": formula, "weights": weights, "cluster": "firm",
        "data_preparation": f'df = pd.read_csv("{DATA}"); d = df.dropna(subset={used!r}).reset_index(drop=True)',
        "n_total": len(df), "n_used": n, "coefficient_names": names,
        "coefficients": np.asarray(res.params).tolist(), "rank": k,
        "llf": float(res.llf), "llnull": float(res.llnull),
        "prsquared": float(res.prsquared) if hasattr(res, "prsquared") else float(1 - res.llf / res.llnull),
        "aic": float(-2 * res.llf + 2 * k), "bic": float(-2 * res.llf + k * np.log(n)),
        "llr": float(2 * (res.llf - res.llnull)), "df_model": float(res.df_model),
        "llr_pvalue": float(chi2.sf(2 * (res.llf - res.llnull), res.df_model)),
        "statsmodels_iterations": int(res.mle_retvals["iterations"]) if hasattr(res, "mle_retvals") else None,
        "covariances": covs,
        "predict_used_rows": {"call": "res.predict(d.iloc[:5])", "values": np.asarray(res.predict(d.iloc[:5])).tolist()},
        "predict_new_rows": {"call": "res.predict(pd.DataFrame(new_rows))", "new_rows": NEW_ROWS,
                             "values": np.asarray(res.predict(new)).tolist()},
        "checks": {"llf_vs_numpy": require(rel(res.llf, llf), f"{name} llf"),
                   "llnull_vs_numpy": require(rel(res.llnull, llnull), f"{name} llnull")},
    }
    if link == "probit":
        record["covariances_expected_information"] = {
            key: coefficient_block(res, names, checks["exp"][key], "numpy, B_exp = (X'WX)^-1", CONVENTIONS[key])
            for key in ("nonrobust", "HC0", "HC1", "cluster")
        }
    if use_r:
        r = r_cross_check(name, link, formula, weights, used, new_path, names, "- 1" in formula)
        info = "exp"
        r["coefficients_max_rel_diff_vs_statsmodels"] = rel(r["coefficients"], res.params)
        r["coefficients_tight_max_rel_diff_vs_statsmodels"] = require(rel(r["coefficients_tight"], res.params), f"{name} R coef", TOLERANCE_R)
        r["vcov_max_rel_diff_vs_numpy"] = {
            "expected_information": require(vcov_rel(r["vcov"]["expected_information"], checks[info]["nonrobust"]),
                                            f"{name} R vcov", TOLERANCE_R),
            **{key: require(vcov_rel(r["vcov"][key], checks[info][key]), f"{name} R {key}", TOLERANCE_R)
               for key in ("HC0", "HC1", "HC2", "HC3", "cluster")},
        }
        r["predict_new_max_rel_diff_vs_statsmodels"] = require(rel(r["predict_new"], record["predict_new_rows"]["values"]), f"{name} R predict",
                                                                   TOLERANCE_R)
        record["cross_check_r"] = r
    return record


def main() -> None:
    # GLM with var_weights warns that robust covariances are "not fully supported"; the numpy check
    # below confirms the HC0 and cluster matrices it returns follow the stated formulas.
    warnings.filterwarnings("ignore", message="cov_type not fully supported with var_weights")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-r", action="store_true", help="skip the R glm cross-check")
    args = parser.parse_args()
    data_path = REPO / DATA
    generate_data().to_csv(data_path, index=False, lineterminator="\n")
    df = pd.read_csv(data_path)
    use_r = not args.no_r and shutil.which("Rscript") is not None
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        pd.DataFrame(NEW_ROWS).to_csv(handle, index=False)
        new_path = handle.name
    fits = [fit_case(df, spec, use_r, new_path) for spec in FITS]
    Path(new_path).unlink()
    import patsy

    out = {
        "case": "binary_small",
        "description": "Logit and probit by maximum likelihood on a seeded 400-row sample with missing "
        "values and 20 unequal clusters; every covariance the workbench offers for binary models.",
        "tool": "statsmodels", "tool_version": statsmodels.__version__,
        "python_version": platform.python_version(),
        "library_versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                             "pandas": pd.__version__, "patsy": patsy.__version__},
        "platform": f"{platform.system()} {platform.machine()}",
        "generated_by": GENERATED_BY, "regenerate": f"python3 {GENERATED_BY}",
        "imports": "import numpy as np\nimport pandas as pd\nimport statsmodels.api as sm\n"
        "import statsmodels.formula.api as smf",
        "data": DATA, "data_sha256": sha256(data_path), "seed": SEED,
        "true_coefficients": TRUE_COEFFICIENTS, "conventions": CONVENTIONS,
        "numpy_check_tolerance": TOLERANCE, "r_check_tolerance": TOLERANCE_R, "fits": fits,
    }
    (REPO / OUT).write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT} ({len(fits)} fits) and {DATA}")


if __name__ == "__main__":
    main()
