#!/usr/bin/env python3
"""Generate the synthetic sales-training panel (datasets/sales-training/sales_training.csv).

An employee x month panel: 600 employees in 30 teams of 20, 24 months (2024-01 ... 2025-12);
15 teams, drawn at random, are trained at month 13. The true training effect is +1,500 USD of
monthly sales per trained employee from month 13 on, constant over time and across employees.

Data-generating process (every draw comes from one numpy Generator, default_rng(20261123),
in the order written here, so the file is byte-for-byte reproducible):

    sales_it = mu + alpha_i + season(c_t) + trend * (t - 1) + exper(tenure_it)
               + eta_{g(i),t} + eps_it + tau * trained_team_g * post_t

    mu       = 33,000 USD                           (intercept; mean sales come out near 40,000)
    alpha_i  = nu_g + region_r + 5,000 * senior_i + u_i
               nu_g ~ N(0, 1,500^2)                  team level (persistent)
               region_r: North +1,500, South -1,000, East +500, West -1,000
               u_i  ~ N(0, 5,000^2)                  individual level
    season   = 2,500 * cos(2 pi (c_t - 12) / 12)     c_t = calendar month; peak December
    trend    = 60 USD per month
    exper    = 4,000 * (1 - exp(-tenure_it / 18))     learning curve in tenure months
    eta_gt   ~ N(0, 1,500^2)                         team x month shock (cluster correlation)
    eps_it   ~ N(0, 3,000^2)                         idiosyncratic noise
    tau      = 1,500 USD                             TRUE effect, months 13-24, trained teams

Employees' tenure at month 1 is 1 + floor(Gamma(2, 18)) capped at 180 months; role is Senior
with probability 1 / (1 + exp(-(tenure_1 - 48) / 12)), otherwise Associate (fixed over the
panel). Regions are assigned to teams (8 North, 8 South, 7 East, 7 West, permuted). About 0.3%
of sales are missing: 14 employees take one leave spell each of 2-4 consecutive months
(start month uniform on 1-22, clipped at month 24). Missingness is unrelated to training.

Usage: python3 scripts/datasets/generate_sales_training.py [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261123
N_TEAMS = 30
TEAM_SIZE = 20
N_MONTHS = 24
TRAINING_MONTH = 13
N_TRAINED_TEAMS = 15
TRUE_EFFECT = 1500.0

MU = 33_000.0
TEAM_SD = 1_500.0
EMPLOYEE_SD = 5_000.0
SENIOR_PREMIUM = 5_000.0
REGION_EFFECT = {"North": 1_500.0, "South": -1_000.0, "East": 500.0, "West": -1_000.0}
SEASON_AMPLITUDE = 2_500.0
TREND_PER_MONTH = 60.0
EXPERIENCE_MAX = 4_000.0
EXPERIENCE_SCALE = 18.0
TEAM_MONTH_SD = 1_500.0
NOISE_SD = 3_000.0
N_ON_LEAVE = 14

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "datasets" / "sales-training" / "sales_training.csv"


def generate() -> pd.DataFrame:
    """Draw the panel; returns one row per employee x month, sorted by employee then month."""
    rng = np.random.default_rng(SEED)

    # Teams: region (balanced 8/8/7/7, permuted), treatment group, persistent team level.
    regions = np.array(["North"] * 8 + ["South"] * 8 + ["East"] * 7 + ["West"] * 7)
    team_region = rng.permutation(regions)
    trained_teams = np.sort(rng.choice(N_TEAMS, size=N_TRAINED_TEAMS, replace=False))
    team_trained = np.zeros(N_TEAMS, dtype=int)
    team_trained[trained_teams] = 1
    team_level = rng.normal(0.0, TEAM_SD, size=N_TEAMS)

    # Employees: 20 per team, numbered in team order.
    n_emp = N_TEAMS * TEAM_SIZE
    emp_team = np.repeat(np.arange(N_TEAMS), TEAM_SIZE)
    tenure1 = np.minimum(1 + np.floor(rng.gamma(shape=2.0, scale=18.0, size=n_emp)), 180).astype(int)
    p_senior = 1.0 / (1.0 + np.exp(-(tenure1 - 48) / 12.0))
    senior = (rng.uniform(size=n_emp) < p_senior).astype(int)
    u = rng.normal(0.0, EMPLOYEE_SD, size=n_emp)
    region_effect = np.array([REGION_EFFECT[r] for r in team_region])
    alpha = team_level[emp_team] + region_effect[emp_team] + SENIOR_PREMIUM * senior + u

    # Team x month shocks and idiosyncratic noise.
    eta = rng.normal(0.0, TEAM_MONTH_SD, size=(N_TEAMS, N_MONTHS))
    eps = rng.normal(0.0, NOISE_SD, size=(n_emp, N_MONTHS))

    # Leave spells (missing sales).
    on_leave = np.zeros((n_emp, N_MONTHS), dtype=bool)
    leavers = rng.choice(n_emp, size=N_ON_LEAVE, replace=False)
    starts = rng.integers(1, 23, size=N_ON_LEAVE)  # months 1..22
    lengths = rng.integers(2, 5, size=N_ON_LEAVE)  # 2..4 months
    for e, s, length in zip(leavers, starts, lengths):
        on_leave[e, s - 1 : min(s - 1 + length, N_MONTHS)] = True

    months = np.arange(1, N_MONTHS + 1)
    calendar = (months - 1) % 12 + 1
    season = SEASON_AMPLITUDE * np.cos(2.0 * np.pi * (calendar - 12) / 12.0)
    trend = TREND_PER_MONTH * (months - 1)
    post = (months >= TRAINING_MONTH).astype(int)

    tenure = tenure1[:, None] + (months[None, :] - 1)
    experience = EXPERIENCE_MAX * (1.0 - np.exp(-tenure / EXPERIENCE_SCALE))
    trained_team = team_trained[emp_team]
    treated = trained_team[:, None] * post[None, :]
    sales = (
        MU
        + alpha[:, None]
        + (season + trend)[None, :]
        + experience
        + eta[emp_team, :]
        + eps
        + TRUE_EFFECT * treated
    )
    sales = np.round(sales, 2)
    sales[on_leave] = np.nan

    dates = [f"{2024 + (m - 1) // 12:04d}-{(m - 1) % 12 + 1:02d}-01" for m in months]
    frame = pd.DataFrame(
        {
            "employee_id": np.repeat([f"E{i + 1:04d}" for i in range(n_emp)], N_MONTHS),
            "team_id": np.repeat([f"T{g + 1:02d}" for g in emp_team], N_MONTHS),
            "region": np.repeat(team_region[emp_team], N_MONTHS),
            "role": np.repeat(np.where(senior == 1, "Senior", "Associate"), N_MONTHS),
            "month": np.tile(months, n_emp),
            "date": np.tile(dates, n_emp),
            "tenure_months": tenure.ravel(),
            "trained_team": np.repeat(trained_team, N_MONTHS),
            "post": np.tile(post, n_emp),
            "trained": treated.ravel(),
            "training_month": pd.array(
                np.repeat(np.where(trained_team == 1, TRAINING_MONTH, -1), N_MONTHS), dtype="Int64"
            ),
            "sales": sales.ravel(),
        }
    )
    # Never-trained employees have no training month: written as an empty field.
    frame.loc[frame["training_month"] == -1, "training_month"] = pd.NA
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write with LF line endings, missing values as empty fields, sales with 2 decimals."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.2f")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frame = generate()
    write_csv(frame, args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(frame):,} rows)")
    print(f"sha256 {digest}")
    print(f"missing sales: {frame['sales'].isna().sum()} ({frame['sales'].isna().mean():.2%})")
    trained = sorted(frame.loc[frame["trained_team"] == 1, "team_id"].unique())
    print(f"trained teams ({len(trained)}): {', '.join(trained)}")
    print(f"mean sales: {frame['sales'].mean():,.0f}; month-1 sd: "
          f"{frame.loc[frame['month'] == 1, 'sales'].std():,.0f}")


if __name__ == "__main__":
    main()
