#!/usr/bin/env python3
"""Regenerate the event-study reference fixture datasets/reference/es_staggered.json.

Data   datasets/reference/data/es_staggered.csv: a seeded staggered panel, 200 units x 12 periods,
       cohorts 4, 7 and 10 plus never treated (cohort 0), 40 teams of 5 units (the clusters),
       dynamic effects tau(k) = 0.5 + 0.25 k for k >= 0 (none before), unit and period effects,
       team shocks, and 6 rows with a missing outcome.
Model  TWFE event study y ~ sum_k D_k | unit + time, D_k = 1[t - cohort = k] for treated units,
       window [-4, 5] with reference period -1, CRV1 clustered by team.

Cases
  binned   rel < -4 counted in the -4 bin, rel > 5 in the 5 bin (endpoint binning)
  dropped  treated rows with rel outside [-4, 5] left out of the sample
  ref_m2   binned, reference period -2 (so -1 is a lead and is tested)

In pandas the binned relative time `rel` is built exactly as the Swift code does; never-treated
units get rel = reference period, so every indicator is 0 for them. pyfixest then fits
feols("y ~ i(rel, ref=<ref>) | unit + time", vcov={"CRV1": "team"}). The pre-trend Wald test of
all leads = 0: W = b_L' V_LL^{-1} b_L (chi-square, df q) from pyfixest `wald_test(R,
distribution="chi2")`, checked against numpy to 1e-9; F = W / q with (q, G - 1) df computed here
(pyfixest 0.60 only reports F when R is the identity).

pyfixest's demeaner does not fix its internal order, so a rerun can move the numbers by about
1e-12 (relative); the Swift tests ask 1e-8.

Usage: python3 scripts/reference/es_reference.py [--write-data]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
from pathlib import Path

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyfixest as pf  # noqa: E402
import scipy  # noqa: E402
from scipy import stats  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATA = "datasets/reference/data/es_staggered.csv"
OUT = "datasets/reference/es_staggered.json"
SEED = 20261123
LEADS, LAGS = 4, 5


def tau(k: np.ndarray) -> np.ndarray:
    """The true dynamic effect at event time k (0 before treatment)."""
    return np.where(k >= 0, 0.5 + 0.25 * k, 0.0)


def make_panel() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    units, periods = 200, 12
    cohort_of_unit = np.repeat([4, 7, 10, 0], units // 4)
    rng.shuffle(cohort_of_unit)
    team = np.arange(units) // 5 + 1
    alpha = rng.normal(0, 1, units)
    gamma = np.linspace(0, 1.5, periods) + rng.normal(0, 0.2, periods)
    team_shock = rng.normal(0, 0.5, (units // 5, periods))
    rows = []
    for i in range(units):
        for t in range(1, periods + 1):
            c = cohort_of_unit[i]
            effect = float(tau(np.array(t - c))) if c > 0 else 0.0
            y = alpha[i] + gamma[t - 1] + team_shock[team[i] - 1, t - 1] + effect + rng.normal(0, 1)
            rows.append((i + 1, t, c, team[i], y))
    df = pd.DataFrame(rows, columns=["unit", "time", "cohort", "team", "y"])
    missing = rng.choice(len(df), size=6, replace=False)
    df.loc[missing, "y"] = np.nan
    return df


def relative_time(df: pd.DataFrame, ref: int, endpoints: str) -> pd.DataFrame:
    """rel = time - cohort for treated units, binned or dropped outside [-LEADS, LAGS]; ref for never treated."""
    out = df.copy()
    treated = out["cohort"] > 0
    rel = (out["time"] - out["cohort"]).where(treated, ref)
    if endpoints == "bin":
        rel = rel.where(~treated, rel.clip(-LEADS, LAGS))
    else:
        inside = ~treated | rel.between(-LEADS, LAGS)
        out, rel = out[inside], rel[inside]
    out["rel"] = rel.astype(int)
    return out


def event_time(name: str) -> int:
    """pyfixest names i(rel, ref=-1) coefficients `C(rel, contr.treatment(base=-1))[T.-4]` or `rel::-4`."""
    match = re.search(r"(-?\d+)\]?$", name)
    assert match, name
    return int(match.group(1))


def run_case(df: pd.DataFrame, name: str, ref: int, endpoints: str) -> dict:
    data = relative_time(df, ref, endpoints)
    call = f'pf.feols("y ~ i(rel, ref={ref}) | unit + time", data=data, vcov={{"CRV1": "team"}}, demeaner=pf.MapDemeaner(fixef_tol=1e-12))'
    fit = pf.feols(f"y ~ i(rel, ref={ref}) | unit + time", data=data, vcov={"CRV1": "team"}, demeaner=pf.MapDemeaner(fixef_tol=1e-12))
    names = list(fit._coefnames)
    ks = [event_time(n) for n in names]
    b = np.asarray(fit.coef(), dtype=float)
    se = np.asarray(fit.se(), dtype=float)
    vcov = np.asarray(fit._vcov, dtype=float)
    ci = fit.confint()
    leads = [j for j, k in enumerate(ks) if k < 0]
    q = len(leads)
    r = np.zeros((q, len(b)))
    for row, j in enumerate(leads):
        r[row, j] = 1.0
    # pyfixest 0.60 switches distribution="F" to chi2 whenever R is not the identity, so the
    # chi-square form is requested explicitly and F = W / q is computed here.
    wald = fit.wald_test(R=r, distribution="chi2")
    b_l = b[leads]
    w = float(b_l @ np.linalg.solve(vcov[np.ix_(leads, leads)], b_l))
    g = int(data.loc[data["y"].notna(), "team"].nunique())
    f = w / q
    f_p = float(stats.f.sf(f, q, g - 1))
    assert abs(float(wald["statistic"]) - w) <= 1e-9 * w, (wald, w)
    assert abs(float(wald["pvalue"]) - float(stats.chi2.sf(w, q))) <= 1e-9, (wald, w)
    order = np.argsort(ks)
    return {
        "name": name,
        "reference_period": ref,
        "window": [-LEADS, LAGS],
        "endpoints": endpoints,
        "call": call,
        "n_used": int(fit._N),
        "clusters": g,
        "event_times": [ks[j] for j in order],
        "coefficient_names": [names[j] for j in order],
        "estimates": [float(b[j]) for j in order],
        "standard_errors": [float(se[j]) for j in order],
        "ci_lower": [float(ci.iloc[j, 0]) for j in order],
        "ci_upper": [float(ci.iloc[j, 1]) for j in order],
        "covariance": [[float(vcov[i, j]) for j in order] for i in order],
        "pre_trend": {
            "leads": sorted(ks[j] for j in leads),
            "f_statistic": f,
            "f_df": [q, g - 1],
            "f_p_value": f_p,
            "chi_square": w,
            "chi_square_df": q,
            "chi_square_p_value": float(stats.chi2.sf(w, q)),
            "pyfixest_wald_test": {"statistic": float(wald["statistic"]), "pvalue": float(wald["pvalue"])},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-data", action="store_true", help="regenerate the CSV from the seed")
    args = parser.parse_args()
    path = REPO / DATA
    if args.write_data:
        make_panel().to_csv(path, index=False, float_format="%.17g", na_rep="")
    df = pd.read_csv(path)
    cases = [run_case(df, "binned", -1, "bin"), run_case(df, "dropped", -1, "drop"), run_case(df, "ref_m2", -2, "bin")]
    doc = {
        "tool": "pyfixest",
        "tool_version": pf.__version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "generated_by": "scripts/reference/es_reference.py",
        "data": DATA,
        "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "seed": SEED,
        "imports": "import numpy as np\nimport pandas as pd\nimport pyfixest as pf",
        "conventions": {
            "rel": "rel = time - cohort for treated units (cohort > 0); cohort 0 = never treated, rel := reference "
            "period so all indicators are 0; bin: rel clipped to [-4, 5]; drop: treated rows outside it removed",
            "vcov": "CRV1 by team, pyfixest default ssc (k_adj, k_fixef nonnested, G_adj); t df G - 1",
            "pre_trend": "Wald test of all leads (event times < 0 other than the reference) = 0: chi-square W with "
            "q df, F = W/q with (q, G - 1) df; W equals pyfixest wald_test(R, distribution='chi2') to 1e-9",
            "rows": "rows with a missing y dropped; fixef_rm='singleton' (none occur)",
        },
        "cases": cases,
    }
    (REPO / OUT).write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {OUT}: " + ", ".join(f"{c['name']} N={c['n_used']}" for c in cases))


if __name__ == "__main__":
    main()
