# The targets README.md uses. `make setup` is a no-op once done: the stamps below are
# rebuilt only when pyproject.toml or the launcher change.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
LRM := $(VENV)/bin/lrm
VENV_STAMP := $(VENV)/.installed
UV := $(VENV)/bin/uv
# uv installs from uv.lock (every transitive dependency pinned, with hashes); the first uv
# comes from pip, at the version the lock lists (its dev extra holds uv).
UV_VERSION = $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
# The same marker lrm_graph.db.runtime.build touches and is_built reads.
LAUNCHER_STAMP := launcher/target/lib/.complete
LAUNCHER_SOURCES := launcher/pom.xml $(shell find launcher/src -type f 2>/dev/null)

.PHONY: setup client-tools run test lint stop

setup: $(VENV_STAMP) $(LAUNCHER_STAMP)

$(VENV_STAMP): pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: LRM Graph needs Python 3.11 or newer ($(PYTHON) is older)" >&2; exit 1; }
	@test -x $(PY) || { echo "==> making the virtual environment $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@test -x $(UV) || { echo "==> installing uv $(UV_VERSION) (the version uv.lock lists) into $(VENV)"; \
		$(PY) -m pip install --disable-pip-version-check --progress-bar off "uv==$(UV_VERSION)"; }
	@echo "==> installing LRM Graph and every dependency at the version uv.lock pins (dev extra too)"
	$(UV) sync --locked --extra dev
	@touch $@

# The tools venv of the client-generation test (tests/api/test_client_generation.py):
# openapi-python-client needs typer<0.28, which .venv cannot hold; its pins, with hashes,
# are tools/openapi-client.txt.
TOOLS_VENV := .tools/openapi
TOOLS_STAMP := $(TOOLS_VENV)/.installed

client-tools: $(TOOLS_STAMP)

$(TOOLS_STAMP): tools/openapi-client.txt | $(VENV_STAMP)
	@echo "==> installing openapi-python-client into $(TOOLS_VENV) (tools/openapi-client.txt)"
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(TOOLS_VENV)
	$(UV) pip install --python $(TOOLS_VENV)/bin/python --require-hashes -r tools/openapi-client.txt
	@touch $@

# Java and Maven come in here (and only here); without them `lrm db build` says so.
$(LAUNCHER_STAMP): $(LAUNCHER_SOURCES) | $(VENV_STAMP)
	@command -v javac >/dev/null && command -v mvn >/dev/null || { \
		echo "error: the embedded Neo4j needs JDK 17 and Maven; on Debian or Ubuntu run:" >&2; \
		echo "  sudo apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven" >&2; \
		echo "(or run .ci/run, which installs them)" >&2; \
		exit 1; }
	@echo "==> building the embedded Neo4j's launcher with Maven (downloads Neo4j 5.26 once)"
	rm -f $@
	LRM_LAUNCHER_DIR=$(CURDIR)/launcher $(LRM) db build

HOST ?= 127.0.0.1
PORT ?= 8000

run: setup
	$(LRM) db start
	$(LRM) demo
	@echo "web app: http://$(HOST):$(PORT)/ (sign in with a demo sign-in above)"
	@echo "API docs: http://$(HOST):$(PORT)/docs and /redoc"
	$(LRM) serve --host $(HOST) --port $(PORT)

test: setup client-tools
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check
	$(VENV)/bin/ruff format --check
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

stop: $(VENV_STAMP)
	$(LRM) db stop
