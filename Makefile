# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= exports/.demo-store
SHARED ?= ../shared

.PHONY: demo test check eval fuzz bench clean venv

$(BIN)/dikg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

venv: $(BIN)/dikg

demo: $(BIN)/dikg
	rm -rf $(STORE)
	$(BIN)/dikg ingest examples/articles --store $(STORE)
	$(BIN)/dikg stats --store $(STORE)
	$(BIN)/dikg validate --store $(STORE)
	$(BIN)/dikg export --format ttl -o exports/dikg.ttl --store $(STORE)
	$(BIN)/dikg export --format trig -o exports/dikg.trig --store $(STORE)
	$(BIN)/dikg analyse --format md -o exports/analysis.md --store $(STORE)
	$(BIN)/dikg view -o exports/graph.html --screenshot exports/graph.png --store $(STORE)

test: $(BIN)/dikg
	$(BIN)/pytest -q tests graph

check: $(BIN)/dikg
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/mypy

# Score the extractor on the shared development set, and check that its gold annotations
# load into a store that passes the SHACL shapes.
eval: $(BIN)/dikg
	@if [ -d $(SHARED)/corpus ]; then \
	  out=$$(mktemp -d); \
	  $(BIN)/dikg extract $(SHARED)/corpus/texts --out $$out/pred >/dev/null && \
	  $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/corpus/gold $$out/pred && \
	  $(BIN)/dikg load $(SHARED)/corpus/gold --store $$out/gold-store >/dev/null && \
	  $(BIN)/dikg validate --store $$out/gold-store | tail -n 1; \
	  rm -rf $$out; \
	else echo "no $(SHARED)/corpus here: nothing to score"; fi

# The robustness checks at full size: 10,000 hostile facts files and 4,400 article files
# through load and ingest, 5,000 hypothesis texts per strategy through the extractor, and
# 20 SIGKILL trials each of load and ingest. Each prints what it measured (about ten
# minutes on two cores); `make test` runs the same checks on smaller samples.
fuzz: $(BIN)/dikg
	$(BIN)/python benchmarks/fuzz_inputs.py
	$(BIN)/python benchmarks/fuzz_extract.py
	$(BIN)/python benchmarks/fuzz_interrupt.py

clean:
	rm -rf $(VENV) .dikg exports/.demo-store .pytest_cache .mypy_cache .ruff_cache
