#!/usr/bin/env python3
"""Generate the synthetic contact-centre handle-time panel (datasets/contact-centre/contact_centre.csv).

An agent x week panel: 360 agents in 24 teams of 15, 52 weeks (2025-W02 ... 2026-W01, weeks start
on Mondays from 2025-01-06). Teams are trained in staggered cohorts drawn at random: 5 teams in
week 14, 5 in week 24, 5 in week 34, 3 in week 44, and 6 teams are never trained. Training
lowers the average handle time (AHT, minutes per call) with a ramp-up: the true effect at event
time e = week - training_week >= 0 is

    tau(e) = -1.2 * min(1, (e + 1) / 4) minutes per call    (-0.3, -0.6, -0.9, then -1.2)

identical for every cohort; there is no anticipation (tau = 0 before the training week).

Data-generating process (every draw comes from one numpy Generator, default_rng(20261124),
in the order written here, so the file is byte-for-byte reproducible):

    handle_time_it = mu + alpha_i + season(w) + trend * (w - 1) + novice(tenure_iw)
                     + eta_{g(i),w} + eps_iw + tau(w - training_week_g)

    mu        = 9.0 minutes
    alpha_i   = nu_g + site_s + u_i
                nu_g ~ N(0, 0.4^2)                 team level (persistent)
                site_s: Glasgow +0.3, Leeds 0.0, Cardiff -0.3
                u_i  ~ N(0, 0.9^2)                 agent level
    season(w) = 0.4 * cos(2 pi (w - 2) / 52)       longer calls in winter (week 2 peak)
    trend     = -0.004 minutes per week            slow drift (system improvements)
    novice(k) = 1.5 * exp(-k / 30)                  new agents are slower (tenure k in weeks)
    eta_gw    ~ N(0, 0.25^2)                        team x week shock (cluster correlation)
    eps_iw    ~ N(0, 0.6^2)                         agent-week noise

Tenure at week 1 is 1 + floor(Gamma(2, 40)) weeks capped at 520; it grows by one per week.
Placebo outcome: scheduled_hours, set by workforce management before the week and untouched by
training (true effect 0): 37.5 h, or 30 h in a part week (probability 0.08), plus N(0, 1.0^2),
rounded to a quarter hour. Calls handled ~ Poisson(5.6 * scheduled_hours): routing allocates
calls by schedule, so call volume is not affected by training either. The panel is balanced and
has no missing values (the staggered estimators need balanced panels).

Usage: python3 scripts/datasets/generate_contact_centre.py [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261124
N_TEAMS = 24
TEAM_SIZE = 15
N_WEEKS = 52
FIRST_MONDAY = date(2025, 1, 6)
# Cohort sizes in teams: training week -> number of teams; the rest are never trained.
COHORTS = {14: 5, 24: 5, 34: 5, 44: 3}
FULL_EFFECT = -1.2
RAMP_WEEKS = 4

MU = 9.0
TEAM_SD = 0.4
AGENT_SD = 0.9
SITE_EFFECT = {"Glasgow": 0.3, "Leeds": 0.0, "Cardiff": -0.3}
SEASON_AMPLITUDE = 0.4
TREND_PER_WEEK = -0.004
NOVICE_PENALTY = 1.5
NOVICE_SCALE = 30.0
TEAM_WEEK_SD = 0.25
NOISE_SD = 0.6
CALLS_PER_HOUR = 5.6

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "datasets" / "contact-centre" / "contact_centre.csv"


def true_effect(event_time: np.ndarray) -> np.ndarray:
    """tau(e): 0 before training, then a linear ramp to FULL_EFFECT over RAMP_WEEKS weeks."""
    ramp = np.minimum(1.0, (event_time + 1) / RAMP_WEEKS)
    return np.where(event_time >= 0, FULL_EFFECT * ramp, 0.0)


def generate() -> pd.DataFrame:
    """Draw the panel; returns one row per agent x week, sorted by agent then week."""
    rng = np.random.default_rng(SEED)

    # Teams: site (8 each, permuted), training cohort (random), persistent team level.
    sites = np.array(["Glasgow"] * 8 + ["Leeds"] * 8 + ["Cardiff"] * 8)
    team_site = rng.permutation(sites)
    cohort_slots = np.concatenate(
        [np.full(n, week) for week, n in COHORTS.items()] + [np.zeros(N_TEAMS - sum(COHORTS.values()), dtype=int)]
    )
    team_cohort = rng.permutation(cohort_slots)  # 0 = never trained
    team_level = rng.normal(0.0, TEAM_SD, size=N_TEAMS)

    n_agents = N_TEAMS * TEAM_SIZE
    agent_team = np.repeat(np.arange(N_TEAMS), TEAM_SIZE)
    tenure1 = np.minimum(1 + np.floor(rng.gamma(shape=2.0, scale=40.0, size=n_agents)), 520).astype(int)
    u = rng.normal(0.0, AGENT_SD, size=n_agents)
    site_effect = np.array([SITE_EFFECT[s] for s in team_site])
    alpha = team_level[agent_team] + site_effect[agent_team] + u

    eta = rng.normal(0.0, TEAM_WEEK_SD, size=(N_TEAMS, N_WEEKS))
    eps = rng.normal(0.0, NOISE_SD, size=(n_agents, N_WEEKS))

    part_week = rng.uniform(size=(n_agents, N_WEEKS)) < 0.08
    hours = np.where(part_week, 30.0, 37.5) + rng.normal(0.0, 1.0, size=(n_agents, N_WEEKS))
    hours = np.round(hours * 4) / 4
    calls = rng.poisson(CALLS_PER_HOUR * hours)

    weeks = np.arange(1, N_WEEKS + 1)
    season = SEASON_AMPLITUDE * np.cos(2.0 * np.pi * (weeks - 2) / 52.0)
    trend = TREND_PER_WEEK * (weeks - 1)
    tenure = tenure1[:, None] + (weeks[None, :] - 1)
    novice = NOVICE_PENALTY * np.exp(-tenure / NOVICE_SCALE)

    cohort = team_cohort[agent_team]
    event_time = np.where(cohort[:, None] > 0, weeks[None, :] - cohort[:, None], -10_000)
    tau = true_effect(event_time)
    handle = MU + alpha[:, None] + (season + trend)[None, :] + novice + eta[agent_team, :] + eps + tau
    handle = np.round(handle, 2)
    assert handle.min() > 0, "handle times must be positive"

    starts = [(FIRST_MONDAY + timedelta(weeks=int(w) - 1)).isoformat() for w in weeks]
    frame = pd.DataFrame(
        {
            "agent_id": np.repeat([f"A{i + 1:04d}" for i in range(n_agents)], N_WEEKS),
            "team_id": np.repeat([f"T{g + 1:02d}" for g in agent_team], N_WEEKS),
            "site": np.repeat(team_site[agent_team], N_WEEKS),
            "week": np.tile(weeks, n_agents),
            "week_start": np.tile(starts, n_agents),
            "tenure_weeks": tenure.ravel(),
            "training_week": pd.array(np.repeat(cohort, N_WEEKS), dtype="Int64"),
            "trained": (event_time >= 0).astype(int).ravel(),
            "handle_time": handle.ravel(),
            "calls_handled": calls.ravel(),
            "scheduled_hours": hours.ravel(),
        }
    )
    # Never-trained agents have no training week: written as an empty field.
    frame.loc[frame["training_week"] == 0, "training_week"] = pd.NA
    frame.attrs["tau"] = tau.ravel()
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write with LF line endings, missing values as empty fields, decimals with 2 places."""
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
    tau = frame.attrs["tau"]
    treated = frame["trained"] == 1
    print(f"true simple ATT (mean tau over trained agent-weeks): {tau[treated].mean():.6f}")
    for week in sorted(COHORTS):
        teams = sorted(frame.loc[frame["training_week"] == week, "team_id"].unique())
        print(f"cohort {week}: {', '.join(teams)}")
    never = sorted(frame.loc[frame["training_week"].isna(), "team_id"].unique())
    print(f"never trained: {', '.join(never)}")
    print(f"mean handle time {frame['handle_time'].mean():.3f}; mean calls {frame['calls_handled'].mean():.2f}; "
          f"mean hours {frame['scheduled_hours'].mean():.3f}")
    print(f"pre-training mean handle time, trained agents: "
          f"{frame.loc[frame['training_week'].notna() & ~treated, 'handle_time'].mean():.3f}")
    print(f"calls handled by trained agent-weeks: {frame.loc[treated, 'calls_handled'].sum():,}; "
          f"time saved (true) hours: {-(tau[treated] * frame.loc[treated, 'calls_handled']).sum() / 60:,.1f}")


if __name__ == "__main__":
    main()
