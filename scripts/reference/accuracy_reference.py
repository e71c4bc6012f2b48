#!/usr/bin/env python3
"""Regenerate datasets/reference/accuracy.json: how accurately statsmodels' QR path (and R's
lm.fit) solve hard least-squares problems whose exact solutions are known.

Designs
  NIST StRD   the eleven linear-regression datasets in datasets/reference/nist/ (Norris,
              Pontius, NoInt1, NoInt2, Filip, Longley, Wampler1-5); the certified values are
              first re-derived in exact rational arithmetic from the data (the script stops on
              any disagreement beyond 5e-15)
  synthetic   integer polynomial designs on t = 0..20 with integer coefficients and a residual
              exactly orthogonal to the columns, and a near-collinear design x2 = x1 + 2^-30 z;
              their exact solutions are known by construction

For each design the JSON records the exact solution of the double data as stored (the target a
double-precision solver can reach), statsmodels OLS(y, X).fit(method="qr") and R lm.fit(X, y)
coefficients, and the log relative error (LRE, McCullough 1998) of each against the exact
solution and, for NIST, against the certified values. Filip is also fitted with R's default rank
tolerance, where lm drops x^10 (see the "filip_r_rank_rule" entry).

Usage (from anywhere): python3 scripts/reference/accuracy_reference.py [--no-r]
The output is deterministic: two runs give byte-identical JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import statsmodels
import statsmodels.api as sm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accref_designs import (  # noqa: E402
    exact_solution_of_doubles,
    integer_polynomial,
    load_nist,
    near_collinear,
)
from accref_exact import LRE_CAP, lre, nearest_double, significant  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "datasets/reference/accuracy.json"
STATSMODELS_CALL = 'sm.OLS(y, X).fit(method="qr").params'
R_CALL = "lm.fit(X, y, tol = {tol})$coefficients"


def statsmodels_fit(design: np.ndarray, y: np.ndarray) -> list[float]:
    """statsmodels' QR path: numpy.linalg.qr (LAPACK dgeqrf), then solve R b = Q'y."""
    return [float(v) for v in sm.OLS(y, design).fit(method="qr").params]


def r_fit(design: np.ndarray, y: np.ndarray, tol: float) -> dict | None:
    """R lm.fit on the same doubles (written with %.17g, which round-trips exactly)."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "xy.csv"
        np.savetxt(path, np.column_stack([y, design]), delimiter=",", fmt="%.17g")
        program = (
            f'd <- as.matrix(read.csv("{path}", header = FALSE)); y <- d[, 1]; X <- d[, -1, drop = FALSE]; '
            f"f <- lm.fit(X, y, tol = {tol!r}); "
            'cat(sprintf("%.17g", f$coefficients), sep = "\\n"); cat("rank", f$rank, "\\n"); '
            'cat("version", R.version$major, R.version$minor, "\\n")'
        )
        out = subprocess.run(["Rscript", "-e", program], capture_output=True, text=True, check=True).stdout
    lines = out.strip().splitlines()
    coefficients = [None if v == "NA" else float(v) for v in lines[: design.shape[1]]]
    rank = int(lines[design.shape[1]].split()[1])
    version = ".".join(lines[design.shape[1] + 1].split()[1:])
    return {"coefficients": coefficients, "rank": rank, "r_version": version}


def condition_numbers(design: np.ndarray) -> dict:
    """2-norm condition numbers: of the columns scaled to unit length (what the Swift solver
    reports) and of the raw design (statsmodels' `condition_number`)."""
    unit = design / np.linalg.norm(design, axis=0)
    s_unit = np.linalg.svd(unit, compute_uv=False)
    s_raw = np.linalg.svd(design, compute_uv=False)
    return {"unit_columns": float(s_unit[0] / s_unit[-1]), "raw": float(s_raw[0] / s_raw[-1])}


def lre_block(values: list[float | None], reference: list) -> dict:
    per = [lre(v, c) if v is not None else 0.0 for v, c in zip(values, reference)]
    return {"per_coefficient": [round(v, 2) for v in per], "min": round(min(per), 2)}


def record(name: str, description: str, design: np.ndarray, y: np.ndarray, build: str,
           use_r: bool, certified: list | None = None) -> dict:
    exact = exact_solution_of_doubles(design, y)
    sm_params = statsmodels_fit(design, y)
    entry = {
        "name": name,
        "description": description,
        "design_rule": build,
        "rows": int(design.shape[0]),
        "columns": int(design.shape[1]),
        "condition_number": condition_numbers(design),
        "exact_solution_of_doubles": [significant(b) for b in exact],
        "exact_solution_nearest_double": [nearest_double(b) for b in exact],
        "statsmodels": {
            "call": STATSMODELS_CALL,
            "coefficients": sm_params,
            "lre_vs_exact": lre_block(sm_params, exact),
        },
    }
    if certified is not None:
        entry["certified_coefficients"] = certified
        entry["statsmodels"]["lre_vs_certified"] = lre_block(sm_params, [float(c) for c in certified])
    if use_r:
        r = r_fit(design, y, 1e-10)
        if r is not None:
            entry["r_lm_fit"] = {"call": R_CALL.format(tol="1e-10"), **r,
                                 "lre_vs_exact": lre_block(r["coefficients"], exact)}
            if certified is not None:
                entry["r_lm_fit"]["lre_vs_certified"] = lre_block(r["coefficients"], [float(c) for c in certified])
    return entry


