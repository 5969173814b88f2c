# Sourced by scripts/odoo-tests and scripts/odoo-bench: the Odoo side of a machine that has only
# Odoo 18 and PostgreSQL. Sets PY, the Python that runs Odoo ($ODOO_PYTHON, default python3),
# and offers:
#   odoo_env_requirements  install requirements.txt and test-requirements.txt for $PY
#   ensure_postgres        start (or install) PostgreSQL; the current user becomes a superuser
#   odoo_env_stage         copy the add-on to a temporary folder as `lob_hrm`
#                          (sets STAGE, ADDONS_PATH; the caller removes $STAGE)
#   odoo_env_base_db       build the cached base database (the manifest's dependencies, with
#                          demo data) unless it exists; sets BASE_DB ($LOB_BASE_DB overrides
#                          the name derived from the dependencies and Odoo's version)
#   odoo_env_copy_db NAME  create NAME as a copy of $BASE_DB
# The odoo array is the common command line (`"${odoo[@]}" -d DB ...`).
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
source "$ROOT/scripts/stage.sh"
PY=${ODOO_PYTHON:-python3}

odoo_env_requirements() {
    # pip is quick when everything is there; the suite imports hypothesis, tours need
    # websocket-client (test-requirements.txt, the OCA convention).
    PIP_ROOT_USER_ACTION=ignore "$PY" -m pip install --quiet --disable-pip-version-check \
        -r "$ROOT/requirements.txt" -r "$ROOT/test-requirements.txt" \
        || { echo "odoo: FAILED to install the test requirements for $PY"; return 1; }
}

ensure_postgres() {
    if psql -d postgres -Atc "select 1" >/dev/null 2>&1; then return; fi
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        echo "==> installing PostgreSQL from Debian"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /etc/postgresql | sort -n | tail -n 1)
    pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 30); do
        su postgres -c "psql -Atc 'select 1'" >/dev/null 2>&1 && break
        sleep 1
    done
    su postgres -c "createuser -s $(id -un)" 2>/dev/null || true
    psql -d postgres -Atc "select 1" >/dev/null
}

odoo_env_stage() {
    STAGE=$(mktemp -d)
    stage_addon "$STAGE"
    local odoo_addons port
    odoo_addons=$("$PY" -c "import odoo, os; print(os.path.join(os.path.dirname(odoo.__file__), 'addons'))")
    ADDONS_PATH="$odoo_addons,$STAGE"
    port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
    odoo=("$PY" -m odoo --addons-path="$ADDONS_PATH" --http-port="$port" --http-interface=127.0.0.1
          --stop-after-init --log-level=info --max-cron-threads=0)
}

_db_exists() {
    psql -d postgres -Atc "select 1 from pg_database where datname='$1'" | grep -q 1
}

odoo_env_base_db() {
    local depends version
    depends=$("$PY" -c "import ast; print(','.join(ast.literal_eval(open('$ROOT/__manifest__.py').read())['depends']))")
    version=$("$PY" -c 'import odoo.release as r; print(r.version)')
    # With demo data, as OCA's CI and most users install: the tests must hold whatever demo exists.
    BASE_DB=${LOB_BASE_DB:-lob_hrm_base_$(echo "demo $depends $version" | sha256sum | cut -c1-10)}
    if _db_exists "$BASE_DB"; then return; fi
    echo "==> building the cached database $BASE_DB ($depends)"
    local log="$STAGE/base.log"
    if ! timeout 1200 "${odoo[@]}" -d "$BASE_DB" -i "$depends" >"$log" 2>&1; then
        tail -n 50 "$log"
        psql -d postgres -c "drop database if exists \"$BASE_DB\"" >/dev/null
        return 1
    fi
}

odoo_env_copy_db() {
    # createdb -T refuses while another process copies the same template: retry a while.
    for _ in $(seq 20); do
        createdb -T "$BASE_DB" "$1" 2>"$STAGE/createdb.err" && return
        grep -q "being accessed by other users" "$STAGE/createdb.err" || break
        sleep 3
    done
    cat "$STAGE/createdb.err"
    return 1
}
