# Two commands matter: `make serve` and `make test`. Both install what they need first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000

.DEFAULT_GOAL := check
.PHONY: check serve test lint format bench validate chromium node gdal clean

check: test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

# Debian's Node.js runs the JavaScript unit tests (tests/js, `node --test`); npm brings the JS linters.
node:
	@command -v node >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y nodejs; }

node_modules/.installed: package.json package-lock.json | node
	@command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y npm; }
	npm ci --no-audit --no-fund
	touch $@
# Debian's GDAL (ogrinfo, ogr2ogr) is the GIS client the interop tests drive (tests/ogcapi/test_gdal.py).
gdal:
	@command -v ogrinfo >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y gdal-bin; }

serve: $(VENV)/.installed
	$(BIN)/atlas serve --port $(PORT)

# Two parts: most tests on both cores (pytest-xdist; worksteal keeps both busy to the end), then
# alone the ones that time real seconds, so that a busy neighbour cannot slow their clock.
ALONE := load or serial

test: $(VENV)/.installed chromium node gdal
	$(BIN)/python -m pytest -n 2 --dist worksteal -m "not ($(ALONE))"
	$(BIN)/python -m pytest -m "$(ALONE)"

JS := static/js tests/js eslint.config.js

lint: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check server tests tools benchmarks
	$(BIN)/ruff format --check server tests tools benchmarks
	node_modules/.bin/eslint $(JS)
	node_modules/.bin/prettier --check $(JS)

format: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff format server tests tools benchmarks
	$(BIN)/ruff check --fix server tests tools benchmarks
	node_modules/.bin/prettier --write $(JS)
	node_modules/.bin/eslint --fix $(JS)

validate: $(VENV)/.installed
	$(BIN)/atlas validate

bench: $(VENV)/.installed chromium
	$(BIN)/python benchmarks/page.py
	$(BIN)/python benchmarks/api.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/soak.py
	$(BIN)/python benchmarks/compare_timelapse.py
	$(BIN)/python benchmarks/hostile.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .hypothesis *.egg-info
