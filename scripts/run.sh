#!/usr/bin/env bash
# make run: set up, create (or update) the demo database, serve Odoo.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"

if db_exists "$DEMO_DB"; then
    say "updating order_workflow in $DEMO_DB"
    odoo_bin -d "$DEMO_DB" -u order_workflow --stop-after-init --log-level=warn
else
    tmpl=$(bash "$ROOT/scripts/template_db.sh")
    say "creating $DEMO_DB with the module and its demo data"
    createdb -T "$tmpl" "$DEMO_DB"
    set_owner "$DEMO_DB" database
    [ -d "$DATA_DIR/filestore/$tmpl" ] &&
        cp -a "$DATA_DIR/filestore/$tmpl" "$DATA_DIR/filestore/$DEMO_DB"
    odoo_bin -d "$DEMO_DB" -i order_workflow --stop-after-init --log-level=warn
fi

cat >&2 <<MSG

  Order Workflow is running at  http://$HTTP_HOST:$HTTP_PORT/odoo   (database $DEMO_DB)

  Demo logins (password = login):
    admin       administrator, member of every role
    clerk       Order Clerk             manager     Sales Manager
    director    Sales Director          gm          General Manager
    tech        Technical Reviewer      purchase    Purchasing Reviewer
    finance     Finance Reviewer        production  Production Supervisor
    qc          QC Inspector            shipping    Shipping Clerk
    service     Service Supervisor

  Orders wait in every stage of Order Workflow > Orders (kanban by stage).
  Drive one more order through the whole flow over XML-RPC, from another shell:
    python3 scripts/demo_flow.py --url http://$HTTP_HOST:$HTTP_PORT --db $DEMO_DB

  Stop with Ctrl+C.
MSG
exec_args=(-d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-interface="$HTTP_HOST" --http-port="$HTTP_PORT")
PYTHONPATH="$ODOO_PATH" exec "$VPY" "$ODOO_PATH/odoo-bin" -c "$ODOO_CONF" "${exec_args[@]}" "$@"
