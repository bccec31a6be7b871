# Two commands matter: `make demo` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/baq-kz-armenia-2025-10-02.txt
PORT ?= 8000
SRC := src tests bench

.PHONY: demo test lint venv clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/qatynas extract --pretty $(EXAMPLE)
	$(BIN)/qatynas ingest --db qatynas.db $(EXAMPLE) && $(BIN)/qatynas dyad KAZ ARM --db qatynas.db
	@echo "Web UI: http://127.0.0.1:$(PORT)/ (the KAZ–ARM pair: /dyad/KAZ/ARM; Ctrl+C stops)"
	$(BIN)/qatynas serve --db qatynas.db --port $(PORT)

# Scale figures (#7, docs/benchmarks.md "Scale"): speed on 1 and 2 workers, ingest, a 100,000-
# article database (size, search and dyad latency), peak memory on 1,000 vs 100,000 articles.
# About 50 minutes on 2 cores; BENCH_ARGS="--articles 10000 --memory-articles 10000" for a quick run.
bench: $(STAMP)
	$(BIN)/python bench/scale.py --json bench/scale.json $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
