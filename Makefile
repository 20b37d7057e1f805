# Misma Luna: every target makes .venv itself when it is missing, from the lock files in
# requirements/ (exact versions with hashes), so every machine installs the same app.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PIP := $(PY) -m pip --quiet --disable-pip-version-check
RUN_STAMP := $(VENV)/.run-stamp
DEV_STAMP := $(VENV)/.dev-stamp
LATEST := .venv-latest
DOMAIN := misma_luna
PO_FILES := $(wildcard i18n/*/LC_MESSAGES/$(DOMAIN).po)
MO_FILES := $(patsubst i18n/%.po,src/$(DOMAIN)/locale/%.mo,$(PO_FILES))

.PHONY: run test test-latest lint catalogs pot bench bundle fuzz lock clean check-python

run: $(RUN_STAMP) catalogs
	$(PY) -m misma_luna

test: $(DEV_STAMP) catalogs lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks tools setup.py
	$(BIN)/ruff format --check src tests benchmarks tools setup.py
	$(BIN)/mypy
	$(BIN)/lint-imports

# One clear line, before anything is installed, when the Python at hand cannot run the app.
check-python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "Misma Luna needs Python 3.11 or newer, and there is no '$(PYTHON)' here." \
	    "Install one, or name it: make $(or $(MAKECMDGOALS),run) PYTHON=python3.12"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Misma Luna needs Python 3.11 or newer; '$(PYTHON)' ($$(command -v $(PYTHON)))" \
	    "is $$($(PYTHON) -c 'import platform; print(platform.python_version())' 2>/dev/null). Name a newer one: make $(or $(MAKECMDGOALS),run) PYTHON=python3.12"; \
	  exit 1; }
	@test -x $(PY) || $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "'$(PYTHON)' cannot make a virtual environment: install its venv module" \
	    "(on Debian or Ubuntu: sudo apt install python3-venv)"; exit 1; }

$(VENV)/.created: | check-python
	@test -x $(PY) || echo "Setting up $(VENV): the app and its pinned libraries" \
	  "(about 150 MB to download, a minute or two the first time; later runs skip this)."
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	touch $@

# The lock's exact versions, then the app itself, editable, built from the same versions.
$(RUN_STAMP): requirements/run.txt pyproject.toml setup.py $(VENV)/.created | check-python
	$(PIP) install --require-hashes --requirement requirements/run.txt
	$(PIP) install --no-deps --no-build-isolation --editable .
	touch $@

$(DEV_STAMP): requirements/dev.txt pyproject.toml setup.py $(VENV)/.created | check-python
	@test -f $(RUN_STAMP) || echo "Installing the test, benchmark and bundle tools" \
	  "(a minute or two the first time)."
	$(PIP) install --require-hashes --requirement requirements/dev.txt
	$(PIP) install --no-deps --no-build-isolation --editable .
	touch $@ $(RUN_STAMP)

# Refresh the lock files to the newest releases pyproject.toml allows (then run `make test`).
lock: $(DEV_STAMP)
	PATH="$(abspath $(BIN)):$$PATH" $(PY) tools/lock.py write

# The unit tests on the newest releases pyproject.toml allows, in a venv of their own: shows
# the day a new release breaks the app, which the lock keeps from reaching `make test`.
test-latest: | check-python
	test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip --quiet --disable-pip-version-check install \
	  --upgrade --upgrade-strategy eager --editable '.[test]' setuptools
	$(LATEST)/bin/python tools/lock.py drift | sed 's/^/  /' > $(LATEST)/moved.txt
	@echo "Moved from the lock:"; cat $(LATEST)/moved.txt
	$(MAKE) --no-print-directory catalogs
	QT_QPA_PLATFORM=offscreen $(LATEST)/bin/python -m pytest -q -p no:cacheprovider tests/unit

# Compiled catalogs live beside the package for `make run`; wheels compile their own (setup.py).
catalogs: $(MO_FILES)

src/$(DOMAIN)/locale/%.mo: i18n/%.po | $(RUN_STAMP)
	@mkdir -p $(dir $@)
	$(PY) tools/i18n.py compile $< $@

# Re-extract the template and merge it into every language's catalog (translators' step).
pot: $(RUN_STAMP)
	$(PY) tools/i18n.py update

# Every figure beside a bare baseline from the same run; table on stdout, benchmarks/results.json.
bench: $(DEV_STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# The robustness suite at length: thousands of fuzzed cases per reader, 50 kill cycles;
# writes tests/robustness/figures.json (the README's reliability figures).
fuzz: $(DEV_STAMP) catalogs
	QT_QPA_PLATFORM=offscreen MISMA_LUNA_FUZZ=1 $(PY) -m pytest -q tests/robustness

# The frozen app (packaging/): dist/misma-luna/ and dist/misma-luna-<version>-linux-<arch>.tar.gz.
bundle: $(DEV_STAMP) catalogs
	$(PY) packaging/build_bundle.py

clean:
	rm -rf build dist src/$(DOMAIN)/locale .pytest_cache .mypy_cache .ruff_cache
