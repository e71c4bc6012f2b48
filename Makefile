# Impact Workbench: the two everyday commands are `make demo` and `make test`.
SWIFT ?= swift
STUDY ?= Examples/studies/sales-training.yml
OUT ?= out/sales-training

.PHONY: help deps build demo test bench coverage report-screenshot reference clean

help:
	@echo "make demo       run the bundled sales-training study; report in $(OUT)/"
	@echo "make test       run the test suite"
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
