"""The designs of the accuracy grid, built exactly as Tests/LinearAlgebraTests builds them.

Every rule here is mirrored in Swift (AccuracyDesigns.swift); a design is only comparable
across tools if the doubles are identical, so powers are formed by repeated IEEE
multiplication (x^k = x^(k-1) * x, left to right), never by pow().
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from fractions import Fraction
from math import comb

import numpy as np

from accref_exact import solve_exact, standard_deviations

NIST_DIR = "datasets/reference/nist"


def powers(x: np.ndarray, degree: int) -> np.ndarray:
    """Columns 1, x, x^2, ..., x^degree, each the previous one times x (IEEE products)."""
    columns = [np.ones_like(x)]
    for _ in range(degree):
        columns.append(columns[-1] * x)
    return np.column_stack(columns)


def load_nist(repo) -> list[dict]:
    """Every NIST dataset: decimal data, the double design, certified values, verified exactly.

    The certified coefficients and standard deviations are recomputed in exact rational
    arithmetic from the decimal data; the script stops if one differs by more than 5e-15
    (relative), which would mean a transcription error in the data or in certified.json.
    """
    meta = json.loads((repo / NIST_DIR / "certified.json").read_text())
    cases = []
    for spec in meta["datasets"]:
        with open(repo / NIST_DIR / spec["file"], newline="") as f:
            rows = list(csv.reader(f))[1:]
        decimal_y = [Fraction(Decimal(r[0])) for r in rows]
        decimal_x = [[Fraction(Decimal(v)) for v in r[1:]] for r in rows]
        y = np.array([float(r[0]) for r in rows])
        x = np.array([[float(v) for v in r[1:]] for r in rows])
        degree = spec["polynomial_degree"]
        if spec["name"] == "Longley":
            design = np.column_stack([np.ones(len(y)), x])
            exact_rows = [[Fraction(1)] + xs for xs in decimal_x]
        elif spec["intercept"]:
            design = powers(x[:, 0], degree)
            exact_rows = [[xs[0] ** k for k in range(degree + 1)] for xs in decimal_x]
        else:
            design = x[:, :1]
            exact_rows = [[xs[0]] for xs in decimal_x]
        exact = solve_exact(exact_rows, decimal_y)
        verify_certified(spec, exact, len(rows))
        cases.append({"spec": spec, "design": design, "y": y, "exact_decimal": exact})
    return cases


def verify_certified(spec: dict, exact: dict, n: int) -> None:
    """Stops unless the exact solution of the decimal data reproduces the certified values."""
    sds = standard_deviations(exact, n)
    for j, (b, c) in enumerate(zip(exact["beta"], spec["certified_coefficients"])):
        certified = Fraction(Decimal(c))
        rel = abs(b - certified) / abs(certified)
        if rel > Fraction(5, 10**15):
            raise SystemExit(f"{spec['name']}: B{j} exact {float(b)!r} vs certified {c}: rel {float(rel):.2e}")
    for j, (s, c) in enumerate(zip(sds, spec["certified_standard_deviations"])):
        certified = float(Decimal(c))
        if abs(s - certified) > 5e-15 * max(abs(certified), 1e-300) and not (certified == 0 and s == 0):
            raise SystemExit(f"{spec['name']}: SD{j} exact {s!r} vs certified {c}")


def binomial_residual(n: int) -> np.ndarray:
    """e_i = (-1)^i C(n-1, i): the (n-1)-th finite difference pattern, orthogonal on the points
    t = 0..n-1 to every polynomial of degree below n - 1 (exact integers)."""
    return np.array([(-1) ** i * comb(n - 1, i) for i in range(n)], dtype=float)


def integer_polynomial(degree: int, with_residual: bool) -> dict:
    """t = 0..20, columns t^0..t^degree, true coefficients b_j = (-1)^j (j + 1), and
    y = X b (+ the binomial residual, orthogonal to the columns): the least-squares solution
    is b exactly, every number is an integer below 2^53."""
    t = np.arange(21.0)
    design = powers(t, degree)
    beta = [(-1) ** j * (j + 1) for j in range(degree + 1)]
    y = design @ np.array(beta, dtype=float)
    exact_y = [sum(Fraction(int(ti)) ** j * b for j, b in enumerate(beta)) for ti in range(21)]
    assert all(Fraction(v) == e for v, e in zip(y, exact_y)), "X b is not exact in doubles"
    if with_residual:
        y = y + binomial_residual(21)
    return {"design": design, "y": y, "beta": [Fraction(b) for b in beta]}


def near_collinear() -> dict:
    """t = 0..20, x1 = t^2 - 7 t, z = t (t - 5)(t - 12), x2 = x1 + 2^-30 z (about 1e-9 z; exact in
    doubles), y = 1 + 2 x1 + 3 x2 + e with the binomial residual e: solution (1, 2, 3) exactly."""
    t = np.arange(21.0)
    x1 = t * t - 7 * t
    z = t * (t - 5) * (t - 12)
    x2 = x1 + z * 2.0**-30
    assert all(Fraction(a) == Fraction(b) + Fraction(c) * Fraction(1, 2**30) for a, b, c in zip(x2, x1, z))
    design = np.column_stack([np.ones(21), x1, x2])
    y = 1 + 2 * x1 + 3 * x2 + binomial_residual(21)
    exact_y = [1 + 2 * Fraction(a) + 3 * Fraction(b) + Fraction(e) for a, b, e in zip(x1, x2, binomial_residual(21))]
    assert all(Fraction(v) == e for v, e in zip(y, exact_y)), "y is not exact in doubles"
    return {"design": design, "y": y, "beta": [Fraction(1), Fraction(2), Fraction(3)]}


def exact_solution_of_doubles(design: np.ndarray, y: np.ndarray) -> list[Fraction]:
    """The exact least-squares solution of the double data as stored (no decimal data involved)."""
    rows = [[Fraction(v) for v in row] for row in design]
    return solve_exact(rows, [Fraction(v) for v in y])["beta"]
