#!/usr/bin/env python3
"""Regenerate the absorbed-fixed-effects reference fixtures datasets/reference/fe_*.json.

Cases
  fe_panel.json   datasets/reference/data/fe_panel.csv (seeded, unbalanced, missing values,
                  singletons, weights): one, two and three fixed effects, OLS and WLS, a
                  categorical regressor, a regressor absorbed by the unit effect, singletons kept;
                  iid, hetero, CRV1 one- and two-way, and pyfixest ssc() variants
  fe_sales.json   the bundled panel datasets/sales-training/sales_training.csv:
                  sales ~ trained | employee_id + month, CRV1 by team_id and others

Every number comes from evaluating the pyfixest statement recorded next to it (`call`), run with
a tight projection tolerance (MapDemeaner(fixef_tol=1e-12)) so that the fixture is accurate to
far better than the 1e-8 the tests ask. An independent numpy implementation (dummy-variable least
squares, and the covariance formulas stated in `conventions`) must agree to 1e-9 (relative) or
the script stops: that check is what makes the stated conventions trustworthy.

R fixest is not available here (not packaged for Debian); pyfixest 0.60 implements fixest's
conventions and is the reference.

Usage (from anywhere): python3 scripts/reference/fe_reference.py [--write-data]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import warnings

# pyfixest's Rust demeaner runs on a thread pool; one thread removes that source of run-to-run
# variation. The files can still move in the 16th digit between runs: pyfixest does not keep a
# fixed internal order of the fixed effects.
os.environ.setdefault("RAYON_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyfixest as pf  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from feref_check import check_fit, parse  # noqa: E402
from feref_data import PANEL, write_panel  # noqa: E402
from olsref_spec import REPO, provenance, sha256  # noqa: E402

SALES = "datasets/sales-training/sales_training.csv"
GENERATED_BY = "scripts/reference/fe_reference.py"
DEMEANER = "pf.MapDemeaner(fixef_tol=1e-12)"
IMPORTS = "import numpy as np\nimport pandas as pd\nimport pyfixest as pf"

CONVENTIONS = {
    "model": "feols: the fixed effects after '|' are projected out (alternating projections), then "
    "OLS/WLS of the demeaned outcome on the demeaned regressors; no intercept is reported.",
    "rows": "rows missing the outcome, a regressor, a fixed-effect id or the weight are dropped; then, "
    "with fixef_rm='singleton', rows alone in their level of some fixed effect, iterated until none "
    "is left (n_singletons). fixef_rm='none' keeps them.",
    "k_fe": "K_fe = sum of the levels of each fixed effect minus (Q - 1) for Q fixed effects "
    "(pyfixest get_ssc: k_fe - (n_fe - 1); fixest fixef.force_exact = FALSE).",
    "df_k": "K used in the factors, per ssc k_fixef: 'none' K = k; 'full' K = k + K_fe; 'nonnested' "
    "(default; fixest 'nested') for CRV: K = k + K_fe - sum over fixed effects nested in a cluster "
    "variable of their levels + their number (K = k + 1 when all are nested); for iid/hetero as 'full'. "
    "A fixed effect is nested when each of its levels lies in one cluster.",
    "iid": "V = s2 (X~'WX~)^-1, s2 = SSR/(N - 1) * ssc, ssc = (N - 1)/(N - K) if k_adj else 1; t df N - K.",
    "hetero": "V = ssc B (sum w_i^2 e_i^2 x~_i x~_i') B, B = (X~'WX~)^-1, ssc = N/(N - K) if k_adj else 1; "
    "t df N - K.",
    "CRV1": "V = ssc B (sum_g s_g s_g') B, s_g = sum_{i in g} w_i e_i x~_i, ssc = (N - 1)/(N - K) [k_adj] "
    "* G/(G - 1) [G_adj]; t df G - 1. Two-way: V = ssc_a V_a + ssc_b V_b - ssc_ab V_ab with the "
    "intersection clusters; G_df='min' uses min(G_a, G_b) in every term, 'conventional' each term's "
    "own G; t df min(G_a, G_b) - 1. No eigenvalue repair (pyfixest); vcov is the raw sum.",
    "r2": "r2 = 1 - SSR/TSS, TSS = sum w (y - ybar_w)^2; adj_r2 = 1 - (1 - r2)(N - 1)/(N - k - K_fe); "
    "r2_within = 1 - SSR/sum w y~^2 (y~ demeaned); adj_r2_within = 1 - (1 - r2_within)(N - K_fe)/"
    "(N - k - K_fe), K_fe as above (pyfixest get_fit_stats: sum(levels - 1) + 1).",
    "weights": "analytic weights (weights_type='aweights'); for OLS read w_i = 1.",
    "numbers": "IEEE double, Python repr (shortest round trip).",
}

# (key, vcov argument, ssc overrides or None for the fit's default ssc())
PANEL_COVARIANCES = [
    ("iid", "iid", None), ("hetero", "hetero", None),
    ("CRV1:team", {"CRV1": "team"}, None), ("CRV1:site", {"CRV1": "site"}, None),
    ("CRV1:unit", {"CRV1": "unit"}, None), ("CRV1:team+site", {"CRV1": "team+site"}, None),
    ("CRV1:site+month", {"CRV1": "site+month"}, None),
    ("CRV1:team@k_fixef=full", {"CRV1": "team"}, {"k_fixef": "full"}),
    ("CRV1:team@k_fixef=none", {"CRV1": "team"}, {"k_fixef": "none"}),
    ("CRV1:team@k_adj=False", {"CRV1": "team"}, {"k_adj": False}),
    ("CRV1:team@G_adj=False", {"CRV1": "team"}, {"G_adj": False}),
    ("CRV1:team+site@G_df=conventional", {"CRV1": "team+site"}, {"G_df": "conventional"}),
    ("iid@k_fixef=none", "iid", {"k_fixef": "none"}),
    ("hetero@k_adj=False", "hetero", {"k_adj": False}),
]
SHORT_COVARIANCES = [c for c in PANEL_COVARIANCES if "@" not in c[0]]
SALES_COVARIANCES = [
    ("iid", "iid", None), ("hetero", "hetero", None), ("CRV1:team_id", {"CRV1": "team_id"}, None),
    ("CRV1:employee_id", {"CRV1": "employee_id"}, None), ("CRV1:team_id+month", {"CRV1": "team_id+month"}, None),
    ("CRV1:team_id@k_fixef=full", {"CRV1": "team_id"}, {"k_fixef": "full"}),
]


def spec(name, description, data, formula, covariances, weights=None, fixef_rm="singleton", notes=None):
    return {"name": name, "description": description, "data": data, "formula": formula,
            "covariances": covariances, "weights": weights, "fixef_rm": fixef_rm, "notes": notes or []}


def panel_specs() -> list[dict]:
    return [
        spec("fe2_ols", "Two fixed effects, OLS.", PANEL, "y ~ x1 + x2 | unit + month", PANEL_COVARIANCES),
        spec("fe2_wls", "Two fixed effects, WLS with weights w.", PANEL, "y ~ x1 + x2 | unit + month",
             PANEL_COVARIANCES, weights="w"),
        spec("fe1", "One fixed effect.", PANEL, "y ~ x1 + x2 | unit", SHORT_COVARIANCES),
        spec("fe3", "Three fixed effects (site crosses unit and month).", PANEL, "y ~ x1 + x2 | unit + month + site",
             SHORT_COVARIANCES, weights="w"),
        spec("fe2_categorical", "A categorical regressor with two fixed effects: C(grp) drops its first level.",
             PANEL, "y ~ x1 + C(grp) | unit + month", SHORT_COVARIANCES),
        spec("fe2_keep_singletons", "Singletons kept (fixef_rm='none', fixest's default behaviour).", PANEL,
             "y ~ x1 + x2 | unit + month", SHORT_COVARIANCES, fixef_rm="none"),
        spec("fe2_absorbed_regressor", "xu is constant within unit: pyfixest drops it as collinear.", PANEL,
             "y ~ x1 + xu | unit + month", [("iid", "iid", None), ("CRV1:team", {"CRV1": "team"}, None)]),
    ]


def sales_specs() -> list[dict]:
    return [
        spec("sales_twfe", "TWFE: sales on the training indicator with employee and month effects.", SALES,
             "sales ~ trained | employee_id + month", SALES_COVARIANCES),
        spec("sales_twfe_tenure", "tenure_months = month + a per-employee constant, absorbed by the effects.",
             SALES, "sales ~ trained + tenure_months | employee_id + month",
             [("iid", "iid", None), ("CRV1:team_id", {"CRV1": "team_id"}, None)]),
    ]


def feols_call(s: dict, vcov, ssc: dict | None) -> str:
    args = [f'"{s["formula"]}"', "data=d", f"vcov={vcov!r}"]
    if s["weights"]:
        args.append(f'weights="{s["weights"]}"')
    if ssc:
        args.append("ssc=pf.ssc(" + ", ".join(f"{k}={v!r}" for k, v in ssc.items()) + ")")
    args += [f'fixef_rm="{s["fixef_rm"]}"', f"demeaner={DEMEANER}"]
    return "pf.feols(" + ", ".join(args) + ")"


def covariance_record(fit, call: str, ssc: dict, key: str) -> dict:
    clusters = fit._clustervar if fit._is_clustered else []
    return {
        "call": call, "ssc": ssc, "se": [float(v) for v in fit.se().values],
        "vcov": [[float(v) for v in row] for row in np.asarray(fit._vcov)],
        "df_t": float(fit._df_t), "df_k": int(fit._df_k),
        "ssc_factor": [float(v) for v in np.atleast_1d(fit._ssc).ravel()],
        "n_clusters": {c: int(fit._data[c].nunique()) for c in clusters},
    }


def build_fit(s: dict) -> dict:
    d = pd.read_csv(s["data"])
    env = {"pf": pf, "np": np, "pd": pd, "d": d}
    base_call = feols_call(s, "iid", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = eval(base_call, env)
    default_ssc = pf.ssc()
    record = {
        "name": s["name"], "description": s["description"], "formula": s["formula"], "weights": s["weights"],
        "fixef_rm": s["fixef_rm"], "data": s["data"], "data_preparation": 'd = pd.read_csv(data)',
        "fit_call": base_call, "n_total": len(d), "n_used": int(fit._N),
        # Levels per fixed effect in formula order (pyfixest's own Series order is not stable).
        "fixed_effects": {f: int(fit._k_fe[f"__fixed_effect__({f})"]) for f in parse(s["formula"])[2]},
        "coefficient_names": list(fit.coef().index), "coefficients": [float(v) for v in fit.coef().values],
        "r2": float(fit._r2), "adj_r2": float(fit._adj_r2), "r2_within": float(fit._r2_within),
        "adj_r2_within": float(fit._adj_r2_within), "notes": s["notes"], "covariances": {},
    }
    for key, vcov, overrides in s["covariances"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if overrides is None:
                call = f"fit.vcov({vcov!r})"
                result = eval(call, {**env, "fit": copy.deepcopy(fit)})
                ssc = default_ssc
            else:
                call = feols_call(s, vcov, overrides)
                result = eval(call, env)
                ssc = pf.ssc(**overrides)
        record["covariances"][key] = covariance_record(result, call, dict(ssc), key)
    record["checks"] = {"independent_numpy": check_fit(s, d, record)}
    return record


def case(name: str, description: str, data: str, specs: list[dict]) -> dict:
    info = provenance("pyfixest", pf.__version__)
    info.update({"generated_by": GENERATED_BY, "regenerate": f"python3 {GENERATED_BY}", "imports": IMPORTS})
    return {
        "case": name, "description": description, **info, "data": data, "data_sha256": sha256(data),
        "pyfixest_default_ssc": dict(pf.ssc()), "conventions": CONVENTIONS,
        "fits": [build_fit(s) for s in specs],
    }


def write_json(c: dict) -> None:
    path = REPO / "datasets" / "reference" / f"{c['case']}.json"
    text = json.dumps(c, indent=1, allow_nan=False, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)} ({len(text):,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-data", action="store_true", help=f"(re)write {PANEL} first")
    args = parser.parse_args()
    os.chdir(REPO)  # the recorded calls use repo-relative paths
    if args.write_data or not (REPO / PANEL).exists():
        write_panel(REPO)
    write_json(case("fe_panel", "Seeded unbalanced panel with missing values, singletons and weights "
                    "(datasets/reference/data/fe_panel.csv, written by scripts/reference/feref_data.py).",
                    PANEL, panel_specs()))
    write_json(case("fe_sales", "The bundled sales-training panel (600 employees x 24 months).", SALES,
                    sales_specs()))


if __name__ == "__main__":
    main()
