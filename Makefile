# Two commands on a fresh machine: `make run` and `make test`. Each sets up what it needs.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# Reinstall only when the dependency files change, so a second run is fast.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt 2>/dev/null | sha1sum | cut -c1-12)

.PHONY: run test install lint bench train evaluate demo clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded by Playwright).
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	@mkdir -p out
	$(BIN)/analyser batch samples/letters --out out/results.jsonl --report out/report.html --situations-csv samples/letters/situations.csv

lint: install
	$(BIN)/ruff check analyser tests benchmarks samples/*.py samples/templates
	$(BIN)/ruff format --check analyser tests benchmarks samples/*.py samples/templates
	$(BIN)/mypy

test: install chromium lint
	$(BIN)/pytest -q

# OCRmyPDF (Debian's) is only the yardstick the benchmark compares against.
bench: install
	@command -v ocrmypdf >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ocrmypdf >/dev/null)
	$(BIN)/python -m benchmarks

train: install
	$(BIN)/analyser train

evaluate: install
	$(BIN)/analyser evaluate ../shared/eval/dev/letters.jsonl --scans

demo: install
	$(BIN)/python samples/render.py --demo

clean:
	rm -rf out .pytest_cache tests/artifacts samples/rendered
