# Cercle: `make run` serves the demo, `make test` runs everything CI runs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run cluster services test test-sqlite test-postgres lint bench-join bench-vote clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/python main.py --demo $(ARGS)

# PostgreSQL, Redis, 3 Cercle processes and HAProxy on http://127.0.0.1:8080 (deploy/)
cluster: $(VENV)/.installed services
	$(BIN)/python deploy/cluster.py --demo $(ARGS)

services:
	@sh scripts/install-services.sh

# Every test on SQLite (browsers included), then every test but the browser ones on PostgreSQL,
# with the cluster test (docs/scaling.md, "Tests").
test: $(VENV)/.installed-test services
	@command -v chromium >/dev/null 2>&1 || sh scripts/install-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not cluster" $(ARGS)
	$(BIN)/python -m pytest -q --backend postgres -m "not browser" $(ARGS)

test-sqlite: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not cluster" $(ARGS)

test-postgres: $(VENV)/.installed-test services
	$(BIN)/python -m pytest -q --backend postgres -m "not browser" $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache
