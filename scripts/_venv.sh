# Sourced by the scripts: make sure .venv exists with a requirements file installed
# (requirements-dev.txt unless LOB_REQUIREMENTS names another). Reinstalls only when the
# file changed since the last install.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
requirements="$ROOT/${LOB_REQUIREMENTS:-requirements-dev.txt}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    python3 -m venv "$VENV"
fi
stamp="$VENV/.$(basename "$requirements").sha"
want=$(cat "$requirements" "$ROOT/requirements.txt" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> installing $(basename "$requirements") into $VENV"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$requirements" 2>&1 | grep -v "^WARNING: Location") || true
    "$VENV/bin/python" -c "import pydantic, openpyxl" || return 1
    echo "$want" > "$stamp"
fi
PY="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
