# Impact Workbench: the two everyday commands are `make demo` and `make test`.
SWIFT ?= swift
STUDY ?= Examples/studies/sales-training.yml
OUT ?= out/sales-training
# Debian's interpreter, for which `make deps` installs ipykernel and nbconvert (a python3 earlier
# on the PATH, such as a pyenv shim, may not have them).
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
# nbconvert runs each notebook with the `impact` kernel in the notebook's folder; 600 s per cell.
# No timing metadata, so re-executing unchanged notebooks leaves the committed files unchanged.
NBCONVERT = $(PYTHON) -m jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=impact \
	--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False

.PHONY: help deps build demo test kernel notebooks notebooks-update bench coverage report-screenshot reference clean

help:
	@echo "make demo       run the bundled sales-training study; report in $(OUT)/"
	@echo "make test       run the test suite"
	@echo "make kernel     build impact and install its Jupyter kernel ('Impact Workbench') for this user"
	@echo "make notebooks  test the kernel, then execute notebooks/*.ipynb headless into out/notebooks/; fails on any error"
	@echo "make notebooks-update  re-execute notebooks/*.ipynb in place (how their saved outputs are made)"
	@echo "make bench      run the benchmarks (release build)"
	@echo "make coverage   run the bootstrap coverage study (release build; docs/validation.md)"
	@echo "make report-screenshot  render the demo's report.html to PNG with headless Chromium"
	@echo "make reference  regenerate datasets/reference/*.json (needs Python tools, see scripts/reference/README.md)"

deps:
	@./scripts/install-system-deps.sh

build: deps
	$(SWIFT) build --product impact

demo: build
	$(SWIFT) run impact run $(STUDY) --out $(OUT)

test: deps
	$(SWIFT) test

kernel: build
	PYTHONPATH=kernel $(PYTHON) -m impact_kernel.install --impact "$$($(SWIFT) build --show-bin-path)/impact"

notebooks: kernel
	@mkdir -p out/notebooks
	$(PYTHON) -m unittest discover -s kernel/tests
	$(NBCONVERT) --output-dir out/notebooks $(NOTEBOOKS)

notebooks-update: kernel
	$(NBCONVERT) --inplace $(NOTEBOOKS)

bench: deps
	$(SWIFT) run -c release ImpactBenchmarks

coverage: deps
	OPENBLAS_NUM_THREADS=1 $(SWIFT) run -c release ImpactBenchmarks --coverage 2000

report-screenshot: demo
	./scripts/render-report.sh $(OUT)/report.html $(OUT)/report.png

reference:
	./scripts/reference/regenerate.sh

clean:
	rm -rf .build out
