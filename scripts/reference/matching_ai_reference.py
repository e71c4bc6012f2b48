"""Reference values for the Abadie-Imbens variance of the nearest-neighbour matching ATT
(Estimators `ControlGroupComparison.abadieImbensVariance`, `MatchingAbadieImbensVariance`).

Reads datasets/reference/data/matching_small.csv (written by matching_reference.py; planted exact
covariate twins), writes its tie-free copy datasets/reference/data/matching_ai_untied.csv (the twins'
second copies dropped) and datasets/reference/matching_ai.json with, per case (matching with
replacement on the propensity score or its logit, ratio M, optional caliper, J variance matches):
the matched sets, ATT, per-row match use k_c, per-row conditional variance, the sample-ATT and
population-ATT variances and the linearised contributions, from an independent numpy computation:

  - propensity score: statsmodels Logit(d, [1, x1, x2, x3]).fit(tol=1e-12), linear predictor summed
    column by column (identical covariate rows get identical distances);
  - matches: for every treated unit, all controls sorted by (|d_t - d_c|, row) (a brute-force sort,
    ties to the lowest row), the first M admissible ones (|gap| <= caliper * sd(distance, ddof=1));
  - the weight matrix A (N1 x n) with A[t, c] = 1/M_t for c in the set of t; k = column sums of A,
    q = column sums of A**2 (K_M(c)/M and K_M(c)/M**2 with a fixed M);
  - sigma2_i = J/(J+1) * (Y_i - mean of Y over the J nearest other units of the same arm)**2, the
    neighbours from a full sort by (gap, row) (Abadie & Imbens 2006, Econometrica 74(1), section 4);
  - V_sample = (sum_t sigma2_t + sum_c k_c**2 sigma2_c) / N1**2,
    V_population = (sum_t (Y_t - Yhat_t(0) - att)**2 + sum_c (k_c**2 - q_c) sigma2_c) / N1**2
    (AI 2006 Theorems 6-7 and section 4; K(K-1)/M**2 for a fixed M), no bias adjustment;
  - contributions psi: treated Y_t - Yhat_t(0) - att; control -sqrt(k_c**2 - q_c) * sqrt(J/(J+1)) *
    (Y_c - neighbour mean).

Why not causalinference 0.1.3 (`CausalModel.est_via_matching`): it matches on the covariates (not a
given distance), keeps every tied match (the fixture plants exact ties), and its variance uses the
"conservative" pooled variance of the unit-level effects (`ITT.var()`) instead of AI's within-arm
matching estimate of sigma2(X, W), so it cannot agree in definition. Its ATT on a one-column
distance is recorded as a cross-check of the point estimate only, under its keep-all-ties rule.

External check: R Matching 4.10-8 `Match(estimand = "ATT", M = 1, BiasAdjust = FALSE, Var.calc = 1,
sample = FALSE | TRUE, ties = TRUE, distance.tolerance = 0)` on the tie-free copy (score from R glm)
agrees with the numpy ATT and both SEs to 1e-8 (asserted; recorded under "r_matching_crosscheck").
Needs: apt install r-cran-matching; pip install causalinference (optional).

Run: python scripts/reference/matching_ai_reference.py  (never run by `swift test`).
"""
import importlib.metadata
import json
import os
import subprocess

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = "datasets/reference/data/matching_small.csv"
frame = pd.read_csv(os.path.join(ROOT, DATA))
y = frame.y.to_numpy(float)
d = frame.d.to_numpy(int)


def propensity_distances(frame):
    """Score and logit score from statsmodels Logit(d, [1, x1, x2, x3]), summed column by column."""
    n = len(frame)
    X = np.column_stack([np.ones(n), frame[["x1", "x2", "x3"]].to_numpy(float)])
    fit = sm.Logit(frame.d.to_numpy(int), X).fit(disp=False, tol=1e-12, maxiter=100)
    eta = np.zeros(n)
    for j in range(X.shape[1]):
        eta = eta + X[:, j] * fit.params[j]
    return {"score": 1 / (1 + np.exp(-eta)), "logit": eta}


distances = propensity_distances(frame)


def sorted_by_gap(dist, i, pool):
    """Rows of `pool` sorted by (gap to row i, row): the brute-force tie rule (lowest row first)."""
    return sorted(pool, key=lambda r: (abs(dist[i] - dist[r]), r))


