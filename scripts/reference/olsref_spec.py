"""Fit specifications, provenance and the observation account shared by the OLS reference cases."""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
GENERATED_BY = "scripts/reference/ols_reference.py"
IMPORTS = "import numpy as np\nimport pandas as pd\nimport statsmodels.formula.api as smf"


@dataclass(frozen=True)
class FitSpec:
    """One regression to record: formula, the variables it uses, weights and cluster columns.

    `regressors` lists the raw data columns on the right-hand side in formula order (used only
    for the drop account; the design itself comes from the formula). `clusters` are the cluster
    id columns; rows missing any of them are dropped for the whole fit so that every covariance
    is computed on the same rows.
    """

    name: str
    description: str
    data: str  # repo-relative CSV path
    formula: str
    outcome: str
    regressors: list[str]
    clusters: list[str]
    weights: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def estimator(self) -> str:
        return "OLS" if self.weights is None else "WLS"

    @property
    def used_columns(self) -> list[str]:
        cols = [self.outcome, *self.regressors, *self.clusters]
        if self.weights is not None:
            cols.append(self.weights)
        return list(dict.fromkeys(cols))

    def load_statement(self) -> str:
        return f'df = pd.read_csv("{self.data}")'

    def drop_statement(self) -> str:
        return f"d = df.dropna(subset={self.used_columns!r}).reset_index(drop=True)"

    def model_expression(self) -> str:
        """The statsmodels model constructor, as it is evaluated."""
        if self.weights is None:
            return f'smf.ols("{self.formula}", data=d)'
        return f'smf.wls("{self.formula}", data=d, weights=d["{self.weights}"])'


def provenance(tool: str, tool_version: str) -> dict:
    """Versions of everything that can change the numbers."""
    import patsy
    import scipy

    return {
        "tool": tool,
        "tool_version": tool_version,
        "python_version": platform.python_version(),
        "library_versions": {
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "pandas": pd.__version__,
            "patsy": patsy.__version__,
        },
        "platform": f"{platform.system()} {platform.machine()}",
        "generated_by": GENERATED_BY,
        "regenerate": f"python3 {GENERATED_BY}",
        "imports": IMPORTS,
    }


def sha256(path: str) -> str:
    return hashlib.sha256((REPO / path).read_bytes()).hexdigest()


def observation_account(spec: FitSpec, raw: pd.DataFrame) -> dict:
    """Rows used and dropped, each dropped row attributed to the FIRST reason in the order
    outcome, regressors (formula order), cluster ids (given order), weight.

    This is the order the workbench's ObservationAccount uses; statsmodels itself only drops
    (missing='drop') without attributing, and would also drop rows missing a cluster id only
    if the id were part of the formula, hence the explicit dropna before fitting.
    """
    reasons = [("missing_outcome", spec.outcome)]
    reasons += [("missing_regressor", v) for v in spec.regressors]
    reasons += [("missing_cluster", v) for v in spec.clusters]
    if spec.weights is not None:
        reasons.append(("missing_weight", spec.weights))

    counts = {"missing_outcome": 0, "missing_regressor": 0, "missing_cluster": 0, "missing_weight": 0}
    by_variable = {f"{r}:{v}": {"reason": r, "variable": v, "count": 0} for r, v in reasons}
    rows = []
    for i in range(len(raw)):
        for reason, variable in reasons:
            if pd.isna(raw.at[i, variable]):
                counts[reason] += 1
                by_variable[f"{reason}:{variable}"]["count"] += 1
                # line = 1-based line in the CSV file, the header being line 1.
                rows.append({"row": i, "line": i + 2, "reason": reason, "variable": variable})
                break
    total = sum(counts.values())
    return {
        "n_total": len(raw),
        "n_used": len(raw) - total,
        "n_dropped": {**counts, "total": total},
        # In reason order; only variables that lost rows.
        "dropped_by_variable": [e for e in by_variable.values() if e["count"] > 0],
        "dropped_rows": rows,
    }


def floats(values) -> list:
    """A numpy vector as a list of Python floats (json writes them with repr: full precision)."""
    return [float(v) for v in np.asarray(values, dtype=float).ravel()]


def matrix(values) -> list:
    """A numpy matrix as row-major nested lists of Python floats."""
    a = np.asarray(values, dtype=float)
    return [[float(v) for v in row] for row in a]


def nullable(values) -> list:
    """Like `floats`, with NaN written as null (JSON has no NaN)."""
    return [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float).ravel()]
