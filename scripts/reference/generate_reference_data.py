#!/usr/bin/env python3
"""Generate the small seeded CSVs that the OLS reference fixtures are computed on.

Writes
  datasets/reference/data/ols_small.csv      200 rows: y, x1, x2, group (a-d), d (0/1),
                                             firm (F01-F15), year (2017-2024), w (> 0);
                                             missing values in y, x1 and firm
  datasets/reference/data/ols_collinear.csv   60 rows: y, x1, x2, x3 = x1 + x2 exactly, firm, year

Values are rounded to a few decimals so the files are readable; the fixtures are computed from
the values as written (the reference script re-reads the CSVs), so no precision is lost.

Usage: python3 scripts/reference/generate_reference_data.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "datasets" / "reference" / "data"
SEED_SMALL = 20261124
SEED_COLLINEAR = 20261125


def make_small() -> pd.DataFrame:
    """200 rows; y = 1 + 0.5 x1 - 0.3 x2 + group + 0.2 x1 x2 + 0.8 d + firm + year + e.

    Firm and year effects enter the regressors and (with random slopes) the outcome, and e is
    heteroskedastic (sd 0.5 + 0.3 |x1|), so HC, one-way and two-way covariances differ visibly.
    """
    rng = np.random.default_rng(SEED_SMALL)
    n = 200
    # Unequal cluster sizes: firm drawn with Dirichlet probabilities.
    firm_p = rng.dirichlet(np.full(15, 2.0))
    firm = rng.choice(15, size=n, p=firm_p)
    year = rng.integers(0, 8, size=n)
    group = rng.choice(4, size=n, p=[0.3, 0.3, 0.2, 0.2])
    # Cluster components in the regressors AND in the error, in both dimensions, so that both
    # one-way covariances exceed the intersection one and the two-way matrix is positive definite.
    firm_x = rng.normal(0.0, 0.8, size=(15, 2))
    year_x = rng.normal(0.0, 0.8, size=(8, 2))
    firm_effect = rng.normal(0.0, 0.7, size=15)
    year_effect = rng.normal(0.0, 0.6, size=8)
    x1 = np.round(rng.normal(0.0, 1.0, size=n) + firm_x[firm, 0] + year_x[year, 0], 4)
    x2 = np.round(2.0 + rng.normal(0.0, 1.2, size=n) + firm_x[firm, 1] + year_x[year, 1], 4)
    d = (rng.uniform(size=n) < 0.4).astype(int)
    w = np.round(rng.uniform(0.5, 2.0, size=n), 3)
    group_effect = np.array([0.0, 0.4, -0.6, 1.0])
    noise = rng.normal(0.0, 1.0, size=n) * (0.5 + 0.3 * np.abs(x1))
    y = (
        1.0 + 0.5 * x1 - 0.3 * x2 + group_effect[group] + 0.2 * x1 * x2 + 0.8 * d
        + firm_effect[firm] * (1.0 + 0.5 * x1) + year_effect[year] * (1.0 + 0.3 * x2) + noise
    )
    y = np.round(y, 4)

    frame = pd.DataFrame(
        {
            "y": y,
            "x1": x1,
            "x2": x2,
            "group": np.array(["a", "b", "c", "d"])[group],
            "d": d,
            "firm": [f"F{f + 1:02d}" for f in firm],
            "year": 2017 + year,
            "w": w,
        }
    )
    # Missing values, with overlaps so that the drop attribution order shows:
    # r3 misses y and x1 (counted as outcome), r5 misses x1 and firm (counted as regressor).
    rows = rng.choice(n, size=8, replace=False)
    frame = frame.astype({"y": float, "x1": float, "firm": object})
    frame.loc[rows[[0, 1, 2, 3]], "y"] = np.nan
    frame.loc[rows[[3, 4, 5]], "x1"] = np.nan
    frame.loc[rows[[5, 6, 7]], "firm"] = None
    return frame


def make_collinear() -> pd.DataFrame:
    """60 rows; x1, x2 are multiples of 1/64 so x3 = x1 + x2 holds exactly in binary floating
    point (the dependency is exact, not merely within rounding)."""
    rng = np.random.default_rng(SEED_COLLINEAR)
    n = 60
    x1 = np.round(rng.normal(0.0, 1.0, size=n) * 64) / 64
    x2 = np.round(rng.normal(1.0, 2.0, size=n) * 64) / 64
    x3 = x1 + x2
    firm = rng.integers(0, 8, size=n)
    year = rng.integers(0, 5, size=n)
    y = np.round(2.0 + 1.5 * x1 - 0.7 * x2 + rng.normal(0.0, 1.0, size=n) * (0.6 + 0.2 * np.abs(x2)), 4)
    return pd.DataFrame(
        {
            "y": y,
            "x1": x1,
            "x2": x2,
            "x3": x3,
            "firm": [f"F{f + 1:02d}" for f in firm],
            "year": 2020 + year,
        }
    )


def write(frame: pd.DataFrame, name: str) -> Path:
    """LF line endings, missing as empty fields, shortest round-trip floats."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / name
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def main() -> None:
    small = make_small()
    collinear = make_collinear()
    assert (collinear["x3"] == collinear["x1"] + collinear["x2"]).all()
    for frame, name in ((small, "ols_small.csv"), (collinear, "ols_collinear.csv")):
        path = write(frame, name)
        back = pd.read_csv(path)
        # The CSV must round-trip exactly (the fixtures are computed from the file).
        pd.testing.assert_frame_equal(back, frame.astype(back.dtypes.to_dict()), check_exact=True)
        print(f"wrote {path.relative_to(REPO)} ({len(frame)} rows, missing: "
              f"{frame.isna().sum()[frame.isna().sum() > 0].to_dict()})")


if __name__ == "__main__":
    main()