def filip_rank_rule(case: dict, use_r: bool) -> dict:
    """Filip under R's default tolerance: which column lm drops, and the fit without it."""
    design, y = case["design"], case["y"]
    reduced = design[:, :10]
    exact = exact_solution_of_doubles(reduced, y)
    entry = {
        "description": "Filip with the rank tolerance of R's lm (1e-7): the limited-pivoting QR "
        "(LINPACK dqrdc2) finds x^10 dependent on 1, x, ..., x^9 (relative remainder below 1e-7) "
        "and drops it; the other ten coefficients are the least-squares fit of the degree-9 model.",
        "tolerance": 1e-7,
        "exact_solution_without_x10": [significant(b) for b in exact],
        "exact_solution_without_x10_nearest_double": [nearest_double(b) for b in exact],
        "condition_number_without_x10": condition_numbers(reduced),
        "statsmodels_without_x10": lre_block(statsmodels_fit(reduced, y), exact),
    }
    if use_r:
        r = r_fit(design, y, 1e-7)
        if r is not None:
            kept = [v for v in r["coefficients"] if v is not None]
            entry["r_lm_fit"] = {"call": R_CALL.format(tol="1e-7"), **r,
                                 "dropped_columns": [j for j, v in enumerate(r["coefficients"]) if v is None],
                                 "lre_vs_exact_without_x10": lre_block(kept, exact)}
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-r", action="store_true", help="skip the R lm.fit columns")
    use_r = not parser.parse_args().no_r

    cases = []
    nist = load_nist(REPO)
    for case in nist:
        spec = case["spec"]
        rule = ("[1, x1, ..., x6] as in the file" if spec["name"] == "Longley"
                else f"powers 1, x, ..., x^{spec['polynomial_degree']} by repeated multiplication"
                if spec["intercept"] else "the single column x (no intercept)")
        cases.append(record(f"nist_{spec['name']}", f"NIST StRD {spec['name']} ({spec['difficulty']} "
                            f"difficulty): {spec['model']}", case["design"], case["y"], rule, use_r,
                            spec["certified_coefficients"]))
    for degree in (6, 8, 10):
        d = integer_polynomial(degree, with_residual=True)
        cases.append(record(
            f"integer_polynomial_degree{degree}",
            f"t = 0..20, columns t^0..t^{degree}, b_j = (-1)^j (j+1), y = X b + e with "
            "e_i = (-1)^i C(20, i) orthogonal to every column: the solution is b exactly",
            d["design"], d["y"], "powers of t by repeated multiplication; all entries integers", use_r))
    d = integer_polynomial(10, with_residual=False)
    cases.append(record("integer_polynomial_degree10_exact_fit",
                        "as integer_polynomial_degree10 without the residual (zero-residual fit)",
                        d["design"], d["y"], "powers of t by repeated multiplication", use_r))
    d = near_collinear()
    cases.append(record("near_collinear",
                        "x1 = t^2 - 7t, z = t(t-5)(t-12), x2 = x1 + 2^-30 z (t = 0..20), "
                        "y = 1 + 2 x1 + 3 x2 + e (binomial residual): solution (1, 2, 3)",
                        d["design"], d["y"], "[1, x1, x2], all exact in doubles", use_r))
    filip = next(c for c in nist if c["spec"]["name"] == "Filip")

    document = {
        "case": "accuracy",
        "description": __doc__.split("\n\n")[0],
        "tool": "statsmodels",
        "tool_version": statsmodels.__version__,
        "python_version": platform.python_version(),
        "library_versions": {"numpy": np.__version__},
        "platform": f"{platform.system()} {platform.machine()}",
        "generated_by": "scripts/reference/accuracy_reference.py",
        "regenerate": "python3 scripts/reference/accuracy_reference.py",
        "imports": "import numpy as np\nimport statsmodels.api as sm",
        "lre_definition": "LRE = -log10(|b - c| / |c|) (-log10|b| when c = 0), capped at "
        f"{LRE_CAP} (a double carries 15.95 digits; NIST certifies 15). 'exact' = the exact "
        "least-squares solution of the design and response as stored in doubles, computed with "
        "rational arithmetic; NIST certified values refer to the decimal data, so a design whose "
        "powers are rounded to doubles (Filip) cannot agree with them beyond the digits its "
        "rounding leaves (7.9 for Filip, see exact_solution_of_doubles vs certified).",
        "cases": cases,
        "filip_r_rank_rule": filip_rank_rule(filip, use_r),
    }
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUTPUT.relative_to(REPO)}")
    for c in cases:
        sm_lre = c["statsmodels"]["lre_vs_exact"]["min"]
        r_lre = c.get("r_lm_fit", {}).get("lre_vs_exact", {}).get("min", "-")
        print(f"{c['name']:40s} cond {c['condition_number']['unit_columns']:9.3g}  statsmodels {sm_lre:5}  R {r_lre}")


if __name__ == "__main__":
    main()
