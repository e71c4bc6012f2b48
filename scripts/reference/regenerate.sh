#!/usr/bin/env bash
# Regenerates every reference fixture in datasets/reference/. Needs Python with scipy, mpmath,
# statsmodels and pyfixest (pip) and R with boot, sandwich and clubSandwich (apt: r-base-core
# r-cran-boot r-cran-sandwich r-cran-clubsandwich); see scripts/reference/README.md for the versions
# behind the committed files.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f scripts/reference/distributions.py ] && python3 scripts/reference/distributions.py
python3 scripts/reference/ols_reference.py
python3 scripts/reference/binary_reference.py
python3 scripts/reference/accuracy_reference.py
python3 scripts/reference/cov_reference.py
python3 scripts/reference/es_reference.py
python3 scripts/reference/cg_reference.py
python3 scripts/reference/cs_reference.py
python3 scripts/reference/fe_reference.py
Rscript scripts/reference/bootstrap_percentile.R
Rscript scripts/reference/bootstrap_intervals.R
git status --short datasets/reference
