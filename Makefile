# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-fuzz bench bytecode clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Base install: what `provenance check` needs and nothing more.
$(VENV)/.base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Test install: the base plus the test, semantic and dask extras (the Dask tests
# start their own LocalCluster: no service runs beforehand). torch goes first,
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

test: $(VENV)/.test
	$(BIN)/python -m pytest -q

# The fuzz targets in tests/fuzz/ (`make test` runs a short, derandomized pass
# of each); here, long and random.
test-fuzz: $(VENV)/.test
	PROVENANCE_FUZZ=long PROVENANCE_FUZZ_EXAMPLES=3000 $(BIN)/python -m pytest -q tests/fuzz

bench: $(VENV)/.test bytecode
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
