# nextsteps: `make run` to use it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# requirements.lock pins what nextsteps runs; requirements-dev.lock pins that, the
# PostgreSQL driver and the tools to develop it. Each install leaves a stamp.
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install dev e2e-tools run test lint typecheck lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

# What the end-to-end tests inject into pages (axe-core), as tests/e2e/package-lock.json
# pins it, checked against its integrity hash; npm's cache serves it again offline.
E2E_TOOLS := tests/e2e/node_modules/.package-lock.json

e2e-tools: $(E2E_TOOLS)

$(E2E_TOOLS): tests/e2e/package.json tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --prefer-offline --no-audit --no-fund --loglevel=error
	touch $(E2E_TOOLS)

run: install
	$(BIN)/nextsteps serve

lint: dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: dev
	$(BIN)/mypy

# Every database test runs on SQLite; with CI=true or TEST_DATABASE_URL set, the
# suite runs again on PostgreSQL, less the pure playbook tests, the command-line
# tests and the tests of processes (which chose their databases already). Each pass
# runs on every core, each worker on a test database of its own (pytest-xdist); a
# worker left idle takes tests from another's queue (worksteal): the slow process
# tests would otherwise finish the run on one core.
test: lint typecheck e2e-tools
	$(BIN)/pytest -n auto --dist worksteal
	@if [ -n "$$TEST_DATABASE_URL" ] || [ "$$CI" = "true" ]; then \
		echo "== the database tests again, on $${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nextsteps}"; \
		DATABASE_URL="$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nextsteps}" \
			$(BIN)/pytest -n auto --dist worksteal --ignore=tests/playbook --ignore=tests/cli -m "not processes"; \
	fi

# Refresh both lock files after changing dependencies in pyproject.toml; the
# development one agrees with the other on every package they share.
COMPILE := $(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(COMPILE) -o requirements.lock pyproject.toml
	$(COMPILE) --extra postgres --extra dev -c requirements.lock -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) build dist src/*.egg-info
