#!/usr/bin/env python3
"""Generate the level 1-3 files that go with the sales-training panel
(datasets/sales-training/{reaction,assessment,application}.csv).

One row per trained employee of datasets/sales-training/sales_training.csv (the 300 employees of
the 15 trained teams), in employee order. The data are synthetic; the true values below are the
data-generating process, so a study's chain of impact can be checked against them.

Data-generating process (one numpy Generator, default_rng(20261127), draws in this order):

    reaction (level 1, end-of-course questionnaire, 1-5 scale):
        responded_i   ~ Bernoulli(0.85)
        rating_i      ~ Categorical(1: 0.02, 2: 0.05, 3: 0.15, 4: 0.45, 5: 0.33)
                        (true mean 4.02, true share rating >= 4: 0.78)
    assessment (level 2, knowledge test before and after the course, 0-100 points):
        pre_i         = clip(round(N(62, 10^2)), 0, 100)
        gain_i        = N(9, 7^2)                     (true mean change 9; true d_z = 9 / 7 = 1.29)
        post_i        = clip(round(pre_i + gain_i), 0, 100)
        missing pre   ~ Bernoulli(0.02); missing post ~ Bernoulli(0.04) (absent on the test day)
    application (level 3, follow-up survey three months after training):
        responded_i   ~ Bernoulli(0.78)
        applied_i     ~ Bernoulli(0.70)                (true share applying 0.70)

Each draw is made for every employee (respondent or not), so the files do not depend on which
rows end up empty. Run generate_sales_training.py first: the trained employees are read from the panel.

Usage: python3 scripts/datasets/generate_sales_training_levels.py [--panel PATH] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261127
REPO = Path(__file__).resolve().parents[2]
DEFAULT_PANEL = REPO / "datasets" / "sales-training" / "sales_training.csv"
DEFAULT_OUT = REPO / "datasets" / "sales-training"

REACTION_RESPONSE = 0.85
RATING_PROBABILITIES = [0.02, 0.05, 0.15, 0.45, 0.33]
PRE_MEAN, PRE_SD = 62.0, 10.0
GAIN_MEAN, GAIN_SD = 9.0, 7.0
MISSING_PRE, MISSING_POST = 0.02, 0.04
APPLICATION_RESPONSE = 0.78
APPLYING = 0.70


def generate(panel: pd.DataFrame) -> dict[str, pd.DataFrame]:
    trained = (
        panel.loc[panel["trained_team"] == 1, ["employee_id", "team_id"]]
        .drop_duplicates()
        .sort_values("employee_id")
        .reset_index(drop=True)
    )
    n = len(trained)
    rng = np.random.default_rng(SEED)

    responded = rng.random(n) < REACTION_RESPONSE
    rating = rng.choice(np.arange(1, 6), size=n, p=RATING_PROBABILITIES)
    reaction = trained.copy()
    reaction["rating"] = pd.array(np.where(responded, rating, 0), dtype="Int64")
    reaction.loc[~responded, "rating"] = pd.NA

    pre = np.clip(np.round(rng.normal(PRE_MEAN, PRE_SD, n)), 0, 100)
    gain = rng.normal(GAIN_MEAN, GAIN_SD, n)
    post = np.clip(np.round(pre + gain), 0, 100)
    missing_pre = rng.random(n) < MISSING_PRE
    missing_post = rng.random(n) < MISSING_POST
    assessment = trained.copy()
    assessment["pre_score"] = pd.array(pre.astype(int), dtype="Int64")
    assessment["post_score"] = pd.array(post.astype(int), dtype="Int64")
    assessment.loc[missing_pre, "pre_score"] = pd.NA
    assessment.loc[missing_post, "post_score"] = pd.NA

    answered = rng.random(n) < APPLICATION_RESPONSE
    applies = rng.random(n) < APPLYING
    application = trained.copy()
    application["applied"] = pd.array(applies.astype(int), dtype="Int64")
    application.loc[~answered, "applied"] = pd.NA

    return {"reaction": reaction, "assessment": assessment, "application": application}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--panel", type=Path, default=DEFAULT_PANEL)
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frames = generate(pd.read_csv(args.panel))
    for name, frame in frames.items():
        path = args.out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(frame)} rows); sha256 {digest}")
    r = frames["reaction"]["rating"].dropna().astype(float)
    print(f"reaction: {len(r)} respondents, mean {r.mean():.4f}, share >= 4 {np.mean(r >= 4):.4f}")
    a = frames["assessment"].dropna(subset=["pre_score", "post_score"])
    d = a["post_score"].astype(float) - a["pre_score"].astype(float)
    print(f"assessment: {len(a)} complete pairs, pre {a['pre_score'].astype(float).mean():.4f}, "
          f"post {a['post_score'].astype(float).mean():.4f}, change {d.mean():.4f}, sd {d.std(ddof=1):.4f}, "
          f"d_z {d.mean() / d.std(ddof=1):.4f}, t {d.mean() / (d.std(ddof=1) / np.sqrt(len(d))):.4f}")
    p = frames["application"]["applied"].dropna().astype(float)
    print(f"application: {len(p)} respondents, {int(p.sum())} applying, share {p.mean():.4f}")


if __name__ == "__main__":
    main()
