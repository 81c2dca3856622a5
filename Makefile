# argmap: `make run` opens the seed debate, `make test` runs every check CI runs.
# `make run` installs only what the program needs; `make test` adds the development tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
# pip prints each package as it is fetched and installed, so a first run never sits silent.
PIP := $(BIN)/python -m pip install --progress-bar on --disable-pip-version-check

.PHONY: run test lint typecheck pytest exports bench clean

$(VENV):
	@echo "argmap: creating the virtual environment in $(VENV) (first run only)"
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(VENV)
	@echo "argmap: installing argmap and what it needs to run (about 120 MB, first run only)"
	$(PIP) -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): $(RUN_STAMP) pyproject.toml
	@echo "argmap: installing the development tools (tests, linters, type checker)"
	$(PIP) -e '.[dev]'
	touch $(DEV_STAMP)

run: $(RUN_STAMP)
	$(BIN)/argmap tui arguments.yaml

test: $(DEV_STAMP) lint typecheck pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check argmap tests bench
	$(BIN)/ruff format --check argmap tests bench
	$(BIN)/lint-imports

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP)
	$(BIN)/pytest -q

exports: $(RUN_STAMP)
	$(BIN)/python -m argmap.render.gallery arguments.yaml exports

# Every bench/bench_*.py as its own process, then one table of medians and ratios (bench/run_all.py).
bench: $(DEV_STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