def ai_case(distance, ratio, caliper, J, y=y, d=d, distances=distances):
    n = len(y)
    dist = distances[distance]
    width = None if caliper is None else caliper * np.std(dist, ddof=1)
    treated = np.flatnonzero(d == 1)
    controls = np.flatnonzero(d == 0)
    sets, margins = [], []
    for t in treated:
        ranked = sorted_by_gap(dist, t, controls)
        admissible = [c for c in ranked if width is None or abs(dist[t] - dist[c]) <= width]
        chosen = admissible[:ratio]
        if chosen:
            sets.append((int(t), [int(c) for c in chosen]))
        if len(admissible) > len(chosen):
            margins.append(abs(dist[t] - dist[admissible[len(chosen)]]) - abs(dist[t] - dist[chosen[-1]]))
        if width is not None:
            margins += [abs(abs(dist[t] - dist[c]) - width) for c in controls]
    N1 = len(sets)
    A = np.zeros((N1, n))
    for s, (t, cs) in enumerate(sets):
        A[s, cs] = 1 / len(cs)
    k = A.sum(axis=0)
    q = (A ** 2).sum(axis=0)
    yhat0 = A @ y
    tau_i = np.array([y[t] for t, _ in sets]) - yhat0
    att = tau_i.mean()

    in_sample = np.zeros(n, bool)
    for t, cs in sets:
        in_sample[t] = True
        in_sample[cs] = True
    resid = np.zeros(n)
    sigma2 = np.zeros(n)
    for i in np.flatnonzero(in_sample):
        own = [r for r in range(n) if d[r] == d[i] and r != i]
        ranked = sorted_by_gap(dist, i, own)
        neighbours = ranked[:J]
        gaps = [abs(dist[i] - dist[r]) for r in ranked[: J + 1]]
        if gaps[J] != gaps[J - 1]:
            margins.append(gaps[J] - gaps[J - 1])
        e = y[i] - y[neighbours].mean()
        resid[i] = np.sqrt(J / (J + 1)) * e
        sigma2[i] = J / (J + 1) * e * e
    tset = [t for t, _ in sets]
    v_sample = (sigma2[tset].sum() + (k ** 2 * sigma2).sum()) / N1 ** 2
    rest = k ** 2 - q
    v_pop = (((tau_i - att) ** 2).sum() + (rest * sigma2).sum()) / N1 ** 2
    psi = -np.sqrt(np.maximum(rest, 0)) * resid
    psi[tset] = tau_i - att
    assert abs((psi ** 2).sum() / N1 ** 2 - v_pop) <= 1e-12 * v_pop
    partial = sum(1 for _, cs in sets if len(cs) < ratio)
    return {
        "specification": {"ratio": ratio, "replace": True, "caliper": caliper, "distance": distance,
                          "order": "largest"},
        "neighbours": J,
        "matched_sets": [[t, cs] for t, cs in sets],
        "att": att,
        "match_use": k.tolist(),
        "conditional_variance": sigma2.tolist(),
        "sample_variance": v_sample,
        "population_variance": v_pop,
        "contributions": psi.tolist(),
        "partially_matched": partial,
        "max_match_use": float(k.max()),
        "min_decision_margin": float(min(m for m in margins if m > 0)),
    }


cases = {
    "nn1_score_J1": ai_case("score", 1, None, 1),
    "nn3_logit_J1": ai_case("logit", 3, None, 1),
    "nn3_score_caliper_J2": ai_case("score", 3, 0.05, 2),
}
for c in cases.values():
    c["data"] = DATA
assert cases["nn3_score_caliper_J2"]["partially_matched"] > 0, "the caliper case should have partial matches"

# causalinference cross-check of the point estimate: 1:1 on the score. It keeps every control tied at
# the nearest gap, so it is compared with the same numpy matching under that rule (tied controls
# averaged), and the number of treated units whose nearest controls are tied is recorded.
crosscheck = None
try:
    from causalinference import CausalModel

    dist = distances["score"]
    controls = np.flatnonzero(d == 0)
    tied = 0
    keep_all = []
    for t in np.flatnonzero(d == 1):
        gaps = np.abs(dist[t] - dist[controls])
        nearest = controls[gaps == gaps.min()]
        tied += len(nearest) > 1
        keep_all.append(y[t] - y[nearest].mean())
    att_keep_all = float(np.mean(keep_all))
    cm = CausalModel(y, d, dist.reshape(-1, 1))
    cm.est_via_matching(matches=1, bias_adj=False)
    crosscheck = {
        "tool": "causalinference", "tool_version": importlib.metadata.version("causalinference"),
        "call": "CausalModel(y, d, score[:, None]).est_via_matching(matches=1, bias_adj=False)['att']",
        "att": float(cm.estimates["matching"]["att"]),
        "treated_with_tied_nearest_controls": int(tied),
        "numpy_att_keeping_all_ties": att_keep_all,
        "agrees": bool(abs(cm.estimates["matching"]["att"] - att_keep_all) < 1e-12),
    }
