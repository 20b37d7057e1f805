# Misma Luna: every target makes .venv itself when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DOMAIN := misma_luna
PO_FILES := $(wildcard i18n/*/LC_MESSAGES/$(DOMAIN).po)
MO_FILES := $(patsubst i18n/%.po,src/$(DOMAIN)/locale/%.mo,$(PO_FILES))

.PHONY: run test lint catalogs pot bench bundle fuzz clean

run: $(STAMP) catalogs
	$(PY) -m misma_luna

test: $(STAMP) catalogs lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools setup.py
	$(BIN)/ruff format --check src tests benchmarks tools setup.py
	$(BIN)/mypy
	$(BIN)/lint-imports

$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# Compiled catalogs live beside the package for `make run`; wheels compile their own (setup.py).
catalogs: $(MO_FILES)

src/$(DOMAIN)/locale/%.mo: i18n/%.po | $(STAMP)
	@mkdir -p $(dir $@)
	$(BIN)/pybabel --quiet compile --domain=$(DOMAIN) --input-file=$< --output-file=$@

# Re-extract the template and merge it into every language's catalog (translators' step).
pot: $(STAMP)
	$(PY) tools/i18n.py update

# Every figure beside a bare baseline from the same run; table on stdout, benchmarks/results.json.
bench: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# The robustness suite at length: thousands of fuzzed cases per reader, 50 kill cycles;
# writes tests/robustness/figures.json (the README's reliability figures).
fuzz: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen MISMA_LUNA_FUZZ=1 $(PY) -m pytest -q tests/robustness

# The frozen app (packaging/): dist/misma-luna/ and dist/misma-luna-<version>-linux-<arch>.tar.gz.
bundle: $(VENV)/.bundle-stamp catalogs
	$(PY) packaging/build_bundle.py

$(VENV)/.bundle-stamp: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,bundle]'
	touch $@

clean:
	rm -rf build dist src/$(DOMAIN)/locale .pytest_cache .mypy_cache .ruff_cache
