#!/usr/bin/env bash
# Print the name of a template database holding the add-on's dependencies (with demo
# data), building it first when missing. Keyed by the dependency set, the Odoo tree and
# the OCA wheels, so it is built once and reused by every test run and every clone.
# The clone that builds one records it on the database (COMMENT ON DATABASE) and later
# drops its own older templates only: those other clones built are theirs to drop.
source "$(dirname "$0")/common.sh"

deps=$("$PYTHON" - "$ROOT/order_workflow/__manifest__.py" <<'PY'
import ast, sys
print(",".join(sorted(ast.literal_eval(open(sys.argv[1]).read())["depends"])))
PY
)
key=$( { echo "$deps"; cat "$ROOT/requirements-oca.txt" "$0"; cat "$ODOO_PATH/odoo/release.py";
         find "$ODOO_PATH/addons" "$ODOO_PATH/odoo/addons" -maxdepth 2 -name __manifest__.py \
              -printf '%p %T@\n' | sort; } | sha256sum | cut -c1-12)
tmpl="ow_tmpl_$key"
if ! db_exists "$tmpl"; then
    say "building template database $tmpl with: $deps (first run only, about 3 minutes)"
    dropdb --if-exists "$tmpl.tmp" >/dev/null
    odoo_bin -d "$tmpl.tmp" -i "$deps" --stop-after-init --log-level=warn >&2
    # Chinese (simplified and traditional) beside English, which stays the default
    odoo_exec "$tmpl.tmp" "
for code in ('zh_CN', 'zh_TW'):
    env['res.lang']._activate_lang(code)
env['ir.module.module'].search([('state', '=', 'installed')])._update_translations(['zh_CN', 'zh_TW'])
" >&2
    set_owner "$tmpl.tmp" template
    psql -d postgres -qc "ALTER DATABASE \"$tmpl.tmp\" RENAME TO \"$tmpl\""
    # the filestore goes with the database
    fs="$DATA_DIR/filestore"
    [ -d "$fs/$tmpl.tmp" ] && mv "$fs/$tmpl.tmp" "$fs/$tmpl"
    # this clone's older templates (other dependency sets, older Odoo or OCA wheels) are
    # of no further use to it; those of other clones stay (they may still use them)
    psql -d postgres -tAF '|' -c "SELECT datname, shobj_description(oid, 'pg_database')
                FROM pg_database WHERE datname LIKE 'ow\_tmpl\_%' AND datname <> '$tmpl'" |
        while IFS='|' read -r old comment; do
            [ "$comment" = "order_workflow template of $CLONE_TAG" ] || continue
            say "dropping $old, an older template of this clone"
            dropdb --if-exists "$old" && rm -rf "${fs:?}/$old" || true
        done
fi
echo "$tmpl"
