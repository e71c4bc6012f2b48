#!/usr/bin/env python3
"""Regenerate the relative-magnitudes sensitivity fixtures datasets/reference/honest_*.json.

Tool   honestdid 0.1.1 (PyPI; Python port of R HonestDiD, Rambachan & Roth 2023),
       `createSensitivityResults_relativeMagnitudes` and `constructOriginalCS`.

Cases (each a plain betahat / sigma, reference period excluded, pre-periods first)
  synthetic3x3  3 pre and 3 post periods, a made-up betahat and sigma, l = average of the post
                periods (the nuisance-parameter branch of the ARP test).
  synthetic3x3fine  the same on the default 1000-point grid (conditional test only).
  synthetic2x1  2 pre and 1 post period (the branch without nuisance parameters).
  panel         the TWFE event study of the seeded staggered panel in
                datasets/reference/es_staggered.json (case "binned": leads -4..-2, lags 0..5,
                CRV1 by team), l = average of the 6 post periods.

For each case the script records, on HonestDiD's default theta grid between -/+ 20 sd(l'beta_post)
(gridPoints = 1000 for synthetic2x1; 100 for the nuisance-parameter cases, whose Python LPs take
many minutes per 1000 points):
  conditional   method="Conditional" (the ARP test without the hybrid first stage): deterministic
  c_lf          method="C-LF" (the default least-favourable hybrid, kappa = alpha / 10) for
                seed 0 (seeds 0..3 for synthetic2x1); its critical value is simulated from 1000
                normal draws, so another generator matches it up to Monte Carlo error.
  original      the non-robust normal interval for l'beta_post.

honestdid 0.1.1 calls float() on 1x1 arrays, which numpy >= 2.4 rejects; run it with numpy 2.3
(e.g. a venv with --system-site-packages and `pip install "numpy<2.4"`; the fixtures record the
numpy version used).

Usage: python3 scripts/reference/honest_reference.py [case[:conditional|:c_lf] ...]
"""

from __future__ import annotations

import json
import platform
import sys
import warnings
from pathlib import Path

import numpy as np
import honestdid
from honestdid import constructOriginalCS, createSensitivityResults_relativeMagnitudes

warnings.filterwarnings("ignore")
REPO = Path(__file__).resolve().parents[2]
SEEDS = [0]


def synthetic3x3():
    beta = np.array([0.03, -0.05, 0.04, 0.21, 0.26, 0.31])
    sd = np.array([0.05, 0.045, 0.04, 0.05, 0.055, 0.06])
    rho = 0.3
    corr = rho ** np.abs(np.subtract.outer(np.arange(6), np.arange(6)))
    sigma = corr * np.outer(sd, sd)
    return beta, sigma, 3, 3, np.full(3, 1 / 3), [0.0, 1.0, 2.0]


def synthetic2x1():
    beta = np.array([-0.02, 0.05, 0.18])
    sigma = np.array([[0.0016, 0.0004, 0.0002], [0.0004, 0.0020, 0.0005], [0.0002, 0.0005, 0.0025]])
    return beta, sigma, 2, 1, np.array([1.0]), [0.0, 0.5, 1.0, 2.0, 3.0]


def panel():
    es = json.loads((REPO / "datasets/reference/es_staggered.json").read_text())
    case = next(c for c in es["cases"] if c["name"] == "binned")
    beta = np.array(case["estimates"])
    sigma = np.array(case["covariance"])
    return beta, sigma, 3, 6, np.full(6, 1 / 6), [0.0, 1.0, 2.0]


def rows(frame):
    return [
        {"mbar": float(r["Mbar"]), "lb": None if np.isnan(r["lb"]) else float(r["lb"]),
         "ub": None if np.isnan(r["ub"]) else float(r["ub"])}
        for _, r in frame.iterrows()
    ]


def run(name, maker, note, grid_points=1000, methods=("conditional", "c_lf")):
    beta, sigma, npre, npost, l_vec, mbars = maker()
    call = (f"createSensitivityResults_relativeMagnitudes(betahat, sigma, numPrePeriods={npre}, "
            f"numPostPeriods={npost}, Mbarvec={mbars}, l_vec=l_vec, method=METHOD, alpha=0.05, "
            f"gridPoints={grid_points}, seed=SEED)")
    out = {
        "tool": "honestdid", "tool_version": honestdid.__version__,
        "python": platform.python_version(), "numpy": np.__version__,
        "generated_by": "scripts/reference/honest_reference.py", "case": name, "note": note,
        "call": call, "alpha": 0.05, "grid_points": grid_points,
        "num_pre_periods": npre, "num_post_periods": npost,
        "betahat": beta.tolist(), "sigma": sigma.tolist(), "l_vec": l_vec.tolist(), "mbar": mbars,
    }
    orig = constructOriginalCS(beta, sigma, npre, npost, l_vec=l_vec, alpha=0.05)
    out["original"] = {"lb": float(orig["lb"][0]), "ub": float(orig["ub"][0])}
    if "conditional" in methods:
        cond = createSensitivityResults_relativeMagnitudes(
            beta, sigma, npre, npost, Mbarvec=mbars, l_vec=l_vec, method="Conditional", alpha=0.05,
            gridPoints=grid_points)
        out["conditional"] = rows(cond)
        print(name, "conditional done", flush=True)
    out["c_lf"] = {}
    for seed in (SEEDS if npost > 1 else [0, 1, 2, 3]) if "c_lf" in methods else []:
        res = createSensitivityResults_relativeMagnitudes(
            beta, sigma, npre, npost, Mbarvec=mbars, l_vec=l_vec, method="C-LF", alpha=0.05, seed=seed,
            gridPoints=grid_points)
        out["c_lf"][str(seed)] = rows(res)
        print(name, "seed", seed, "done", flush=True)
    suffix = "" if len(methods) == 2 else "_" + methods[0]
    path = REPO / f"datasets/reference/honest_{name}{suffix}.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", path)


CASES = {
    "synthetic2x1": (synthetic2x1, "made-up 2 pre + 1 post event study", 1000),
    "synthetic3x3": (synthetic3x3, "made-up 3 pre + 3 post event study, AR(1)-correlated errors", 100),
    "synthetic3x3fine": (synthetic3x3, "synthetic3x3 on HonestDiD's default 1000-point grid", 1000),
    "panel": (panel, "event study of the seeded staggered panel (es_staggered.json, case binned)", 100),
}

if __name__ == "__main__":
    # Jobs "case" or "case:method" (one per process: the nuisance cases take many CPU minutes).
    # synthetic3x3 and panel write one file per method (honest_<case>_conditional.json,
    # honest_<case>_c_lf.json).
    jobs = sys.argv[1:] or ["synthetic2x1", "synthetic3x3:conditional", "synthetic3x3:c_lf", "panel:conditional",
                            "panel:c_lf", "synthetic3x3fine:conditional"]
    for job in jobs:
        case, _, method = job.partition(":")
        maker, note, points = CASES[case]
        run(case, maker, note, grid_points=points, methods=(method,) if method else ("conditional", "c_lf"))
