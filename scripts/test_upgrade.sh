#!/usr/bin/env bash
# make test-upgrade [FROM=ref]: install an earlier release of order_workflow with its
# demo data (orders in every stage), snapshot every order (stage, decisions, dates,
# amounts, approvals, pickings, MOs, invoices: scripts/upgrade_snapshot.py), upgrade
# to the code of this tree (-u order_workflow, its migrations/ run) and check that
# every order kept all of it. Its database is dropped at the end.
#
# FROM: a git ref (tag, commit) or a version (18.0.1.4.0: its tag, else the last
# commit with that manifest version). Default: the newest tag older than this tree's
# manifest version (the commit before HEAD when the newest tag is this version); with
# no tag, the last commit of the previous manifest version.
source "$(dirname "$0")/common.sh"
cd "$ROOT"

manifest_version() { # manifest_version REF (empty: the working tree)
    if [ -n "$1" ]; then git show "$1:order_workflow/__manifest__.py"
    else cat order_workflow/__manifest__.py; fi |
        "$PYTHON" -c 'import ast, sys; print(ast.literal_eval(sys.stdin.read())["version"])'
}
version_lt() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ]; }
newest_commit_where() { # newest_commit_where TEST VERSION: the newest first-parent
    # commit whose manifest version passes TEST ("same" or "older") against VERSION
    local c v
    for c in $(git rev-list --first-parent HEAD); do
        v=$(manifest_version "$c" 2>/dev/null) || continue
        if { [ "$1" = same ] && [ "$v" = "$2" ]; } || { [ "$1" = older ] && version_lt "$v" "$2"; }; then
            echo "$c"; return
        fi
    done
    return 1
}

current=$(manifest_version "")
FROM="${FROM:-${1:-}}"
if [ -z "$FROM" ]; then
    newest=$(git tag -l '18.0.*' --sort=-v:refname | head -1)
    if [ -n "$newest" ] && [ "$newest" = "$current" ]; then FROM="HEAD~1"
    elif [ -n "$newest" ]; then FROM="$newest"
    else FROM=$(newest_commit_where older "$current") || die "no earlier version to upgrade from"
    fi
fi
if git rev-parse -q --verify "$FROM^{commit}" >/dev/null; then
    from_commit=$(git rev-parse "$FROM^{commit}")
elif [[ "$FROM" =~ ^[0-9.]+$ ]]; then
    from_commit=$(newest_commit_where same "$FROM") || die "no commit with version $FROM"
else
    die "FROM=$FROM is neither a git ref nor a version"
fi
from_version=$(manifest_version "$from_commit")
say "upgrade test: $from_version ($(git log -1 --format='%h %s' "$from_commit" | cut -c1-70)) -> $current (this tree)"

bash "$ROOT/scripts/setup.sh" >/dev/null
tmpl=$(bash "$ROOT/scripts/template_db.sh")
db="${UPGRADE_DB:-${TEST_DB}_upgrade}"
work=$(mktemp -d)
cleanup() {
    (drop_db "$db") || true
    rm -rf "$work"
}
trap cleanup EXIT
cleanup
work=$(mktemp -d)

# the earlier release, from git, in its own addons folder
mkdir -p "$work/addons"
git archive "$from_commit" order_workflow | tar -x -C "$work/addons"
old_conf="$work/odoo.conf"
[ -f "$ODOO_CONF" ] || write_conf
sed "s|^addons_path = .*|addons_path = $(addons_path | sed "s|,$ROOT\$|,$work/addons|")|" \
    "$ODOO_CONF" >"$old_conf"

db_from_template "$db" "$tmpl"

run_odoo() { # run_odoo CONF LOG ARGS...: fails on a failed run or a logged error
    local conf=$1 log=$2
    shift 2
    if ! timeout 1800 env PYTHONPATH="$ODOO_PATH" "$VPY" "$ODOO_PATH/odoo-bin" -c "$conf" \
        -d "$db" "$@" --stop-after-init --log-level=warn >"$log" 2>&1; then
        cat "$log"; die "odoo $* failed"
    fi
    if grep -E " (ERROR|CRITICAL) " "$log"; then die "odoo $* logged errors (log: $log)"; fi
}
snap() { # snap CONF OUT
    PYTHONPATH="$ODOO_PATH" "$VPY" "$ROOT/scripts/upgrade_snapshot.py" snap "$1" "$db" "$2"
}

say "installing $from_version with its demo data (orders in every stage)"
run_odoo "$old_conf" "$work/install.log" -i order_workflow
snap "$old_conf" "$work/before.json"

say "upgrading to $current"
run_odoo "$ODOO_CONF" "$work/upgrade.log" -u order_workflow
snap "$ODOO_CONF" "$work/after.json"

say "comparing every order"
if ! "$PYTHON" "$ROOT/scripts/upgrade_snapshot.py" compare "$work/before.json" "$work/after.json"; then
    die "the upgrade from $from_version changed orders (above)"
fi
say "upgrade from $from_version to $current: every order kept its stage, decisions, dates and amounts"
