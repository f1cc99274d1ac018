# Remisskollen: two commands do all setup on a fresh machine (Python 3.11+ and make).
#   make run    the app on the embedded demo data
#   make test   the whole test suite
#   make lint   ruff (configured in pyproject.toml)
#   make check  lint plus the fast tests (no browser, PostgreSQL or slow safety tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.deps-installed
PORT   ?= 8501
# Loopback only by default: on a laptop, nobody else on the network reaches the
# app (it has no login unless one is configured). docs/deployment.md opens it up.
HOST   ?= 127.0.0.1

.PHONY: run test lint check bench demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when a requirements file changes.
$(DEPS): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the accessibility tests, from the npm registry (pinned in the lock file).
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/e2e --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests will skip here (they fail under CI=true)"; fi

run: $(DEPS)
	$(BIN)/python -m streamlit run app.py --server.port $(PORT) --server.address $(HOST)

test: $(DEPS) $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(DEPS)
	$(BIN)/ruff check .

check: lint
	$(BIN)/python -m pytest -m "not e2e and not postgres and not slow" $(PYTEST_ARGS)

bench: $(DEPS)
	$(BIN)/python -m bench $(BENCH_ARGS)

demo: $(DEPS)
	$(BIN)/python data/make_demo.py

clean:
	rm -rf $(VENV) .pytest_cache
