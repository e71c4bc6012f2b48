#!/usr/bin/env python3
"""Generate the participant-estimate survey that goes with the contact-centre panel
(datasets/contact-centre-survey/contact_centre_survey.csv).

One row per trained agent of datasets/contact-centre/contact_centre.csv (18 teams x 15 = 270
agents), surveyed 6 weeks after their team's training week (Phillips participant-estimate
isolation: "how much did your handle time improve, how much of that is due to the training,
how confident are you?"). Run generate_contact_centre.py first: agents and cohorts are read from
that file.

Data-generating process (one numpy Generator, default_rng(20261126), draws in this order):

    responded_i        ~ Bernoulli(0.72)
    improvement_i      = 1.2 * exp(N(0.15, 0.45^2)) minutes per call, rounded to 0.1
                         (the true full effect is 1.2 minutes; participants overstate it on
                         average by exp(0.15 + 0.45^2 / 2) - 1 = 28.8 %)
    attribution_pct_i  = 5 * round(20 * Beta(6, 3))      share of the improvement credited to training
    confidence_pct_i   = 5 * round(20 * Beta(7, 3))      confidence in the estimate
    extreme claims     : 5 respondents drawn at random instead claim Uniform(5, 8) minutes
                         (rounded to 0.1), 100 % attribution and 100 % confidence

Non-respondents have empty improvement, attribution and confidence fields.

Usage: python3 scripts/datasets/generate_contact_centre_survey.py [--panel PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261126
RESPONSE_RATE = 0.72
TRUE_FULL_EFFECT = 1.2
OVERSTATEMENT_LOG_MEAN = 0.15
OVERSTATEMENT_LOG_SD = 0.45
N_EXTREME = 5
SURVEY_LAG_WEEKS = 6
EXTREME_THRESHOLD = 4.0

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PANEL = REPO / "datasets" / "contact-centre" / "contact_centre.csv"
DEFAULT_OUT = REPO / "datasets" / "contact-centre-survey" / "contact_centre_survey.csv"


def generate(panel: pd.DataFrame) -> pd.DataFrame:
    """Draw one survey row per trained agent, in agent order."""
    rng = np.random.default_rng(SEED)
    agents = (
        panel.loc[panel["training_week"].notna(), ["agent_id", "team_id", "training_week"]]
        .drop_duplicates("agent_id")
        .sort_values("agent_id")
        .reset_index(drop=True)
    )
    n = len(agents)
    responded = rng.uniform(size=n) < RESPONSE_RATE
    improvement = np.round(
        TRUE_FULL_EFFECT * np.exp(rng.normal(OVERSTATEMENT_LOG_MEAN, OVERSTATEMENT_LOG_SD, size=n)), 1
    )
    attribution = 5.0 * np.round(20.0 * rng.beta(6.0, 3.0, size=n))
    confidence = 5.0 * np.round(20.0 * rng.beta(7.0, 3.0, size=n))
    extreme = rng.choice(np.flatnonzero(responded), size=N_EXTREME, replace=False)
    improvement[extreme] = np.round(rng.uniform(5.0, 8.0, size=N_EXTREME), 1)
    attribution[extreme] = 100.0
    confidence[extreme] = 100.0

    frame = pd.DataFrame(
        {
            "respondent_id": [f"R{i + 1:03d}" for i in range(n)],
            "agent_id": agents["agent_id"],
            "team_id": agents["team_id"],
            "training_week": agents["training_week"].astype(int),
            "survey_week": agents["training_week"].astype(int) + SURVEY_LAG_WEEKS,
            "responded": responded.astype(int),
            "improvement_minutes": np.where(responded, improvement, np.nan),
            "attribution_pct": pd.array(np.where(responded, attribution, np.nan), dtype="Int64"),
            "confidence_pct": pd.array(np.where(responded, confidence, np.nan), dtype="Int64"),
        }
    )
    return frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write with LF line endings, missing values as empty fields, minutes with 1 decimal."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.1f")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--panel", type=Path, default=DEFAULT_PANEL)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frame = generate(pd.read_csv(args.panel, dtype={"training_week": "Int64"}))
    write_csv(frame, args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(frame):,} rows)")
    print(f"sha256 {digest}")
    r = frame[frame["responded"] == 1]
    adjusted = r["improvement_minutes"] * r["attribution_pct"] / 100 * r["confidence_pct"] / 100
    extreme = r["improvement_minutes"] > EXTREME_THRESHOLD
    print(f"respondents {len(r)} of {len(frame)}; extreme claims (> {EXTREME_THRESHOLD} min): "
          f"{', '.join(r.loc[extreme, 'respondent_id'])}")
    print(f"mean claimed improvement, respondents: {r['improvement_minutes'].mean():.6f}; "
          f"without extremes {r.loc[~extreme, 'improvement_minutes'].mean():.6f}")
    print(f"mean adjusted (x attribution x confidence), respondents: {adjusted.mean():.6f}; "
          f"without extremes {adjusted[~extreme].mean():.6f}")
    print(f"mean adjusted over all {len(frame)} surveyed, non-respondents 0, extremes excluded as 0: "
          f"{adjusted[~extreme].sum() / len(frame):.6f}")
    print(f"mean attribution {r['attribution_pct'].mean():.4f}; mean confidence {r['confidence_pct'].mean():.4f}")


if __name__ == "__main__":
    main()
