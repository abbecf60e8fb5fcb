# Two commands on a fresh machine (Python 3.11+ and make): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DATABASE_URL ?= sqlite:///./var/roster.sqlite

.PHONY: run test install lint bench clean messages

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

tests/js/node_modules: tests/js/package.json
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	touch tests/js/node_modules

## run: install, seed the Jining-scale demo city on first run, serve on http://127.0.0.1:8080
run: $(INSTALLED)
	ROSTER_DATABASE_URL=$(DATABASE_URL) $(BIN)/roster demo --scale jining --if-empty
	ROSTER_DATABASE_URL=$(DATABASE_URL) $(BIN)/roster serve

## test: install with test extras, lint, and run the whole suite
test: $(INSTALLED) $(if $(wildcard tests/js/package.json),tests/js/node_modules)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n 2 --dist loadfile

lint: $(INSTALLED)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

## messages: collect the web's texts and add new ones to the English catalogue
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F web/locale/babel.cfg -o web/locale/messages.pot --no-location web
	$(BIN)/pybabel update -i web/locale/messages.pot -d web/locale -l en --width 100
	rm web/locale/messages.pot

bench: $(INSTALLED)
	$(BIN)/roster bench replay --events 200000 --json

clean:
	rm -rf $(VENV) var test-output tests/js/node_modules
