# Sourced: stage_addon DIR copies the add-on's tracked (and untracked, not ignored) files to
# DIR/lob_hrm. The technical name of an add-on is its folder's name, never the checkout's.
stage_addon() {
    local dest="$1/lob_hrm"
    rm -rf "$dest" && mkdir -p "$dest"
    (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
        | xargs -0 -I{} sh -c 'test -e "{}" && echo "{}"' \
        | tar -cf - -T - ) | tar -xf - -C "$dest"
}
