# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install clean

$(BIN)/communique: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools<81" wheel
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/communique

demo: install
	$(BIN)/communique demo --db communique.db

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) communique.db communique.db-wal communique.db-shm
