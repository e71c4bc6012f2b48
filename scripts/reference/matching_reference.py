"""Reference values for nearest-neighbour propensity-score matching (Estimators
`ControlGroupComparison.nearestNeighbourMatching`, `NearestNeighbourMatcher`, `BalanceTable` with weights).

Writes datasets/reference/data/matching_small.csv (seeded, confounded treatment, planted exact ties)
and datasets/reference/matching_small.json with, per matching specification:
  - the matched sets, MatchIt-convention ATT weights, ATT and weighted means, counts of unmatched treated
    (and how many had no control within the caliper), from an independent brute-force numpy
    implementation of greedy nearest-neighbour matching (rules below);
  - the SE: weighted regression y ~ 1 + d on the matched units, CR1 clustered by matched set
    (without replacement) or HC1 (with replacement), computed by an explicit numpy sandwich and checked
    against statsmodels WLS(...).fit(cov_type="cluster" | "HC1") and R sandwich (vcovCL(lm(y ~ d, weights = w),
    cluster = ~subclass), the MatchIt vignette's recipe, or vcovHC(type = "HC1"));
  - balance before/after matching (SMD with the unweighted pooled SD, cobalt's unbiased weighted
    variance ratio, Kish effective sizes).
Propensity score: statsmodels Logit(d, [1, x1, x2, x3]).fit(tol=1e-12).
Run: python scripts/reference/matching_reference.py  (never run by `swift test`).

Matching rules (MatchIt 4 method="nearest" conventions, estimand ATT):
  distance = p (score) or logit p = x'g (linear score); the linear predictor is summed column by
  column so identical covariate rows get identical distances; caliper width = caliper * sd(distance,
  ddof=1) over all rows; a pair is admissible when |d_t - d_c| <= width; order "largest" (descending
  distance, ties by row) or "data"; without replacement, k rounds, each still-active treated unit takes
  the nearest unused admissible control, ties to the lowest row; a unit that fails a round stops; with
  replacement, each treated unit takes its k nearest admissible controls, ties to the lowest row.
  Weights: treated 1; control sum over its sets of 1/k_s, rescaled to sum to the number of matched controls.

Cross-check: causalml 0.18 NearestNeighborMatch where it overlaps (1:1, data order; its caliper is
in np.std(ddof=0) units with <= without replacement, and in StandardScaler units with strict < with
replacement; ties broken by np.argpartition / sklearn); agreement and differences recorded under
"causalml_crosscheck".
"""
import importlib.metadata
import json
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
rng = np.random.default_rng(20261130)

# --- data: confounded treatment, known constant effect 1.5, planted exact ties -----------------
n0 = 135
x1 = np.round(rng.normal(size=n0), 4)
x2 = (rng.uniform(size=n0) < 0.5).astype(int)
x3 = rng.integers(0, 4, size=n0)
p_true = 1 / (1 + np.exp(-(-0.4 + 0.9 * x1 + 0.5 * x2 - 0.3 * x3)))
d = (rng.uniform(size=n0) < p_true).astype(int)
base = pd.DataFrame({"d": d, "x1": x1, "x2": x2, "x3": x3})
# Plant ties: 12 controls and 3 treated get an exact covariate twin (same arm), so two controls sit at
# exactly the same distance from every treated unit, and two treated units share a score.
ctrl = base.index[base.d == 0].to_numpy()
trt = base.index[base.d == 1].to_numpy()
twins = pd.concat([base.loc[rng.choice(ctrl, 12, replace=False)], base.loc[rng.choice(trt, 3, replace=False)]])
frame = pd.concat([base, twins], ignore_index=True)
frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
n = len(frame)
noise = rng.normal(size=n)
frame["y"] = np.round(1 + 1.5 * frame.d + frame.x1 + 0.5 * frame.x2 + 0.3 * frame.x3 + noise, 6)
frame = frame[["y", "d", "x1", "x2", "x3"]]
csv_path = os.path.join(ROOT, "datasets/reference/data/matching_small.csv")
frame.to_csv(csv_path, index=False)
frame = pd.read_csv(csv_path)

