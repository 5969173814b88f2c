# The two commands of the README work on a fresh machine: they install what they need.
.PHONY: demo test lint core-test odoo-test bench bench-import bench-odoo bench-load bench-policy schema clean readme wheel

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

# The Odoo benchmarks run with $ODOO_PYTHON (default python3) and prepare PostgreSQL and the
# cached base database like the tests (scripts/odoo-env.sh); they skip without Odoo.
bench-import:  ## the Odoo import of exchange files grows linearly
	@scripts/odoo-bench bench/bench_import.py $(BENCH_ARGS)

bench-odoo:  ## the Odoo export of 2,000 employees
	@scripts/odoo-bench bench/bench_odoo_export.py $(BENCH_ARGS)

bench-load:  ## managers and employees save, share, hold and sign talks at once (prefork Odoo)
	@scripts/odoo-bench bench/bench_load.py $(ARGS)

bench-policy:  ## the policy monitor's indicators for 2,000 employees in 50 teams
	@scripts/odoo-bench bench/bench_policy_monitor.py $(BENCH_ARGS)

schema:  ## regenerate the published JSON Schema
	@bash -c 'source scripts/_venv.sh && "$$PY" -m lob_hrm schema --output schema/lob-hrm-exchange.schema.json'

clean:
	rm -rf $(OUT) .venv node_modules

readme:  ## regenerate static/description/index.html (the app page) from readme/
	@bash -c 'source scripts/_venv.sh && "$$PY" scripts/gen-index-html'

wheel:  ## build the add-on's wheel with whool into dist/ and check that it holds only the add-on
	@scripts/build-wheel
