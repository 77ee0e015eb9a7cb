# Two commands on a fresh machine (Python 3.11+, pip, make): `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLE := catalogs/examples/welding

.PHONY: demo test lint typecheck unit bench install clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "constructor needs Python 3.11 or newer; found $$($(PYTHON) --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package is installed (not editable): grammar, catalogs and templates are package data,
# and the tests use the package exactly as a user gets it.
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet '.[test]'

demo: install
	$(BIN)/constructor check $(EXAMPLE)
	$(BIN)/constructor compact $(EXAMPLE)/program.comp

test: install lint typecheck unit

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/parse.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
