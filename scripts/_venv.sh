# Sourced by the scripts: make sure .venv exists with requirements-dev.txt installed.
# Reinstalls only when requirements-dev.txt changed since the last install.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    python3 -m venv "$VENV"
fi
stamp="$VENV/.requirements-dev.sha"
want=$(sha256sum "$ROOT/requirements-dev.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> installing development requirements into $VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$ROOT/requirements-dev.txt" 2>&1 | grep -v "^WARNING: Location" || true
    "$VENV/bin/python" -c "import pydantic, openpyxl, pytest, hypothesis" || exit 1
    echo "$want" > "$stamp"
fi
PY="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
