#!/usr/bin/env python3
"""Callaway–Sant'Anna on the peer benchmark panel with Python `csdid`, for BENCHMARKS.md.

Usage: python3 Benchmarks/peers/csdid_peer.py PANEL.csv

Same task as `ImpactBenchmarks --panel PANEL.csv` (peer_T7): unconditional group-time ATTs with
never-treated comparison units, varying base period, analytic standard errors clustered by unit
(no bootstrap), then the simple and dynamic aggregations. Prints the read and compute seconds,
the simple ATT and its SE. Run it under `/usr/bin/time -v` for whole-process time and memory.
"""
import sys
import time

import pandas as pd
from csdid.att_gt import ATTgt

path = sys.argv[1]
start = time.perf_counter()
df = pd.read_csv(path, usecols=["employee_id", "month", "cohort", "sales"])
read = time.perf_counter() - start

start = time.perf_counter()
fit = ATTgt(yname="sales", gname="cohort", idname="employee_id", tname="month", data=df, control_group="nevertreated")
fit = fit.fit(est_method="reg", bstrap=False)
fit.aggte(typec="simple", bstrap=False)
simple = fit.atte
fit.aggte(typec="dynamic", bstrap=False)
compute = time.perf_counter() - start
print(f"csdid read {read:.3f} s, compute {compute:.3f} s; simple ATT {simple['overall_att']:.6f} (SE {simple['overall_se']:.6f})")
