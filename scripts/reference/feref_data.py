"""The seeded unbalanced panel behind datasets/reference/fe_panel.json.

Writes datasets/reference/data/fe_panel.csv (see datasets/reference/data/README.md):
  unit   integer 101-163, 63 units; units 161 and 162 have one row (singletons), unit 163 has
         two rows of which one misses y (a singleton once that row is dropped); 3 rows miss unit
  team   text T01-T13, units nested in teams (five units per team; team T13 holds 161-163)
  site   text S1-S6, drawn per row: crosses units, months and teams
  month  integer 1-12; each unit observed in a random ~85 % of the months
  x1     decimal, correlated with the unit and month effects; 4 rows missing
  x2     decimal, correlated with x1
  xu     decimal, constant within unit (absorbed by the unit fixed effect)
  grp    text a, b, c
  w      decimal 0.5-2.0, analytic weights
  y      outcome; 6 rows missing

y = 1.5 x1 - 0.8 x2 + 0.6 [grp=b] - 0.4 [grp=c] + alpha_unit + gamma_month + delta_site
    + u_team + e, e ~ N(0, (0.6 + 0.3 |x1|)^2).
Values are rounded (4 decimals; w 3) and the fixtures are computed from the file as written.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED_PANEL = 20261201
PANEL = "datasets/reference/data/fe_panel.csv"


def make_panel() -> pd.DataFrame:
    rng = np.random.default_rng(SEED_PANEL)
    units = list(range(101, 161))
    rows = []
    for u in units:
        for m in range(1, 13):
            if rng.uniform() < 0.85:
                rows.append((u, m))
    # Two units with one row each, and one with two rows (one of which will miss y).
    rows += [(161, 3), (162, 7), (163, 2), (163, 9)]
    unit = np.array([r[0] for r in rows])
    month = np.array([r[1] for r in rows])
    n = len(rows)
    team_index = np.minimum((unit - 101) // 5, 12)
    team = np.array([f"T{t + 1:02d}" for t in team_index])
    site_index = rng.integers(0, 6, size=n)
    site = np.array([f"S{s + 1}" for s in site_index])
    alpha = rng.normal(0.0, 2.0, size=70)[unit - 101]
    gamma = rng.normal(0.0, 1.0, size=13)[month]
    delta = rng.normal(0.0, 0.7, size=6)[site_index]
    u_team = rng.normal(0.0, 0.8, size=13)[team_index]
    x1 = np.round(0.5 * alpha + 0.4 * gamma + rng.normal(0.0, 1.0, size=n), 4)
    x2 = np.round(0.5 * x1 + rng.normal(0.0, 1.0, size=n) + 0.3 * delta, 4)
    xu = np.round(rng.normal(0.0, 1.0, size=70), 4)[unit - 101]
    grp_index = rng.integers(0, 3, size=n)
    grp = np.array(["a", "b", "c"])[grp_index]
    w = np.round(rng.uniform(0.5, 2.0, size=n), 3)
    noise = rng.normal(0.0, 1.0, size=n) * (0.6 + 0.3 * np.abs(x1))
    y = (1.5 * x1 - 0.8 * x2 + np.array([0.0, 0.6, -0.4])[grp_index] + alpha + gamma + delta + u_team + noise)
    frame = pd.DataFrame({
        "unit": unit.astype(float), "team": team, "site": site, "month": month, "x1": x1, "x2": x2,
        "xu": xu, "grp": grp, "w": w, "y": np.round(y, 4),
    })
    # Missing values at seeded positions among the regular units (rows of 161-163 stay complete,
    # except the second row of unit 163, which misses y).
    regular = np.flatnonzero(unit <= 160)
    picks = rng.choice(regular, size=12, replace=False)
    frame.loc[picks[:5], "y"] = np.nan
    frame.loc[picks[5:9], "x1"] = np.nan
    frame.loc[picks[9:12], "unit"] = np.nan
    frame.loc[np.flatnonzero((unit == 163) & (month == 9)), "y"] = np.nan
    return frame


def write_panel(repo: Path) -> None:
    frame = make_panel()
    path = repo / PANEL
    # Integers without ".0"; missing values as empty fields.
    frame.to_csv(path, index=False, float_format="%.4f", na_rep="",
                 columns=["unit", "team", "site", "month", "x1", "x2", "xu", "grp", "w", "y"])
    text = path.read_text()
    # unit is float only because of its missing values: write the ids as integers.
    lines = text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        first, rest = line.split(",", 1)
        out.append((first[:-5] if first.endswith(".0000") else first) + "," + rest)
    path.write_text("\n".join(out) + "\n")
    print(f"wrote {PANEL} ({len(frame)} rows)")