y = frame.y.to_numpy(float)
d = frame.d.to_numpy(int)
X = np.column_stack([np.ones(n), frame[["x1", "x2", "x3"]].to_numpy(float)])
names = ["Intercept", "x1", "x2", "x3"]
logit = sm.Logit(d, X).fit(disp=False, tol=1e-12, maxiter=100)
gamma = logit.params
eta = np.zeros(n)
for j in range(X.shape[1]):  # column by column: identical rows give identical sums
    eta = eta + X[:, j] * gamma[j]
score = 1 / (1 + np.exp(-eta))


def brute_match(dist, ratio, replace, order, width):
    """Greedy nearest-neighbour matching by exhaustive search; returns sets and the decision margins."""
    treated = [i for i in range(n) if d[i] == 1]
    controls = [i for i in range(n) if d[i] == 0]
    if order == "largest":
        treated = sorted(treated, key=lambda i: (-dist[i], i))
    picks = {t: [] for t in treated}
    margins = []  # gaps separating a decision from its nearest different alternative
    ties = 0

    def admissible(t, pool):
        out = []
        for c in pool:
            gap = abs(dist[t] - dist[c])
            if width is None or gap <= width:
                out.append((gap, c))
            if width is not None:
                margins.append(abs(gap - width))
        return sorted(out)

    if replace:
        for t in treated:
            cand = admissible(t, controls)
            chosen = cand[:ratio]
            picks[t] = [c for _, c in chosen]
            if len(cand) > len(chosen):
                nxt = cand[len(chosen)][0]
                if nxt == chosen[-1][0]:
                    ties += 1
                else:
                    margins.append(nxt - chosen[-1][0])
    else:
        used = set()
        active = {t: True for t in treated}
        for _ in range(ratio):
            for t in treated:
                if not active[t]:
                    continue
                cand = admissible(t, [c for c in controls if c not in used])
                if not cand:
                    active[t] = False
                    continue
                gap, c = cand[0]
                others = [g for g, _ in cand[1:] if g != gap]
                if len(cand) > 1 and cand[1][0] == gap:
                    ties += 1
                if others:
                    margins.append(others[0] - gap)
                picks[t].append(c)
                used.add(c)
    if order == "largest":
        values = sorted(dist[i] for i in treated)
        margins += [b - a for a, b in zip(values, values[1:]) if b != a]
    sets = [(t, picks[t]) for t in sorted(picks) if picks[t]]
    return sets, min(margins) if margins else None, ties


def match_weights(sets):
    w = np.zeros(n)
    is_control = np.zeros(n, bool)
    for t, cs in sets:
        w[t] = 1
        for c in cs:
            w[c] += 1 / len(cs)
            is_control[c] = True
    w[is_control] *= is_control.sum() / w[is_control].sum()
    return w


def sandwich_se(w, sets, replace):
    rows = np.flatnonzero(w > 0)
    Xm = np.column_stack([np.ones(len(rows)), d[rows]])
    wm, ym = w[rows], y[rows]
    bread = np.linalg.inv(Xm.T @ (wm[:, None] * Xm))
    beta = bread @ (Xm.T @ (wm * ym))
    e = ym - Xm @ beta
    u = wm[:, None] * Xm * e[:, None]
    if replace:
        groups = np.arange(len(rows))
    else:
        set_of = {}
        for s, (t, cs) in enumerate(sets):
            set_of[t] = s
            for c in cs:
                set_of[c] = s
        groups = np.array([set_of[i] for i in rows])
    G, N = len(np.unique(groups)), len(rows)
    meat = np.zeros((2, 2))
    for g in np.unique(groups):
        ug = u[groups == g].sum(axis=0)
        meat += np.outer(ug, ug)
    factor = N / (N - 2) if replace else G / (G - 1) * (N - 1) / (N - 2)
    V = factor * bread @ meat @ bread
    # statsmodels cross-check of the same sandwich.
    wls = sm.WLS(ym, Xm, weights=wm)
    fit = wls.fit(cov_type="HC1") if replace else wls.fit(cov_type="cluster", cov_kwds={"groups": groups})
    return beta[1], np.sqrt(V[1, 1]), float(fit.bse[1]), groups, rows


