# The two commands of the README work on a fresh machine: they install what they need.
.PHONY: demo test lint core-test odoo-test bench bench-import bench-odoo schema clean

OUT ?= out

demo:  ## the main job: a fictional college's competency workbook and alignment report
	@LOB_REQUIREMENTS=requirements.txt bash -c 'source scripts/_venv.sh && mkdir -p $(OUT) && "$$PY" -m lob_hrm demo --output $(OUT)/lob-demo.xlsx --report $(OUT)/alignment.json'

test:  ## lint + core tests + Odoo suite (when python3 can import odoo)
	@scripts/test

lint:
	@scripts/lint

core-test:
	@bash -c 'source scripts/_venv.sh && "$$PY" -m pytest -q'

odoo-test:
	@scripts/odoo-tests

bench:
	@bash -c 'source scripts/_venv.sh && "$$PY" bench/bench_xlsx.py'

bench-import:  ## the Odoo import of exchange files grows linearly (needs Odoo; skips without)
	@python3 bench/bench_import.py

bench-odoo:  ## the Odoo export of 2,000 employees (needs odoo importable and PostgreSQL)
	@python3 bench/bench_odoo_export.py

bench-load:  ## managers and employees save, share, hold and sign talks at once (prefork Odoo)
	@python3 bench/bench_load.py $(ARGS)

schema:  ## regenerate the published JSON Schema
	@bash -c 'source scripts/_venv.sh && "$$PY" -m lob_hrm schema --output schema/lob-hrm-exchange.schema.json'

clean:
	rm -rf $(OUT) .venv node_modules
