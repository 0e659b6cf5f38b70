# Cercle: `make run` serves the demo, `make test` runs everything CI runs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run cluster services test test-sqlite test-postgres lint upgrade lock nicegui-upgrade clean

# Every install comes from uv.lock (uv itself is pinned here and kept in .tools/, outside the
# project's environment); `--locked` fails when pyproject.toml and uv.lock disagree.
UV_VERSION := 0.13.10
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

$(UV):
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q uv==$(UV_VERSION)

# Installed compiled to bytecode, ours too (and again before each run): a restarted server does not
# compile NiceGUI, FastAPI and pydantic again (two seconds of one core), even where
# PYTHONDONTWRITEBYTECODE keeps Python from saving what it compiles.
COMPILE := $(BIN)/python -m compileall -q main.py facilitation activities deploy >/dev/null

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync -q --locked --compile-bytecode --python $(PY)
	$(COMPILE)
	touch $@

$(VENV)/.installed-test: pyproject.toml uv.lock $(VENV)/.installed
	$(UV) sync -q --locked --compile-bytecode --python $(PY) --extra test
	touch $@

# The newest versions pyproject.toml allows, into uv.lock, then the whole suite on them.
upgrade lock: | $(UV)
	$(UV) lock --upgrade --python $(PY)
	$(MAKE) test

# NiceGUI to VERSION (default: its newest release), its builds made again, the tests that depend on
# it run, and what broke said plainly (scripts/nicegui_upgrade.py). Commits nothing.
VERSION ?=
nicegui-upgrade: $(VENV)/.installed-test | $(UV)
	$(BIN)/python scripts/nicegui_upgrade.py $(VERSION)

run: $(VENV)/.installed
	$(COMPILE)
	$(BIN)/python main.py --demo $(ARGS)

# PostgreSQL, Redis, 3 Cercle processes and HAProxy on http://127.0.0.1:8080 (deploy/)
cluster: $(VENV)/.installed services
	$(COMPILE)
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
	$(BIN)/python -m pytest -q --durations=15 -m "not cluster" $(ARGS)
	$(BIN)/python -m pytest -q --durations=15 --backend postgres -m "not browser" $(ARGS)

test-sqlite: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not cluster" $(ARGS)

test-postgres: $(VENV)/.installed-test services
	$(BIN)/python -m pytest -q --backend postgres -m "not browser" $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache
