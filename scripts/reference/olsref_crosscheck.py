"""Cross-checks of a statsmodels fit record with pyfixest feols and with R lm() + sandwich."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings

import numpy as np
import pandas as pd

from olsref_check import _rel, independent_vcovs
from olsref_spec import REPO, FitSpec, floats, matrix, nullable

R_SCRIPT = "scripts/reference/ols_crosscheck.R"


def _pyfixest_vcov_args(spec: FitSpec) -> dict[str, tuple[str, str | None, str]]:
    """key -> (vcov argument source, ssc argument source or None, statsmodels key compared)."""
    out = {"iid": ('"iid"', None, "classical"), "hetero": ('"hetero"', None, "HC1")}
    if spec.clusters:
        a = spec.clusters[0]
        out[f"CRV1:{a}"] = (f'{{"CRV1": "{a}"}}', None, f"CR1:{a}")
    if len(spec.clusters) == 2:
        a, b = spec.clusters
        out[f"CRV1:{a}+{b}"] = (f'{{"CRV1": "{a}+{b}"}}', None, f"CR1:{a}+{b}")
        out[f"CRV1:{a}+{b}:G_df=conventional"] = (
            f'{{"CRV1": "{a}+{b}"}}', 'pf.ssc(G_df="conventional")', f"CR1:{a}+{b}")
    return out


def pyfixest_conventions(spec: FitSpec) -> dict:
    text = {
        "iid": "V = SSR/(N-1) * (N-1)/(N-K) * B = classical; df = N - K.",
        "hetero": "V = N/(N-K) * HC0 = HC1 (pyfixest get_ssc uses N/(N-k) for 'hetero'); df = N - K.",
    }
    if spec.clusters:
        text["CRV1:<c>"] = "V = (N-1)/(N-K) * G/(G-1) * M_c = statsmodels CR1; df = G - 1."
    if len(spec.clusters) == 2:
        text["CRV1:<a>+<b>"] = (
            "default ssc(k_adj=True, G_adj=True, G_df='min'): EVERY term uses the same factor "
            "c = (N-1)/(N-K) * G_min/(G_min-1), G_min = min(G_a, G_b, G_ab) (= min(G_a, G_b)); "
            "V = c (M_a + M_b - M_ab); df = G_min - 1 (as R fixest's cluster.df = 'min'). "
            "statsmodels and R sandwich instead give each term its own G_j/(G_j-1), which is "
            "pyfixest's ssc(G_df='conventional') (recorded under the ':G_df=conventional' key)."
        )
    return text


def _pyfixest_convention(key: str, conventions: dict) -> str:
    if not key.startswith("CRV1:"):
        return conventions[key]
    names = key[5:].split(":")[0].split("+")
    if len(names) == 1:
        return conventions["CRV1:<c>"]
    if key.endswith(":G_df=conventional"):
        return ("ssc(G_df='conventional'): each term with its own G_j/(G_j-1) * (N-1)/(N-K), "
                "= statsmodels CR1 two-way; df = min(G_a, G_b) - 1.")
    return conventions["CRV1:<a>+<b>"]


def pyfixest_cross_check(spec: FitSpec, d: pd.DataFrame, record: dict) -> dict:
    """Fit with pyfixest under iid / hetero / CRV1 and compare with the statsmodels record."""
    import pyfixest as pf

    ns = {"pf": pf, "d": d}
    wt = f', weights="{spec.weights}"' if spec.weights else ""
    sm_names = record["coefficient_names"]
    out = {
        "tool": "pyfixest",
        "tool_version": pf.__version__,
        "ssc_default": pf.ssc(),
        "conventions": pyfixest_conventions(spec),
        "covariances": {},
    }
    for key, (vcov_src, ssc_src, sm_key) in _pyfixest_vcov_args(spec).items():
        ssc = f", ssc={ssc_src}" if ssc_src else ""
        call = f'pf.feols("{spec.formula}", data=d{wt}, vcov={vcov_src}{ssc})'
        with warnings.catch_warnings():
            # pyfixest warns about dropped columns, and about the sqrt of a negative two-way
            # variance (its SE is then NaN, written null).
            warnings.simplefilter("ignore")
            m = eval(call, ns)
            ci = m.confint()
            coef, se, tstat, pvalue = m.coef(), m.se(), m.tstat(), m.pvalue()
        names = [str(n) for n in coef.index]
        out["coefficient_names"] = names
        out["coefficients"] = floats(coef)
        perm = [sm_names.index(n) for n in names]
        sm = record["covariances"][sm_key]
        sm_vcov = np.asarray(sm["vcov"])[np.ix_(perm, perm)]
        out["coefficients_max_rel_diff_vs_statsmodels"] = _rel(coef.values, np.asarray(record["coefficients"])[perm])
        entry = {
            "call": call,
            "convention": _pyfixest_convention(key, out["conventions"]),
            "compared_with": sm_key,
            "ssc_factors": floats(np.atleast_1d(m._ssc)),
            "df": float(m._df_t),
            "se": nullable(se),
            "t": nullable(tstat),
            "p": nullable(pvalue),
            "ci_lower": nullable(ci.iloc[:, 0]),
            "ci_upper": nullable(ci.iloc[:, 1]),
            "vcov": matrix(m._vcov),
            "vcov_max_rel_diff_vs_statsmodels": _rel(m._vcov, sm_vcov),
        }
        if key.startswith("CRV1:") and "+" in key and ssc_src is None:
            entry["vcov_max_rel_diff_vs_min_convention"] = _rel(m._vcov, _min_convention(spec, d)[np.ix_(perm, perm)])
        out["covariances"][key] = entry
    return out


def _min_convention(spec: FitSpec, d: pd.DataFrame) -> np.ndarray:
    """fixest/pyfixest two-way default, rebuilt from the statsmodels-convention terms."""
    a, b = spec.clusters
    _, _, v, _ = independent_vcovs(spec.formula, d, spec.weights, [a])
    _, _, vb, _ = independent_vcovs(spec.formula, d, spec.weights, [b])
    cells = d.assign(_ab=d[a].astype(str) + "\x1f" + d[b].astype(str))
    _, _, vab, _ = independent_vcovs(spec.formula, cells, spec.weights, ["_ab"])
    g = {c: cells[c].nunique() for c in (a, b, "_ab")}
    g_min = min(g.values())
    raw = {c: vv[f"CR1:{c}"] * (g[c] - 1) / g[c] for c, vv in ((a, v), (b, vb), ("_ab", vab))}
    return g_min / (g_min - 1) * (raw[a] + raw[b] - raw["_ab"])


def _r_formula(formula: str) -> str:
    # patsy's C(x) treatment coding is R's factor(x) with the default contr.treatment.
    return re.sub(r"C\((\w+)\)", r"factor(\1)", formula)


def _patsy_name(r_name: str, patsy_names: list[str]) -> str:
    if r_name == "(Intercept)":
        return "Intercept"
    parts = []
    for part in r_name.split(":"):
        m = re.fullmatch(r"factor\((\w+)\)(.+)", part)
        if m:
            var, level = m.groups()
            part = f"C({var})[T.{level}]"
            if part not in patsy_names and f"C({var})[{level}]" in patsy_names:
                part = f"C({var})[{level}]"
        parts.append(part)
    return ":".join(parts)


def _num(text: str) -> float:
    return float("nan") if text == "NA" else float(text)


def r_available() -> bool:
    return shutil.which("Rscript") is not None


def r_cross_check(spec: FitSpec, record: dict, formula: str | None = None) -> dict:
    """Run ols_crosscheck.R on the same rows; compare coefficients, fit statistics and vcovs."""
    formula = _r_formula(formula or spec.formula)
    argv = ["Rscript", R_SCRIPT, spec.data, formula, spec.weights or "", ",".join(spec.clusters),
            ",".join(spec.used_columns)]
    text = subprocess.run(argv, cwd=REPO, check=True, capture_output=True, text=True).stdout
    lines = {}
    for line in text.splitlines():
        key, *vals = line.split("\t")
        lines[key] = vals
    r_names = lines["names"]
    aliased = [n for n in lines["aliased"] if n]
    kept = [n for n in r_names if n not in aliased]
    sm_names = record["coefficient_names"]
    mapped = [_patsy_name(n, sm_names) for n in kept]
    perm = [sm_names.index(n) for n in mapped]
    coef = np.array([_num(v) for v, n in zip(lines["coefficients"], r_names) if n not in aliased])
    k = len(kept)
    weights = f", weights = {spec.weights}" if spec.weights else ""
    out = {
        "tool": "R lm + sandwich",
        "r_version": lines["r_version"][0],
        "sandwich_version": lines["sandwich_version"][0],
        "command": " ".join(f'"{a}"' if " " in a or a == "" else a for a in argv),
        "call": f"fit <- lm({formula}, data = d{weights})",
        "coefficient_names": r_names,
        "aliased": aliased,
        "coefficients": nullable([_num(v) for v in lines["coefficients"]]),
        "rank": int(float(lines["rank"][0])),
        "r_squared": float(lines["r_squared"][0]),
        "adj_r_squared": float(lines["adj_r_squared"][0]),
        "f_statistic": floats(lines["f_statistic"]) if "f_statistic" in lines else None,
        "coefficients_max_rel_diff_vs_statsmodels": _rel(coef, np.asarray(record["coefficients"])[perm]),
        "vcov_calls": {
            "classical": "vcov(fit)",
            **{hc: f'sandwich::vcovHC(fit, type = "{hc}")' for hc in ("HC0", "HC1", "HC2", "HC3")},
        },
        "vcov_max_rel_diff_vs_statsmodels": {},
    }
    if spec.clusters:
        a = spec.clusters[0]
        out["vcov_calls"][f"CR1:{a}"] = f'sandwich::vcovCL(fit, cluster = ~{a}, type = "HC1", cadjust = TRUE)'
    if len(spec.clusters) == 2:
        a, b = spec.clusters
        out["vcov_calls"][f"CR1:{a}+{b}"] = (
            f'sandwich::vcovCL(fit, cluster = ~{a} + {b}, type = "HC1", cadjust = TRUE, multi0 = FALSE)')
    for key in out["vcov_calls"]:
        v = np.array([float(x) for x in lines[f"vcov:{key}"]]).reshape(k, k)
        sm = np.asarray(record["covariances"][key]["vcov"])[np.ix_(perm, perm)]
        out["vcov_max_rel_diff_vs_statsmodels"][key] = _rel(v, sm)
    return out