except ImportError:
    pass

# R Matching cross-check on a tie-free copy: the fixture without its planted twins (the second copy of
# each duplicated covariate row), written as data/matching_ai_untied.csv, with its own Logit. Matching
# keeps all ties (ties=TRUE) with distance.tolerance=0, which equals the lowest-row rule when there are
# none; Var.calc=J is AI's within-arm sigma2 with J matches; sample=FALSE/TRUE gives the population /
# sample variance.
UNTIED = "datasets/reference/data/matching_ai_untied.csv"
untied = frame[~frame.duplicated(subset=["d", "x1", "x2", "x3"], keep="first")].reset_index(drop=True)
untied.to_csv(os.path.join(ROOT, UNTIED), index=False)
untied = pd.read_csv(os.path.join(ROOT, UNTIED))
untied_distances = propensity_distances(untied)
assert not pd.Series(untied_distances["score"]).duplicated().any()
cases["untied_nn1_score_J1"] = ai_case(
    "score", 1, None, 1, y=untied.y.to_numpy(float), d=untied.d.to_numpy(int), distances=untied_distances)
cases["untied_nn1_score_J1"]["data"] = UNTIED
r_code = (
    'suppressMessages(library(Matching)); x <- read.csv("' + os.path.join(ROOT, UNTIED) + '"); '
    'x$score <- fitted(glm(d ~ x1 + x2 + x3, family = binomial, data = x, control = glm.control(epsilon = 1e-14, maxit = 100))); '
    'for (s in c(FALSE, TRUE)) { m <- Match(Y = x$y, Tr = x$d, X = x$score, estimand = "ATT", M = 1, BiasAdjust = FALSE, '
    'Var.calc = 1, sample = s, ties = TRUE, replace = TRUE, distance.tolerance = 0); '
    'cat(sprintf("%.17g %.17g ", m$est, m$se)) }; cat(as.character(packageVersion("Matching")))'
)
r_matching = None
try:
    out_r = subprocess.run(["Rscript", "-e", r_code], capture_output=True, text=True, check=True).stdout.split()
    c = cases["untied_nn1_score_J1"]
    r_matching = {
        "tool": "R Matching", "tool_version": out_r[4],
        "call": "Match(Y = y, Tr = d, X = fitted(glm(d ~ x1 + x2 + x3, binomial)), estimand = 'ATT', M = 1, "
                "BiasAdjust = FALSE, Var.calc = 1, sample = FALSE | TRUE, ties = TRUE, replace = TRUE, "
                "distance.tolerance = 0) on " + UNTIED,
        "att": float(out_r[0]), "population_se": float(out_r[1]), "sample_se": float(out_r[3]),
    }
    r_matching["agrees"] = bool(
        abs(r_matching["att"] - c["att"]) <= 1e-10 * abs(c["att"])
        and abs(r_matching["population_se"] - np.sqrt(c["population_variance"])) <= 1e-8 * r_matching["population_se"]
        and abs(r_matching["sample_se"] - np.sqrt(c["sample_variance"])) <= 1e-8 * r_matching["sample_se"])
    assert r_matching["agrees"], r_matching
except (FileNotFoundError, subprocess.CalledProcessError) as error:
    print("R Matching cross-check skipped:", error)

out = {
    "tool": "numpy (independent brute-force Abadie-Imbens computation)",
    "tool_version": f"numpy {np.__version__}, statsmodels {statsmodels.__version__}",
    "call": "python scripts/reference/matching_ai_reference.py",
    "data": DATA,
    "notes": "ATT matching with replacement on the propensity score (Logit, tol 1e-12) or its logit; "
             "ties to the lowest row; no bias adjustment; largest-first order is irrelevant with replacement.",
    "cases": cases,
    "untied_data": UNTIED,
    "causalinference_crosscheck": crosscheck,
    "r_matching_crosscheck": r_matching,
}
with open(os.path.join(ROOT, "datasets/reference/matching_ai.json"), "w") as f:
    json.dump(out, f, indent=1)
for name, c in cases.items():
    print(name, c["att"], np.sqrt(c["sample_variance"]), np.sqrt(c["population_variance"]),
          c["partially_matched"], c["max_match_use"], c["min_decision_margin"])
print(crosscheck)
