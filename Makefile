# PeerJournal developer commands. `make run` and `make test` work on a fresh machine:
# each creates .venv and installs the project into it when needed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: help venv run test check bench relay package screenshots man clean

help:
	@echo "make run          start the desktop app (creates .venv on first use)"
	@echo "make test         run the whole test suite (creates .venv on first use)"
	@echo "make check        ruff, ruff format --check, mypy"
	@echo "make bench        run the benchmarks in bench/ (results: docs/benchmarks.md)"
	@echo "make relay        run a relay locally on 127.0.0.1:8787"
	@echo "make package      build the one-folder app into dist/ and the Linux .tar.gz"
	@echo "make screenshots  render every screen offscreen into docs/screenshots/"
	@echo "make man          write the peerjournal(1) man page to dist/peerjournal.1"

$(STAMP): pyproject.toml sync_server/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]" -e "./sync_server[postgres,dev]"
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m peerjournal

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	$(VENV)/bin/ruff check peerjournal sync_server tests bench packaging tools
	$(VENV)/bin/ruff format --check peerjournal sync_server tests bench packaging tools
	$(VENV)/bin/mypy
	cd sync_server && ../$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

relay: $(STAMP)
	$(VENV)/bin/peerjournal-relay serve --host 127.0.0.1 --port 8787 --data-dir .relay-data

package: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/build.py $(PACKAGE_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots docs/screenshots

man: $(STAMP)
	$(PY) -m tools.manpage dist/peerjournal.1

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .relay-data
