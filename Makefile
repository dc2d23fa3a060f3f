# Two commands set up a fresh machine: `make run` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)
PORT   ?= 8501
WORKERS ?= 2
# loopback only unless sign-in is configured (README, "Sign-in and roles")
ADDRESS ?= 127.0.0.1

.PHONY: run serve test sample national bench clean

$(STAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## run: install, build the demo sample database when the database has no data, start the app
run: $(STAMP)
	$(PY) -m data_access.sample --scale demo --if-missing
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

## serve: WORKERS app processes behind nginx on PORT, sessions kept on their process
serve: $(STAMP)
	$(PY) -m data_access.sample --scale demo --if-missing
	$(PY) deploy/serve.py --workers $(WORKERS) --port $(PORT)

## test: every test (unit, DuckDB/SQLite/PostgreSQL, AppTest, real Chromium), on both cores;
## then the few timing-sensitive ones (marked `alone`) with nothing beside them
test: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile -m "not alone"
	$(PY) -m pytest -q -m alone

## sample / national: rebuild the demo sample, or the national-scale one (≥ 5 million rows)
sample: $(STAMP)
	$(PY) -m data_access.sample --scale demo
national: $(STAMP)
	$(PY) -m data_access.sample --scale national

## bench: page timings on the national-scale sample (see README)
bench: $(STAMP)
	$(PY) -m benchmarks.pages

clean:
	rm -rf $(VENV) sample_data/*.duckdb sample_data/*.duckdb.wal