def r_sandwich_se(rows, w, groups, replace):
    """R sandwich: vcovCL(lm(y ~ d, weights = w), cluster = ~subclass) (default type HC1, cadjust) or vcovHC HC1."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        pd.DataFrame({"y": y[rows], "d": d[rows], "w": w[rows], "subclass": groups}).to_csv(f, index=False)
    vcov = 'vcovHC(f, type = "HC1")' if replace else "vcovCL(f, cluster = ~subclass)"
    code = (f'suppressMessages(library(sandwich)); x <- read.csv("{f.name}"); f <- lm(y ~ d, data = x, weights = w); '
            f'cat(sprintf("%.17g", sqrt({vcov}[2, 2])), as.character(packageVersion("sandwich")))')
    out = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=True).stdout.split()
    os.unlink(f.name)
    return float(out[0]), out[1], vcov


def wmean(x, w):
    return np.sum(w * x) / np.sum(w)


def wvar(x, w):
    m = wmean(x, w)
    return np.sum(w * (x - m) ** 2) * np.sum(w) / (np.sum(w) ** 2 - np.sum(w ** 2))


def balance(w):
    t, c = d == 1, d == 0
    rows = []
    for j, name in enumerate(names[1:], start=1):
        x = X[:, j]
        pooled = np.sqrt((x[t].var(ddof=1) + x[c].var(ddof=1)) / 2)
        rows.append({
            "variable": name, "mean_treated": wmean(x[t], w[t]), "mean_control": wmean(x[c], w[c]),
            "smd": (wmean(x[t], w[t]) - wmean(x[c], w[c])) / pooled,
            "variance_ratio": wvar(x[t], w[t]) / wvar(x[c], w[c]),
        })
    ess = {"treated": w[t].sum() ** 2 / (w[t] ** 2).sum(), "control": w[c].sum() ** 2 / (w[c] ** 2).sum()}
    return {"rows": rows, "effective_sample_size": ess}


SPECS = {
    "nn1": dict(ratio=1, replace=False, caliper=None, distance="score", order="largest"),
    "nn1_caliper": dict(ratio=1, replace=False, caliper=0.05, distance="score", order="largest"),
    "nn2_logit_data": dict(ratio=2, replace=False, caliper=0.25, distance="linear", order="data"),
    "nn1_replace_caliper": dict(ratio=1, replace=True, caliper=0.02, distance="score", order="largest"),
    "nn3_replace_logit": dict(ratio=3, replace=True, caliper=None, distance="linear", order="largest"),
}

cases = {}
for name, spec in SPECS.items():
    dist = score if spec["distance"] == "score" else eta
    sd = dist.std(ddof=1)
    width = None if spec["caliper"] is None else spec["caliper"] * sd
    sets, margin, ties = brute_match(dist, spec["ratio"], spec["replace"], spec["order"], width)
    w = match_weights(sets)
    t_rows = np.flatnonzero(d == 1)
    matched_t = {t for t, _ in sets}
    unmatched = [int(t) for t in t_rows if t not in matched_t]
    outside = sum(1 for t in unmatched if width is not None
                  and not np.any(np.abs(dist[t] - dist[d == 0]) <= width))
    att, se, se_sm, groups, rows = sandwich_se(w, sets, spec["replace"])
    se_r, sandwich_version, r_call = r_sandwich_se(rows, w, groups, spec["replace"])
    assert abs(se - se_r) < 1e-10 * se, (se, se_r)
    m1, m0 = wmean(y[d == 1], w[d == 1]), wmean(y[d == 0], w[d == 0])
    assert abs((m1 - m0) - att) < 1e-12
    assert abs(se - se_sm) < 1e-12 * se, (se, se_sm)
    assert margin is None or margin > 1e-7, f"{name}: a decision is within {margin} of flipping"
    cases[name] = {
        "specification": spec, "distance_sd": sd, "caliper_width": width,
        "matched_sets": [[int(t), [int(c) for c in cs]] for t, cs in sets],
        "weights": w.tolist(), "unmatched_treated": unmatched, "unmatched_outside_caliper": outside,
        "matched_control_count": int(len({c for _, cs in sets for c in cs})),
        "att": att, "treated_mean": m1, "control_mean": m0,
        "standard_error": se, "standard_error_statsmodels": se_sm, "standard_error_r_sandwich": se_r,
        "r_call": f"lm(y ~ d, weights = w) on the matched units; sqrt({r_call}[2, 2])",
        "exact_tie_decisions": ties, "smallest_decision_margin": margin,
        "balance_after": balance(w),
    }
    print(name, len(sets), "sets,", len(unmatched), "unmatched,", ties, "ties, ATT", att, "SE", se, "margin", margin)

# --- causalml cross-check (1:1, data order) ------------------------------------------------------
from causalml.match import NearestNeighborMatch  # noqa: E402

cross = {}
for name, replace, cal in [("nn1_data_noreplace", False, 0.05), ("nn1_replace", True, 0.02)]:
    width = cal * score.std(ddof=1)
    ours, _, ties = brute_match(score, 1, replace, "data", width)
    data = pd.DataFrame({"d": d, "score": score})
    # causalml scales by np.std (ddof=0); choose its caliper so that the widths are equal.
    causalml_caliper = float(width / score.std(ddof=0))
    m = NearestNeighborMatch(caliper=causalml_caliper, replace=replace, ratio=1, shuffle=False)
    m.match(data, "d", ["score"])
    theirs = {int(f): [int(t)] for f, t in zip(m.matched_indexes_["from"], m.matched_indexes_["to"])}
    ours_map = {t: cs for t, cs in ours}
    same = sum(1 for t in ours_map if theirs.get(t) == ours_map[t])
    differ = sorted(set(ours_map) ^ set(theirs) | {t for t in ours_map if t in theirs and theirs[t] != ours_map[t]})
    tie_rows = [t for t in differ if t in ours_map and t in theirs
                and abs(score[t] - score[ours_map[t][0]]) == abs(score[t] - score[theirs[t][0]])]
    cross[name] = {"call": f"NearestNeighborMatch(caliper={causalml_caliper!r}, replace={replace}, "
                           "ratio=1, shuffle=False).match(df, 'd', ['score'])",
                   "sets_ours": len(ours_map), "sets_causalml": len(theirs), "identical_sets": same,
                   "differing_treated_rows": differ, "differences_at_exact_ties": tie_rows}
    print("causalml", name, cross[name])

out = {
    "tool": "numpy (independent brute-force matching) + statsmodels",
    "tool_version": statsmodels.__version__,
    "numpy_version": np.__version__,
    "pandas_version": pd.__version__,
    "causalml_version": importlib.metadata.version("causalml"),
    "r_sandwich_version": sandwich_version,
    "script": "scripts/reference/matching_reference.py",
    "data": "datasets/reference/data/matching_small.csv",
    "call": "Logit(d, [1, x1, x2, x3]).fit(tol=1e-12); greedy nearest-neighbour matching as in the script docstring; "
            "SE: WLS(y, [1, d], weights=w).fit(cov_type='cluster', groups=matched set) or fit(cov_type='HC1')",
    "n": n, "treated": int(d.sum()),
    "propensity_coefficients": gamma.tolist(),
    "balance_before": balance(np.ones(n)),
    "cases": cases,
    "causalml_crosscheck": cross,
}
with open(os.path.join(ROOT, "datasets/reference/matching_small.json"), "w") as f:
    json.dump(out, f, indent=2, default=float)
    f.write("\n")
