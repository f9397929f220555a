# The README's two commands: `make run` and `make test`. Each installs what it needs
# (Debian 12 packages) when something is missing, then configures and builds into build/.

DEB_PACKAGES := cmake g++ make pkg-config libboost1.81-dev libboost-json1.81-dev \
                libboost-program-options1.81-dev googletest libgtest-dev libbenchmark-dev \
                pybind11-dev graphviz python3 python3-dev python3-networkx python3-pytest \
                python3-pandas python3-matplotlib python3-nbclient python3-nbformat python3-ipykernel
JOBS ?= $(shell nproc)
BUILD := build
KYOSO := $(BUILD)/bin/kyoso
PREFIX ?= /usr/local

.PHONY: run test build deps asan tsan fuzz install bench format clean

run: build
	$(KYOSO) fit --mission regional-revitalization --goal social-implementation

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD)/CMakeCache.txt:
	cmake --preset default

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

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz
