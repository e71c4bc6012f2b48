"""Exact rational least squares and the log relative error (LRE) used by accuracy_reference.py."""

from __future__ import annotations

import math
from fractions import Fraction

# LRE cap: a double carries 53 bits = 15.95 decimal digits; the certified values carry 15.
LRE_CAP = 15.9


def solve_exact(rows: list[list[Fraction]], y: list[Fraction]) -> dict:
    """Least squares in exact rational arithmetic: the normal equations X'X b = X'y solved by
    Gauss-Jordan elimination over the rationals (no rounding anywhere, so forming X'X is harmless).

    Returns the coefficients, the residual sum of squares and the diagonal of (X'X)^-1, all exact.
    The design must have full column rank.
    """
    n, k = len(rows), len(rows[0])
    gram = [[sum(rows[i][a] * rows[i][b] for i in range(n)) for b in range(k)] for a in range(k)]
    rhs = [sum(rows[i][a] * y[i] for i in range(n)) for a in range(k)]
    # Augment with the right-hand side and the identity: one elimination gives b and (X'X)^-1.
    m = [gram[r][:] + [rhs[r]] + [Fraction(int(r == c)) for c in range(k)] for r in range(k)]
    for col in range(k):
        pivot = next(r for r in range(col, k) if m[r][col] != 0)
        m[col], m[pivot] = m[pivot], m[col]
        p = m[col][col]
        m[col] = [v / p for v in m[col]]
        for r in range(k):
            if r != col and m[r][col] != 0:
                f = m[r][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    beta = [m[r][k] for r in range(k)]
    inverse_diagonal = [m[r][k + 1 + r] for r in range(k)]
    residuals = [y[i] - sum(rows[i][j] * beta[j] for j in range(k)) for i in range(n)]
    return {"beta": beta, "rss": sum(r * r for r in residuals), "inverse_diagonal": inverse_diagonal}


def standard_deviations(exact: dict, n: int) -> list[float]:
    """sqrt(s^2 (X'X)^-1_jj), s^2 = RSS/(n - k), as NIST defines the certified standard deviations."""
    k = len(exact["beta"])
    s2 = exact["rss"] / (n - k)
    return [math.sqrt(s2 * d) for d in exact["inverse_diagonal"]]


def lre(value: float, reference: Fraction | float) -> float:
    """Log relative error -log10(|value - c| / |c|) (McCullough 1998), -log10|value| when c = 0,
    capped at LRE_CAP; NaN scores 0."""
    if value != value:
        return 0.0
    c = Fraction(reference)
    error = abs(Fraction(value) - c)
    if error == 0:
        return LRE_CAP
    relative = error / abs(c) if c != 0 else error
    return min(LRE_CAP, -math.log10(float(relative)))


def nearest_double(value: Fraction) -> float:
    """The double nearest to an exact rational (Python's Fraction -> float rounds correctly)."""
    return float(value)


def significant(value: Fraction, digits: int = 20) -> str:
    """An exact rational as a decimal string with `digits` significant digits."""
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = digits
        return str(Decimal(value.numerator) / Decimal(value.denominator))
