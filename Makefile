# zonestat — the two commands that do everything on a fresh machine:
#   make pipeline   installs what is missing, builds, runs the stages on the sample data
#   make test       installs what is missing, builds debug and release, runs the tests
SHELL := /bin/bash
SWIFT ?= swift
PIPELINE ?= pipelines/default.yaml
WORKSPACE ?= workspace
SAMPLE ?= sample-data/inbox
CONFIG ?= release
BIN = .build/$(CONFIG)

.PHONY: pipeline test deps build build-debug sample-inbox clean-workspace bench screenshot help faults fuzz

help:
	@echo "make pipeline   run the pipeline end to end on the bundled sample data (into ./$(WORKSPACE))"
	@echo "make test       run the test suite"
	@echo "make faults     kill the real executables at every write, rename and fsync of a small run; rerun; compare"
	@echo "make fuzz SECONDS=N   fuzz the file reader with libFuzzer for N seconds"

# Debian packages the build needs: libcsv (CSV parser), SQLite's headers and zlib (tables.xlsx,
# read and written). Each is taken as present when its header is (no dpkg query on every run:
# the nightly job calls this), else looked up and installed.
deps:
	@missing=""; \
	for pair in libcsv-dev:csv.h libsqlite3-dev:sqlite3.h zlib1g-dev:zlib.h; do \
	  pkg=$${pair%%:*}; header=$${pair#*:}; \
	  [ -e /usr/include/$$header ] || dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

# The release binaries, rebuilt only when a source changed (SwiftPM's own up-to-date check
# costs seconds, which the nightly run need not pay).
SOURCES := $(shell find Sources -name '*.swift' -o -name '*.h' -o -name '*.c' -o -name '*.modulemap') Package.swift
STAMP := $(BIN)/.zonestat-built

build: deps $(STAMP)

$(STAMP): $(SOURCES)
	$(SWIFT) build -c $(CONFIG)
	@touch $(STAMP)

build-debug: deps
	$(SWIFT) build

# Copies the sample inbox into the workspace (never consuming sample-data/ itself). The copies
# get a fixed old modification time: they are complete, and they are taken in name order.
sample-inbox:
	@mkdir -p $(WORKSPACE)/inbox; touch $(WORKSPACE)/.sample-copied; \
	ls $(SAMPLE) | grep -vxF -f $(WORKSPACE)/.sample-copied | while IFS= read -r name; do \
	  cp "$(SAMPLE)/$$name" "$(WORKSPACE)/inbox/$$name" && touch -d '2023-05-10 08:00:00 UTC' "$(WORKSPACE)/inbox/$$name" \
	    && echo "$$name" >> $(WORKSPACE)/.sample-copied; \
	done; true

pipeline: build sample-inbox
	$(BIN)/zonestat-extract --pipeline $(PIPELINE) --workspace $(WORKSPACE)
	$(BIN)/zonestat-transform --pipeline $(PIPELINE) --workspace $(WORKSPACE)
	$(BIN)/zonestat-load --pipeline $(PIPELINE) --workspace $(WORKSPACE)
	@echo "workspace: $(WORKSPACE) (inbox, archive, quarantine, warehouse.sqlite, out)"

test: deps
	$(SWIFT) build
	$(SWIFT) build -c release
	$(SWIFT) test 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	python3 scripts/faults/run.py --bin .build/debug --every 7

# Fault injection (issue 12): the real executables killed (SIGKILL) at every write, rename,
# fsync, removal and warehouse commit of a small run (ZONESTAT_FAULT_AT=N), each rerun and
# compared with an uninterrupted run; `make test` runs every 7th point. FAULTS_ARGS=--size full
# sweeps the whole sample inbox (long).
faults: build-debug
	python3 scripts/faults/run.py --bin .build/debug $(FAULTS_ARGS)

# Renders the latest HTML report to PNG with headless Chromium (installed if missing), to look at
# what the office prints. Run `make pipeline` first.
SCREENSHOT ?= $(WORKSPACE)/report-screenshot.png
screenshot:
	scripts/screenshot.sh $(WORKSPACE)/out/latest/report.html $(SCREENSHOT) 5200

# Benchmarks against a DuckDB script on the same generated inbox (never part of `make test`):
#   make bench SIZE=zone|province|nation [REPEAT=3]
SIZE ?= zone
REPEAT ?= 3
bench: build
	@python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
	python3 scripts/bench/run.py --size $(SIZE) --repeat $(REPEAT) $(if $(filter nation,$(SIZE)),--in-place) $(BENCH_ARGS)

clean-workspace:
	rm -rf $(WORKSPACE)

# The fuzzer (issue 12): libFuzzer on the file reader (bytes in, records and problems out) for
# SECONDS, then on the xlsx reader (a worksheet's XML in a workbook) for SECONDS,
# built apart in .build-fuzz with --sanitize=fuzzer (never by `swift build` or `make test`).
# Seeds: the sample inbox and the test fixtures. A finding is saved under fuzz/crashers/:
# copy it into Tests/ZonestatPipelineTests/Fixtures/fuzz/ and fix the reader.
#   make fuzz SECONDS=300
SECONDS ?= 60
FUZZ_CORPUS = .build-fuzz/corpus
fuzz: deps
	ZONESTAT_FUZZ=1 $(SWIFT) build --build-path .build-fuzz --sanitize=fuzzer --product zonestat-fuzz
	@mkdir -p $(FUZZ_CORPUS) fuzz/crashers
	@cp -n $(SAMPLE)/* $(FUZZ_CORPUS)/ 2>/dev/null || true
	@find Tests -path '*Fixtures*' -type f -size -64k -exec cp -n {} $(FUZZ_CORPUS)/ \; 2>/dev/null || true
	SWIFT_BACKTRACE=enable=no .build-fuzz/debug/zonestat-fuzz $(FUZZ_CORPUS) -max_total_time=$(SECONDS) -max_len=16384 \
	  -artifact_prefix=fuzz/crashers/ -print_final_stats=1
	@# Then the xlsx reader: the input is a worksheet's XML, seeded by the sample workbooks' sheets.
	@mkdir -p $(FUZZ_CORPUS)-sheet
	@python3 -c "import glob, zipfile; [open('$(FUZZ_CORPUS)-sheet/%d-%s' % (i, n.split('/')[-1]), 'wb').write(zipfile.ZipFile(p).read(n)) for i, p in enumerate(sorted(glob.glob('$(SAMPLE)/*.xlsx'))) for n in zipfile.ZipFile(p).namelist() if n.startswith('xl/worksheets/')]"
	SWIFT_BACKTRACE=enable=no ZONESTAT_FUZZ_TARGET=sheet .build-fuzz/debug/zonestat-fuzz $(FUZZ_CORPUS)-sheet -max_total_time=$(SECONDS) \
	  -max_len=65536 -artifact_prefix=fuzz/crashers/sheet- -print_final_stats=1
