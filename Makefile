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

.PHONY: reports test venv clean-venv notebooks-clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,dask,bench]"
	touch $(STAMP)

# The chain's notebooks are saved and committed without outputs: JupyterLab run from this venv
# saves notebooks/NN-*.ipynb without them (a pre-save hook, presslens.pipeline.jupyter), and git
# reads notebooks/*.ipynb through nbstripout (.gitattributes names the filter; its command goes
# into the checkout's .git/config, when there is one).
notebooks-clean: $(STAMP)
	@mkdir -p $(VENV)/etc/jupyter
	@cp jupyter-config/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.json
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  git config filter.nbstripout.clean '"$(abspath $(BIN))/python" -m nbstripout --keep-id'; \
	  git config filter.nbstripout.smudge cat; \
	  git config diff.ipynb.textconv '"$(abspath $(BIN))/python" -m nbstripout --keep-id -t'; \
	fi

reports: $(STAMP) notebooks-clean
	$(BIN)/presslens run --corpus $(CORPUS) --out $(OUT) $(ASK)

test: $(STAMP) notebooks-clean
	$(BIN)/ruff check lib tests bench setup.py
	$(BIN)/ruff format --check lib tests bench setup.py
	$(BIN)/python -m pytest

clean-venv:
	rm -rf $(VENV)
