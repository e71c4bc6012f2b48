#!/usr/bin/env bash
# Regenerates every reference fixture in datasets/reference/. Needs Python with scipy, mpmath,
# statsmodels, pyfixest, csdid, wildboottest, honestdid and causalinference (pip) and R with boot,
# sandwich, clubSandwich and Matching (apt: r-base-core r-cran-boot r-cran-sandwich
# r-cran-clubsandwich r-cran-matching); see scripts/reference/README.md for the versions behind the
# committed files.
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
python3 scripts/reference/cs_covariates_reference.py
python3 scripts/reference/cs_bootstrap_reference.py
python3 scripts/reference/sunab_reference.py
python3 scripts/reference/imputation_reference.py
python3 scripts/reference/bacon_reference.py
python3 scripts/reference/its_reference.py
python3 scripts/reference/matching_reference.py
python3 scripts/reference/matching_ai_reference.py      # apt r-cran-matching; pip causalinference (optional cross-checks)
python3 scripts/reference/refutation_pretest.py
python3 scripts/reference/wild_bootstrap_reference.py   # pip install wildboottest
# honestdid 0.1.1 fails under numpy >= 2.4: run this one in a virtualenv with numpy 2.3 (see its docstring).
python3 scripts/reference/honest_reference.py || echo "honest_reference.py needs numpy < 2.4 (see its docstring)"
Rscript scripts/reference/bootstrap_percentile.R
Rscript scripts/reference/bootstrap_intervals.R
git status --short datasets/reference
