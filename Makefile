# Portolan top-level commands. See README.md.
#   make qualify   qualify the default emulated board (QEMU mps2-an385)
#   make test      every test: format, simulator (plain and ASan+UBSan), emulated boards
#   make bench     performance and footprint figures: build/bench/bench.{json,md}, *.svg
#   make bench-compare OLD=old/bench.json [NEW=build/bench/bench.json]
#                  flag every figure more than 2 % worse (docs/bench.md)
#   make size      kernel text/data/bss, minimal and default configs, on $(BOARD)
#   make bootstrap install the missing Debian packages (the targets above call it)

BUILD      ?= build
JOBS       ?= 2
BOARD      ?= qemu-mps2-an385
CTEST_ARGS ?= --output-on-failure -j$(JOBS)
# Emulated boards tested by `make test` (those present in boards/).
TEST_BOARDS := $(notdir $(patsubst %/board.cmake,%,$(wildcard boards/qemu-*/board.cmake)))

.PHONY: all bootstrap test qualify format format-check test-posix test-asan test-boards test-tools \
        clean bench bench-compare size

all: test

bootstrap:
	@tools/bootstrap.sh

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

format-check:
	@tools/format-check.sh
	@tools/style-check.py

test: bootstrap format-check test-posix test-asan test-boards test-tools
	@echo "make test: all passed"

test-posix:
	cmake -S . -B $(BUILD)/posix -G Ninja -DPORTOLAN_BOARD=posix
	ninja -C $(BUILD)/posix -j$(JOBS)
	ctest --test-dir $(BUILD)/posix $(CTEST_ARGS)

test-asan:
	cmake -S . -B $(BUILD)/posix-asan -G Ninja -DPORTOLAN_BOARD=posix -DPORTOLAN_SANITIZE=ON
	ninja -C $(BUILD)/posix-asan -j$(JOBS)
	ctest --test-dir $(BUILD)/posix-asan $(CTEST_ARGS)

test-boards:
	@set -e; for b in $(TEST_BOARDS); do \
	  cmake -S . -B $(BUILD)/$$b -G Ninja -DPORTOLAN_BOARD=$$b; \
	  ninja -C $(BUILD)/$$b -j$(JOBS); \
	  ctest --test-dir $(BUILD)/$$b $(CTEST_ARGS); \
	done

# Host tools (qualify and its self-tests), built with the host compiler.
test-tools:
	cmake -S tools -B $(BUILD)/host -G Ninja
	ninja -C $(BUILD)/host -j$(JOBS)
	ctest --test-dir $(BUILD)/host $(CTEST_ARGS)

qualify: bootstrap
	@if [ -x tools/qualify/run-make-qualify.sh ]; then \
	  tools/qualify/run-make-qualify.sh $(BOARD); \
	else \
	  b=$(BOARD); [ -f boards/$$b/board.cmake ] || b=posix; \
	  cmake -S . -B $(BUILD)/$$b -G Ninja -DPORTOLAN_BOARD=$$b >/dev/null && \
	  ninja -C $(BUILD)/$$b -j$(JOBS) && \
	  ctest --test-dir $(BUILD)/$$b $(CTEST_ARGS) -R '^kernel\.' ; \
	fi

bench: bootstrap
	tools/bench/bench.py --out $(BUILD)/bench --jobs $(JOBS)

NEW ?= $(BUILD)/bench/bench.json
bench-compare:
	@if [ -z "$(OLD)" ]; then echo "usage: make bench-compare OLD=old/bench.json [NEW=...]" >&2; exit 2; fi
	tools/bench/compare $(OLD) $(NEW)

size: bootstrap
	cmake -S . -B $(BUILD)/$(BOARD) -G Ninja -DPORTOLAN_BOARD=$(BOARD) >/dev/null
	ninja -C $(BUILD)/$(BOARD) -j$(JOBS) size

clean:
	rm -rf $(BUILD)
