# The README's two commands: `make run` and `make test`. Each installs what it needs
# (Debian 12 packages) when something is missing, then configures and builds into build/.

DEB_PACKAGES := cmake g++ make pkg-config libboost1.81-dev libboost-json1.81-dev \
                libboost-program-options1.81-dev googletest libgtest-dev libbenchmark-dev \
                pybind11-dev graphviz python3 python3-dev python3-networkx python3-pytest \
                python3-pandas python3-matplotlib python3-nbclient python3-nbformat python3-ipykernel \
                jupyter-notebook jupyter-nbconvert fonts-noto-cjk libutf8proc-dev python3-jsonschema \
                python3-distributed
JOBS ?= $(shell nproc)
BUILD := build
KYOSO := $(BUILD)/bin/kyoso
PREFIX ?= /usr/local

.PHONY: run test build deps golden notebook asan tsan fuzz install bench bench-peers bench-serve \
        format clean \
        national

run: build
	$(KYOSO) fit --mission regional-revitalization --goal social-implementation

# The browser test of kyoso serve's page (tests/serve/browser_test.py) drives headless Chromium.
test: DEB_PACKAGES += chromium chromium-driver python3-selenium
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/CMakeCache.txt:
	cmake --preset default

# Re-records every recorded output — the golden files in tests/golden/ and the examples in
# README.md, tools/README.md and docs/ — with what the build prints now. Review `git diff` against
# the seed before committing: the golden_outputs and readme_examples tests compare with them.
RECORDED := README.md tools/README.md $(wildcard docs/*.md tests/golden/*.txt)
golden: build
	/usr/bin/python3 tests/check_outputs.py --update --bin $(BUILD)/bin --python $(BUILD)/python $(RECORDED)
	/usr/bin/python3 tests/serve/api_test.py $(KYOSO) --update-docs

# The tour notebook in Jupyter, with the package from the build tree (an absolute path: the
# kernel runs in the notebook's folder). Jupyter refuses root unless told; this machine's
# commands run as root.
notebook: build
	PYTHONPATH=$(CURDIR)/$(BUILD)/python jupyter notebook \
	  $$([ "$$(id -u)" -eq 0 ] && echo --allow-root) examples/notebooks/tour.ipynb

# Quick when everything is there: one dpkg-query, no network.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null | grep -qx installed || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Run as root, or install:$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake --preset asan
	cmake --build build-asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# Unit tests again under ThreadSanitizer (concurrency_test queries one model from many threads).
tsan: deps
	cmake --preset tsan
	cmake --build build-tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

# libFuzzer targets (clang), each run for FUZZ_SECONDS; findings land in build-fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: DEB_PACKAGES += clang libclang-rt-14-dev
fuzz: deps
	cmake --preset fuzz
	cmake --build build-fuzz -j $(JOBS)
	fuzz/run $(FUZZ_SECONDS) build-fuzz

# Every Google Benchmark binary, the national-scale one at three sizes (the synthetic models
# are written into build/bench/ first); bench/README.md has the figures and how to read them.
BENCH_FLAGS ?= --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
bench: build
	cmake --build $(BUILD) --target bench_models kyoso_path_lengths -j $(JOBS)
	for b in $(BUILD)/bin/kyoso_*bench; do $$b $(BENCH_FLAGS) || exit 1; done

# kyoso against the same queries written with NetworkX, on the 1M-edge model: checks that
# the answers agree and prints the time ratios, each measured in one run.
bench-peers: build
	cmake --build $(BUILD) --target bench_models kyoso_path_lengths -j $(JOBS)
	/usr/bin/python3 bench/peers/compare.py --kyoso $(KYOSO) \
	  --path-lengths $(BUILD)/bin/kyoso_path_lengths $(BUILD)/bench/national-1m.jgf.json

# kyoso serve against Flask over the Python bindings, the same mixed load on loopback, in one
# run (bench/README.md, "kyoso serve under load").
bench-serve: DEB_PACKAGES += python3-flask
bench-serve: build
	cmake --build $(BUILD) --target kyoso_serve_load -j $(JOBS)
	/usr/bin/python3 bench/serve/compare.py --kyoso $(KYOSO) \
	  --load $(BUILD)/bin/kyoso_serve_load --python $(BUILD)/python

# Writes data/national.jgf.json again from data/national/ (docs/national.md).
national:
	/usr/bin/python3 data/national/convert.py

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz
