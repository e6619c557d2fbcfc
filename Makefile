# Evidence Workbench. `make run` and `make test` install what a fresh Debian 12 machine lacks, then build.
# Build tags are set here once, for every go command (build, test, vet, bench, fuzz, package):
# sqlite_fts5 links SQLite with full-text search; migrated_fynedo tells Fyne that every widget update
# already runs on its goroutine (fyne.Do). Without it Fyne finds out which goroutine calls on each
# canvas refresh by formatting a stack trace, which was 4 to 5 ms of a timeline frame, whenever the
# binary does not sit next to FyneApp.toml (whose fyneDo migration it otherwise reads at run time).
TAGS := sqlite_fts5,migrated_fynedo
export GOFLAGS := -tags=$(TAGS)
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
GO      ?= go
BIN     ?= workbench
# Debian packages needed to compile Fyne (cgo, OpenGL, X11, Wayland) and go-sqlite3.
BUILD_DEBS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# Extra packages for looking at the real window (make shots) and reading PDFs.
LOOK_DEBS  := xvfb xauth xdotool x11-apps imagemagick dbus-x11 poppler-utils
FUZZTIME   ?= 60s
FUZZJOBS   ?= 1
BENCHTIME  ?= 1x
CRASH_KILLS ?= 200

.PHONY: all run build test vet fmt-check bench crashtest corpus bigcase fuzz package deps look-deps clean help

all: build

help:
	@echo "make run      install missing packages, build, open the workbench (sample case on first run)"
	@echo "make test     install missing packages, vet, check formatting, run every test"
	@echo "make bench    run every benchmark (one pass, one package at a time) and print a table: figure, target, met"
	@echo "make crashtest kill the real binary CRASH_KILLS (default $(CRASH_KILLS)) times mid-work; the case must hold"
	@echo "make corpus   regenerate the hostile-input corpus in testdata/hostile"
	@echo "make bigcase OUT=F [SCALE=x]  write a generated case (10,000 articles at SCALE 1) to try a big case"
	@echo "make fuzz     run every fuzz target for FUZZTIME (default $(FUZZTIME)), FUZZJOBS (default $(FUZZJOBS)) at a time"
	@echo "make package  build a Linux package (.tar.xz with icon and .desktop file)"

run: build
	./$(BIN)

build: deps
	$(GO) build -o $(BIN) .

test: deps vet fmt-check
	$(GO) test -count=1 ./...

vet: deps
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# One package at a time (-p 1), so that benchmarks do not share the two cores. The scale benchmarks
# generate their 10,000-article case once (about a minute) and keep it in the temporary folder.
# The GL frame benchmarks (glframe_bench_test.go) open a real window: with no display they run
# under Xvfb, where OpenGL is Mesa's llvmpipe, drawn by the CPU.
XRUN := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,xvfb-run -a -s "-screen 0 1920x1080x24")
bench: deps
	$(if $(XRUN),@./scripts/ensure-deps $(BUILD_DEBS) xvfb xauth)
	$(XRUN) $(GO) test -p 1 -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -timeout 30m ./... | tee bench.out
	@$(GO) run ./tools/benchtable bench.out

# The crash harness: SIGKILL the real binary at random moments CRASH_KILLS times (make test runs 10).
# CRASH_SEED=N seeds the commands and kill delays.
crashtest: deps
	CRASH_KILLS=$(CRASH_KILLS) $(GO) test -count=1 -run '^TestCrashSafety$$' -v -timeout 60m .

# The hostile-input corpus is generated (internal/hostile); hostile_test.go checks it is up to date.
corpus:
	$(GO) run ./tools/corpusgen

# A generated case for trying the workbench on a big case: make bigcase OUT=big.ewcase [SCALE=0.01]
bigcase: deps
	EWB_BIGCASE=$(abspath $(OUT)) EWB_BIGCASE_SCALE=$(SCALE) $(GO) test -count=1 -run '^TestMakeBigCase$$' -v -timeout 30m .

# Every fuzz target for FUZZTIME, FUZZJOBS at a time (logs in fuzz-out/). Issue 8's run: FUZZTIME=10m FUZZJOBS=2.
fuzz: deps
	FUZZTIME=$(FUZZTIME) FUZZJOBS=$(FUZZJOBS) GO=$(GO) ./scripts/fuzz-all

# fyne package bumps Build in FyneApp.toml on every run; put it back so packaging leaves the tree clean.
package: deps
	cp FyneApp.toml .FyneApp.toml.keep
	$(GO) tool fyne package -os linux --tags $(TAGS) --release; s=$$?; mv .FyneApp.toml.keep FyneApp.toml; exit $$s

# deps installs the missing Debian packages (as root, or through sudo) and checks the Go toolchain.
deps: .deps-ok
.deps-ok: Makefile
	@./scripts/ensure-deps $(BUILD_DEBS)
	@touch $@

look-deps:
	@./scripts/ensure-deps $(BUILD_DEBS) $(LOOK_DEBS)

clean:
	rm -f $(BIN) .deps-ok bench.out
	rm -rf xshot-out fyne-cross fuzz-out
