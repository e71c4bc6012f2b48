"""Independent numpy implementations of the cluster covariances in cov_small.json.

Everything is computed the slow, literal way on dense N x N matrices (N = 192 here), so that it
shares nothing with clubSandwich's per-cluster code, sandwich's meatCL, or the Swift
implementation's QR-based blocks:

- CR1 one-way: G/(G-1) (N-1)/(N-K) B (sum_g S_g S_g') B, S_g = sum_{i in g} w_i x_i e_i.
- CR1 multi-way: inclusion-exclusion over every non-empty subset of the dimensions, sign
  (-1)^(|S|+1), each term its own G_S (non-empty cells of the intersection).
- CR2 (working model Phi = I): with H = X M X'W (N x N), B_g = [(I - H)(I - H)']_gg,
  A_g = B_g^(+,-1/2) (eigenvalues <= 1e-12 set to 0), s_g = X_g'W_g A_g e_g, V = M (sum s s') M.
- CR3: V = sum_g (b - b_(g))(b - b_(g))' with b_(g) an explicit weighted least-squares refit
  without cluster g (the exact cluster jackknife, no (G-1)/G factor, no centring).
- Satterthwaite df of c'V c for CR2: p_g = (I - H)_{g.}' A_g W_g X_g M c (an N-vector per
  cluster), P = [p_g' p_h], df = tr(P)^2 / ||P||_F^2 (Pustejovsky & Tipton 2018, eq. 11 with
  Phi = I).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd


def _rel_scaled(a: np.ndarray, b: np.ndarray) -> float:
    """Largest |a - b| relative to sqrt(b_ii b_jj) (so near-zero covariances are not over-weighted)."""
    scale = np.sqrt(np.outer(np.abs(np.diag(b)), np.abs(np.diag(b))))
    return float(np.max(np.abs(a - b) / scale))


class DenseModel:
    """The design, weights and residuals of one fit, with its dense hat matrix."""

    def __init__(self, x: np.ndarray, y: np.ndarray, w: np.ndarray | None):
        self.x = x
        self.y = y
        self.w = np.ones(len(y)) if w is None else w
        self.n, self.k = x.shape
        xtwx = x.T @ (self.w[:, None] * x)
        self.m = np.linalg.inv(xtwx)
        self.b = self.m @ (x.T @ (self.w * y))
        self.e = y - x @ self.b
        self.h = x @ self.m @ x.T * self.w[None, :]  # H = X M X' W
        self.i_minus_h = np.eye(self.n) - self.h

    def sandwich(self, meat: np.ndarray) -> np.ndarray:
        return self.m @ meat @ self.m

    def cr1(self, ids: np.ndarray) -> np.ndarray:
        s = self.x * (self.w * self.e)[:, None]
        groups = pd.factorize(ids)[0]
        g = groups.max() + 1
        sums = np.zeros((g, self.k))
        np.add.at(sums, groups, s)
        factor = g / (g - 1) * (self.n - 1) / (self.n - self.k)
        return factor * self.sandwich(sums.T @ sums)

    def multiway(self, columns: list[np.ndarray]) -> np.ndarray:
        total = np.zeros((self.k, self.k))
        for size in range(1, len(columns) + 1):
            for subset in itertools.combinations(range(len(columns)), size):
                cells = ["_".join(str(columns[j][i]) for j in subset) for i in range(self.n)]
                total += (-1) ** (size + 1) * self.cr1(np.array(cells))
        return total

    def _cr2_adjustments(self, ids: np.ndarray):
        groups = pd.factorize(ids)[0]
        full = self.i_minus_h @ self.i_minus_h.T
        out = []
        for g in range(groups.max() + 1):
            rows = np.flatnonzero(groups == g)
            values, vectors = np.linalg.eigh(full[np.ix_(rows, rows)])
            powered = np.where(values > 1e-12, np.abs(values) ** -0.5, 0.0)
            out.append((rows, vectors @ np.diag(powered) @ vectors.T))
        return out

    def cr2(self, ids: np.ndarray) -> np.ndarray:
        meat = np.zeros((self.k, self.k))
        for rows, a in self._cr2_adjustments(ids):
            s = self.x[rows].T @ (self.w[rows] * (a @ self.e[rows]))
            meat += np.outer(s, s)
        return self.sandwich(meat)

    def cr3(self, ids: np.ndarray) -> np.ndarray | None:
        """Exact jackknife by refitting; None if some refit is rank deficient."""
        groups = pd.factorize(ids)[0]
        total = np.zeros((self.k, self.k))
        for g in range(groups.max() + 1):
            keep = groups != g
            xk = self.x[keep] * np.sqrt(self.w[keep])[:, None]
            if np.linalg.matrix_rank(xk) < self.k:
                return None
            bg = np.linalg.lstsq(xk, self.y[keep] * np.sqrt(self.w[keep]), rcond=None)[0]
            total += np.outer(self.b - bg, self.b - bg)
        return total

    def satterthwaite(self, ids: np.ndarray, contrast: np.ndarray) -> float:
        p = []
        for rows, a in self._cr2_adjustments(ids):
            q = a @ (self.w[rows] * (self.x[rows] @ (self.m @ contrast)))
            p.append(self.i_minus_h[rows, :].T @ q)
        p = np.array(p)
        gram = p @ p.T
        return float(np.trace(gram) ** 2 / np.sum(gram**2))


def check_against_r(model: DenseModel, d: pd.DataFrame, clusters: list[str], r_vcov: dict,
                    r_satt: dict, contrast: np.ndarray, r_contrast: dict) -> dict:
    """Max scaled differences of the R numbers to the dense implementations; stops above 1e-9."""
    diffs: dict[str, float] = {}
    for c in clusters:
        ids = d[c].to_numpy()
        diffs[f"CR1:{c}"] = _rel_scaled(model.cr1(ids), r_vcov[f"CR1:{c}"])
        diffs[f"CR2:{c}"] = _rel_scaled(model.cr2(ids), r_vcov[f"CR2:{c}"])
        jack = model.cr3(ids)
        if jack is None:
            assert f"CR3:{c}" not in r_vcov, f"CR3:{c}: refit rank deficient but clubSandwich gave a matrix"
            diffs[f"CR3:{c}"] = float("nan")  # undefined in both
        else:
            diffs[f"CR3:{c}"] = _rel_scaled(jack, r_vcov[f"CR3:{c}"])
        satt = [model.satterthwaite(ids, np.eye(model.k)[j]) for j in range(model.k)]
        diffs[f"CR2:{c}:satterthwaite_df"] = float(np.max(np.abs(np.array(satt) / r_satt[f"CR2:{c}"] - 1)))
        lc = model.satterthwaite(ids, contrast)
        diffs[f"CR2:{c}:contrast_df"] = abs(lc / r_contrast[f"CR2:{c}"] - 1)
    for size in (2, 3):
        if len(clusters) >= size:
            key = "CR1:" + "+".join(clusters[:size])
            diffs[key] = _rel_scaled(model.multiway([d[c].to_numpy() for c in clusters[:size]]), r_vcov[key])
    worst = max(v for v in diffs.values() if not np.isnan(v))
    if worst > 1e-9:
        raise SystemExit(f"R and the dense numpy implementation differ: {diffs}")
    return {k: (None if np.isnan(v) else v) for k, v in diffs.items()}
