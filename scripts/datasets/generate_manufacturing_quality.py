#!/usr/bin/env python3
"""Generate the synthetic manufacturing-quality panel (datasets/manufacturing-quality/manufacturing_quality.csv).

A production line x week panel: 24 lines in 4 plants (6 lines each), 52 weeks (weeks start on
Mondays from 2025-01-06). In each plant, 3 of the 6 lines, drawn at random, have their crews
trained in week 27; the other 12 lines are never trained. Training lowers the expected defect
rate (defects per 1,000 units) with a ramp-up: at event time e = week - 27 >= 0 the true effect is

    tau(e) = -4.0 * min(1, (e + 1) / 4) defects per 1,000 units    (-1, -2, -3, then -4)

and 0 before week 27 (no anticipation).

Data-generating process (every draw comes from one numpy Generator, default_rng(20261125),
in the order written here, so the file is byte-for-byte reproducible):

    rate_lw  = base_l + season(w) + eta_lw + tau(w - 27) * trained_line_l   (expected defects per 1,000)
    base_l   = plant_p + max(N(0, 2^2), -4)            plant_p: P1 14, P2 12, P3 16, P4 13
    season(w) = 1.0 * cos(2 pi (w - 30) / 52)          summer heat peak (week 30)
    eta_lw   ~ N(0, 1.0^2)                              line x week process noise
    units_lw = round(capacity_l * (1 + N(0, 0.05^2)))   capacity_l ~ Uniform(6,000, 14,000) per week
    defects_lw ~ Poisson(units_lw * rate_lw / 1,000)
    defects_per_1000_lw = 1,000 * defects_lw / units_lw (3 decimals)

The expected defect rate never falls below 2 per 1,000 (checked), so the Poisson mean is the
rate as written and E[defects_per_1000] moves by exactly tau. Cost of an error (for the
monetary conversion, not in the data): 40 minutes of rework at 54 USD/h loaded + 23.50 USD
scrap material = 59.50 USD per defect.

Usage: python3 scripts/datasets/generate_manufacturing_quality.py [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261125
PLANTS = {"P1": 14.0, "P2": 12.0, "P3": 16.0, "P4": 13.0}
LINES_PER_PLANT = 6
TRAINED_PER_PLANT = 3
N_WEEKS = 52
TRAINING_WEEK = 27
FIRST_MONDAY = date(2025, 1, 6)
FULL_EFFECT = -4.0
RAMP_WEEKS = 4
LINE_SD = 2.0
SEASON_AMPLITUDE = 1.0
NOISE_SD = 1.0
UNITS_SD = 0.05
COST_PER_DEFECT = 40 / 60 * 54.0 + 23.50

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "datasets" / "manufacturing-quality" / "manufacturing_quality.csv"


def true_effect(event_time: np.ndarray) -> np.ndarray:
    """tau(e): 0 before training, then a linear ramp to FULL_EFFECT over RAMP_WEEKS weeks."""
    return np.where(event_time >= 0, FULL_EFFECT * np.minimum(1.0, (event_time + 1) / RAMP_WEEKS), 0.0)


def generate() -> pd.DataFrame:
    """Draw the panel; returns one row per line x week, sorted by line then week."""
    rng = np.random.default_rng(SEED)
    plants = list(PLANTS)
    n_lines = len(plants) * LINES_PER_PLANT
    line_plant = np.repeat(np.arange(len(plants)), LINES_PER_PLANT)
    trained_line = np.zeros(n_lines, dtype=int)
    for p in range(len(plants)):
        chosen = rng.choice(LINES_PER_PLANT, size=TRAINED_PER_PLANT, replace=False)
        trained_line[p * LINES_PER_PLANT + chosen] = 1
    base = np.array([PLANTS[plants[p]] for p in line_plant]) + np.maximum(rng.normal(0.0, LINE_SD, n_lines), -4.0)
    capacity = rng.uniform(6_000.0, 14_000.0, size=n_lines)
    eta = rng.normal(0.0, NOISE_SD, size=(n_lines, N_WEEKS))
    units = np.round(capacity[:, None] * (1.0 + rng.normal(0.0, UNITS_SD, size=(n_lines, N_WEEKS)))).astype(int)

    weeks = np.arange(1, N_WEEKS + 1)
    season = SEASON_AMPLITUDE * np.cos(2.0 * np.pi * (weeks - 30) / 52.0)
    event_time = weeks - TRAINING_WEEK
    tau = trained_line[:, None] * true_effect(event_time)[None, :]
    rate = base[:, None] + season[None, :] + eta + tau
    assert rate.min() >= 2.0, f"expected defect rate fell to {rate.min():.2f}"
    defects = rng.poisson(units * rate / 1000.0)

    post = (weeks >= TRAINING_WEEK).astype(int)
    starts = [(FIRST_MONDAY + timedelta(weeks=int(w) - 1)).isoformat() for w in weeks]
    frame = pd.DataFrame(
        {
            "line_id": np.repeat([f"L{i + 1:02d}" for i in range(n_lines)], N_WEEKS),
            "plant": np.repeat([plants[p] for p in line_plant], N_WEEKS),
            "week": np.tile(weeks, n_lines),
            "week_start": np.tile(starts, n_lines),
            "trained_line": np.repeat(trained_line, N_WEEKS),
            "training_week": pd.array(np.repeat(np.where(trained_line == 1, TRAINING_WEEK, 0), N_WEEKS), dtype="Int64"),
            "post": np.tile(post, n_lines),
            "trained": (trained_line[:, None] * post[None, :]).ravel(),
            "units_produced": units.ravel(),
            "defects": defects.ravel(),
            "defects_per_1000": np.round(1000.0 * defects / units, 3).ravel(),
        }
    )
    frame.loc[frame["training_week"] == 0, "training_week"] = pd.NA
    frame.attrs["tau"] = tau.ravel()
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write with LF line endings, missing values as empty fields, rates with 3 decimals."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.3f")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frame = generate()
    write_csv(frame, args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(frame):,} rows)")
    print(f"sha256 {digest}")
    trained = frame["trained"] == 1
    tau = frame.attrs["tau"]
    print(f"true mean effect over trained line-weeks: {tau[trained].mean():.6f}")
    lines = sorted(frame.loc[frame["trained_line"] == 1, "line_id"].unique())
    print(f"trained lines ({len(lines)}): {', '.join(lines)}")
    units_post = frame.loc[trained, "units_produced"].sum()
    avoided = -(tau[trained] * frame.loc[trained, "units_produced"]).sum() / 1000
    print(f"units by trained lines after training: {units_post:,}; defects avoided (true expected): {avoided:,.1f}; "
          f"value {avoided * COST_PER_DEFECT:,.2f} USD at {COST_PER_DEFECT:.2f} USD per defect")
    means = frame.groupby(["trained_line", "post"])["defects_per_1000"].mean()
    print(means.round(4).to_string())
    print(f"raw DiD: {means[1, 1] - means[1, 0] - means[0, 1] + means[0, 0]:.4f}")
    print(f"mean units {frame['units_produced'].mean():,.0f}; mean defects/1000 {frame['defects_per_1000'].mean():.3f}")


if __name__ == "__main__":
    main()
