# The two commands of the README:
#   make reports   run the whole chain on seeds/ and write reports/
#   make test      lint and format-check the code with ruff, then run the tests
# Each creates .venv with pip and installs the project into it when that has not been done yet.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.presslens-installed
CORPUS ?= seeds
OUT    ?= reports
# The research question and topic pack default to the run's own (the seeds' pack, kosovo, gives
# their question); set QUESTION or PACK to choose others.
ASK = $(if $(QUESTION),-p question "$(QUESTION)",)$(if $(PACK), --pack "$(PACK)",)

.PHONY: reports test venv clean-venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,dask,bench]"
	touch $(STAMP)

reports: $(STAMP)
	$(BIN)/presslens run --corpus $(CORPUS) --out $(OUT) $(ASK)

test: $(STAMP)
	$(BIN)/ruff check lib tests bench setup.py
	$(BIN)/ruff format --check lib tests bench setup.py
	$(BIN)/python -m pytest

clean-venv:
	rm -rf $(VENV)
