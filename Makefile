# Two commands on a fresh machine (Python 3.11+, pip, make): `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLE := catalogs/examples/welding

.PHONY: demo test lint typecheck unit bench fuzz install install-runtime grammar-deps browser-deps postgresql-deps clean

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

test: install grammar-deps browser-deps postgresql-deps lint typecheck unit

# The VS Code grammar is tested with vscode-textmate, as VS Code tokenizes (npm registry packages).
grammar-deps:
	@if command -v npm >/dev/null 2>&1; then \
		cd editors/vscode/test && npm ci --no-audit --no-fund --silent; \
	else \
		echo "npm is not installed: the VS Code grammar tests will be skipped (Debian: apt-get install npm)"; \
	fi

# Debian packages some tests drive, installed where apt-get can (root, a mirror) and only where no pip
# package serves; otherwise the test is skipped and says how to install it.
#   $(call debian-package,COMMAND-THAT-FINDS-IT,PACKAGE,WHAT-NEEDS-IT)
define debian-package
	@if { $(1); } >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian's $(2) for $(3) (apt-get)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null) || \
		echo "$(2) could not be installed: $(3) will be skipped"; \
	else \
		echo "$(2) is not installed: $(3) will be skipped (Debian: apt-get install $(2))"; \
	fi
endef

# The portal's browser test drives Debian's Chromium with Playwright (no browser download: the machine
# may have no internet but its package mirrors).
browser-deps:
	$(call debian-package,command -v chromium || command -v chromium-browser,chromium,the portal's browser test)

# The portal's PostgreSQL test runs a throwaway cluster with the machine's PostgreSQL (initdb, pg_ctl).
postgresql-deps:
	$(call debian-package,ls /usr/lib/postgresql/*/bin/initdb,postgresql,the portal's PostgreSQL test)

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/python -m pytest -q

# issue 18's measures, each ratio beside its baseline of the same run (docs/performance.md); about 10 minutes
bench: install
	$(BIN)/python bench/parse.py --sizes 20000,100000
	$(BIN)/python bench/cache.py --sizes 20000 --repeat 2
	$(BIN)/python bench/check.py --sizes 100000
	$(BIN)/python bench/lsp.py
	$(BIN)/python bench/render.py --runs 3

# A longer fuzz run than `make test` does (docs/security.md records the last): make fuzz SECONDS=1800
SECONDS ?= 600
fuzz: install
	$(BIN)/python tests/fuzz.py --seconds $(SECONDS)

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
