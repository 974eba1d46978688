# gencisi — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test install translations lint bench load messages clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# The package index over the network can fail for a moment: try three times.
	@for attempt in 1 2 3; do \
	  $(PY) -m pip install --quiet -e ".[dev]" -c constraints.txt && break; \
	  if [ $$attempt = 3 ]; then exit 1; fi; \
	  echo "pip install failed (attempt $$attempt); trying again in 10 s"; sleep 10; \
	done
	@touch $(STAMP)

## npm tools of the test suite (stylelint, axe-core), exact versions from package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

translations: install
	$(PY) manage.py compile_translations

## make run: install, migrate, load the demo, start the web server and a Celery worker.
run: translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@scripts/run.sh

## make test: ruff, stylelint (stylelint.config.mjs), import-linter (the order of the apps, in
## pyproject.toml), then the whole pytest suite (browser and worker tests included).
test: translations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/stylelint "static/**/*.css"
	$(VENV)/bin/lint-imports --no-logo --no-cache
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make messages: re-extract the translatable strings into locale/*/LC_MESSAGES/django.po.
messages: install
	$(PY) manage.py makemessages --locale tr --locale en --no-obsolete --add-location file --ignore ".venv/*" --ignore "bench/*" --ignore "node_modules/*"

## make bench: the PDF pipeline's benchmarks (bench/run.py; the bulk line needs REDIS_URL), then
## the pages on national-size data against a floor (bench/web.py: PostgreSQL, REDIS_URL, wrk).
## Targets are ratios to the floor of the same run; exits non-zero when one is missed.
## BENCH_PARTS=pdf or BENCH_PARTS=web runs one part.
bench: translations
	@status=0; parts="$${BENCH_PARTS:-pdf web}"; \
	if [[ " $$parts " == *" pdf "* ]]; then $(PY) bench/run.py || status=1; fi; \
	if [[ " $$parts " == *" web "* ]]; then $(PY) bench/web.py || status=1; fi; \
	exit $$status

## make load: 50 simulated people for 60 s against gunicorn + PostgreSQL + Redis + a Celery
## worker (bench/load.py); LOAD_DATABASE_URL is dropped and created again, LOAD_REDIS_URL or
## REDIS_URL is the broker. Exits non-zero on any 5xx or overbooked cohort.
load: translations
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
