#!/usr/bin/env python3
"""Write the NSW experimental sample of Dehejia & Wahba (1999) (datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv).

Real data, not simulated: the 445 men of LaLonde's (1986) National Supported Work (NSW)
experimental sample for whom 1974 earnings are known (185 treated, 260 controls), as selected by
Dehejia & Wahba (1999). The rows are read from the Stata file `nsw_mixtape.dta` shipped in the
Python package `causaldata` 0.1.5 (MIT licence; obtained with `pip download causaldata==0.1.5`),
which carries Dehejia's public NSW files as used in Cunningham's "Causal Inference: The Mixtape".

The rows are kept in the file's order and numbered `id` 1 ... 445; the constant text column
`data_id` ("Dehejia-Wahba Sample") is dropped, `marr` is renamed `married`. Earnings are stored
as 32-bit floats in the .dta file; each is written with the shortest decimal that reads back as
the same float32 value, so no digit is invented or lost.

Usage: python3 scripts/datasets/generate_nsw_dehejia_wahba.py --dta PATH/TO/nsw_mixtape.dta [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "datasets" / "nsw-dehejia-wahba" / "nsw_dehejia_wahba.csv"
COLUMNS = ["treat", "age", "educ", "black", "hisp", "married", "nodegree", "re74", "re75", "re78"]


def convert(dta: Path) -> pd.DataFrame:
    """Reads the .dta file and returns the documented columns, with a 1-based row id."""
    raw = pd.read_stata(dta).rename(columns={"marr": "married"})
    assert (raw["data_id"] == "Dehejia-Wahba Sample").all(), "unexpected sample label"
    frame = pd.DataFrame({"id": np.arange(1, len(raw) + 1)})
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
    parser.add_argument("--dta", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    frame = convert(args.dta)
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
