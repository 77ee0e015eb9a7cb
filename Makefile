# Two commands on a fresh machine (Python 3.11+, pip, make): `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLE := catalogs/examples/welding

.PHONY: demo test lint typecheck unit bench fuzz install install-runtime grammar-deps clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "constructor needs Python 3.11 or newer; found $$($(PYTHON) --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package is installed (not editable): grammar, catalogs and templates are package data,
# and the tests use the package exactly as a user gets it.
# The demo needs only the package; the tests also need the test extras.
install-runtime: $(BIN)/python
	$(BIN)/python -m pip install --quiet .

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet '.[test]'

demo: install-runtime
	$(BIN)/constructor check $(EXAMPLE)
	$(BIN)/constructor compact $(EXAMPLE)/program.comp
	$(BIN)/constructor render $(EXAMPLE)/program.comp -o out
	@echo "Документы примера — в папке out/ (HTML, PDF, DOCX, XLSX, Markdown). The example's documents are in out/."

test: install grammar-deps lint typecheck unit

# The VS Code grammar is tested with vscode-textmate, as VS Code tokenizes (npm registry packages).
grammar-deps:
	@if command -v npm >/dev/null 2>&1; then \
		cd editors/vscode/test && npm ci --no-audit --no-fund --silent; \
	else \
		echo "npm is not installed: the VS Code grammar tests will be skipped (Debian: apt-get install npm)"; \
	fi

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/parse.py

# A longer fuzz run than `make test` does (docs/security.md records the last): make fuzz SECONDS=1800
SECONDS ?= 600
fuzz: install
	$(BIN)/python tests/fuzz.py --seconds $(SECONDS)

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
