# The targets README.md uses. `make setup` is a no-op once done: the stamps below are
# rebuilt only when pyproject.toml or the launcher change.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
LRM := $(VENV)/bin/lrm
VENV_STAMP := $(VENV)/.installed
# The same marker lrm_graph.db.runtime.build touches and is_built reads.
LAUNCHER_STAMP := launcher/target/lib/.complete
LAUNCHER_SOURCES := launcher/pom.xml $(shell find launcher/src -type f 2>/dev/null)

.PHONY: setup run test lint stop

setup: $(VENV_STAMP) $(LAUNCHER_STAMP)

$(VENV_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: LRM Graph needs Python 3.11 or newer ($(PYTHON) is older)" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

# Java and Maven come in here (and only here); without them `lrm db build` says so.
$(LAUNCHER_STAMP): $(LAUNCHER_SOURCES) | $(VENV_STAMP)
	rm -f $@
	LRM_LAUNCHER_DIR=$(CURDIR)/launcher $(LRM) db build

PORT ?= 8000

run: setup
	$(LRM) db start
	$(LRM) demo
	@echo "web app: http://127.0.0.1:$(PORT)/ (sign in with a demo sign-in above)"
	@echo "API docs: http://127.0.0.1:$(PORT)/docs and /redoc"
	$(LRM) serve --port $(PORT)

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check
	$(VENV)/bin/ruff format --check
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

stop: $(VENV_STAMP)
	$(LRM) db stop
