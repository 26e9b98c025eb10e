# The two commands a newcomer needs: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIONEERS := $(BIN)/pioneers
STAMP := $(VENV)/.installed

.PHONY: run test setup lint format bench vendor messages clean chromium gettext pango

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Pioneers needs Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## setup: virtual environment, database, translations, static files, demo network.
setup: $(STAMP) gettext pango
	$(PIONEERS) setup --demo

## run: set up and serve the platform with its task worker on http://127.0.0.1:8000.
run: setup
	$(PIONEERS) serve

## test: lint and the whole test suite (browser tests included).
test: $(STAMP) chromium gettext pango
	cd pioneers && ../$(PIONEERS) compilemessages -v 0
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest --numprocesses=auto

# System packages from Debian, installed only when missing: Chromium for the browser tests,
# GNU gettext for compiling and checking translations, Pango and fonts for WeasyPrint's PDFs.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

gettext:
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext >/dev/null; }

pango:
	@{ ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libharfbuzz-subset && fc-list | grep -q DejaVuSerif; } || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check pioneers tests bench
	$(BIN)/ruff format --check pioneers tests bench
	$(PIONEERS) check --fail-level WARNING
	$(PIONEERS) makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix pioneers tests bench
	$(BIN)/ruff format pioneers tests bench

## messages: refresh the .po files from the source after adding strings.
messages: $(STAMP)
	cd pioneers && ../$(PIONEERS) makemessages -l nl -l en --no-obsolete --ignore='*/vendor/*' --ignore='static/*'

## bench: production-like server against a copy of the demo database; results in bench/results/.
bench: setup
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py

## vendor: refresh the NL Design System CSS, HTMX and axe-core from npm at the pinned versions.
vendor:
	npm install --no-audit --no-fund --ignore-scripts
	bash scripts/vendor.sh

clean:
	rm -rf $(VENV) var staticfiles node_modules
