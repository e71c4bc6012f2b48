#!/usr/bin/env python3
"""Write the NSW treated men with the CPS-1 comparison group (datasets/nsw-cps-comparison/nsw_cps_comparison.csv).

Real data, not simulated: LaLonde's (1986) non-experimental design as re-examined by Dehejia &
Wahba (1999): the 185 NSW participants of the Dehejia-Wahba experimental sample (treat = 1)
stacked with the 15,992 men of the CPS-1 comparison group drawn from the Current Population
Survey (treat = 0). The NSW controls are left out, so the comparison is observational and the
experimental benchmark (1,794 USD, datasets/nsw-dehejia-wahba/) is the known answer.

The rows come from `nsw_mixtape.dta` (treated rows only) and `cps_mixtape.dta` of the Python
package `causaldata` 0.1.5 (MIT licence; `pip download causaldata==0.1.5`). Columns and number
formats are those of generate_nsw_dehejia_wahba.py, plus `sample` ("NSW" or "CPS1").

Usage: python3 scripts/datasets/generate_nsw_cps_comparison.py --data-dir PATH/TO/causaldata [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "datasets" / "nsw-cps-comparison" / "nsw_cps_comparison.csv"
COLUMNS = ["treat", "age", "educ", "black", "hisp", "married", "nodegree", "re74", "re75", "re78"]


def load(data_dir: Path) -> pd.DataFrame:
    """NSW treated rows (file order) followed by the CPS-1 rows (file order), with `id` and `sample`."""
    nsw = pd.read_stata(data_dir / "nsw_mixtape" / "nsw_mixtape.dta")
    cps = pd.read_stata(data_dir / "cps_mixtape" / "cps_mixtape.dta")
    assert (nsw["data_id"] == "Dehejia-Wahba Sample").all() and (cps["data_id"] == "CPS1").all()
    assert (cps["treat"] == 0).all(), "CPS-1 rows must all be comparison rows"
    treated = nsw[nsw["treat"] == 1].assign(sample="NSW")
    raw = pd.concat([treated, cps.assign(sample="CPS1")], ignore_index=True).rename(columns={"marr": "married"})
    frame = pd.DataFrame({"id": np.arange(1, len(raw) + 1), "sample": raw["sample"]})
    for name in COLUMNS:
        column = raw[name]
        if column.dtype == np.float32:
            # Shortest round-trip decimal of the stored float32 (never more digits than stored).
            frame[name] = [np.format_float_positional(v, trim="-") for v in column.to_numpy()]
        else:
            frame[name] = column.astype(int)
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="the causaldata package directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frame = load(args.data_dir)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False, lineterminator="\n")
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(frame):,} rows)")
    print(f"sha256 {digest}")
    data = pd.read_csv(args.out)
    means = data.groupby("treat")["re78"].agg(["mean", "count"])
    print(means.to_string())
    print(f"difference in means re78: {means.loc[1, 'mean'] - means.loc[0, 'mean']:.6f}")


if __name__ == "__main__":
    main()
