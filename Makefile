# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install clean translations

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

# The web interface's catalogs: extract the templates' strings, merge them into each
# language's .po (translate what is new there), compile the .mo files the server loads.
LOCALE := src/communique/web/locale
translations: install
	$(BIN)/pybabel extract -F $(LOCALE)/babel.cfg --no-location --sort-output --omit-header \
		-o $(LOCALE)/messages.pot src/communique/web/templates
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-fuzzy-matching --ignore-obsolete --width 120
	$(BIN)/pybabel compile -d $(LOCALE) --statistics
