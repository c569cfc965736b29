# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Writing the stage log (stage_log.py) when the stored stage changes.

``workflow_stage`` is a stored compute: its new values reach the database in
``_write_multi``, in batches, when the ORM flushes. There, one SQL statement closes the
orders' open rows (``left_on``, ``hours``) and opens the rows of their new stages:
one query per flushed batch, whatever the number of orders, and none for orders
outside the workflow (their stage stays empty). Times are the server's clock in UTC
(``fields.Datetime.now()``), as every other date the workflow stamps.
"""

from odoo import api, fields, models
from odoo.tools import SQL, split_every

from .sale_order import WORKFLOW_STAGES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_stage_log_ids = fields.One2many(
        "order_workflow.stage.log",
        "order_id",
        string="Stage history",
        readonly=True,
        copy=False,
    )

    def _write_multi(self, vals_list):
        super()._write_multi(vals_list)
        stages = [
            (order_id, vals["workflow_stage"])
            for order_id, vals in zip(self._ids, vals_list, strict=False)
            if vals.get("workflow_stage")
        ]
        if stages:
            self._ow_log_stages(stages)

    @api.model
    def _ow_log_stages(self, stages, now=None):
        """Record that each order of ``stages`` ([(order id, stage)]) is now in that
        stage: its open row of another stage is closed, a row for the new stage is
        opened unless that stage's row is already open. One statement: the UPDATE and
        the INSERT both read the rows as they were before it. A clock behind the
        stage's entry (another server's, a test's frozen time) leaves it after 0
        hours: the user's action is never refused for it."""
        now = now or fields.Datetime.now()
        values = SQL(", ").join(
            SQL("(%s::int4, %s::varchar)", order_id, stage)
            for order_id, stage in stages
        )
        self.env.execute_query(
            SQL(
                """
                WITH new(order_id, stage) AS (VALUES %(values)s),
                closed AS (
                    UPDATE order_workflow_stage_log log
                       SET left_on = GREATEST(%(now)s, log.entered_on),
                           hours = EXTRACT(EPOCH FROM (
                                       GREATEST(%(now)s, log.entered_on)
                                       - log.entered_on)) / 3600.0,
                           write_uid = %(uid)s,
                           write_date = %(now)s
                      FROM new
                     WHERE log.order_id = new.order_id
                       AND log.left_on IS NULL
                       AND log.stage <> new.stage
                 RETURNING log.order_id, log.left_on
                )
                INSERT INTO order_workflow_stage_log (order_id, stage, entered_on,
                       hours, company_id, create_uid, create_date, write_uid,
                       write_date)
                SELECT new.order_id, new.stage,
                       GREATEST(%(now)s, closed.left_on), 0, so.company_id,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM new
                  JOIN sale_order so ON so.id = new.order_id
                  LEFT JOIN closed ON closed.order_id = new.order_id
                 WHERE NOT EXISTS (
                        SELECT 1 FROM order_workflow_stage_log log
                         WHERE log.order_id = new.order_id
                           AND log.left_on IS NULL
                           AND log.stage = new.stage)
                """,
                values=values,
                now=now,
                uid=self.env.uid,
            )
        )
        # inside a flush: forget without flushing again
        self.env["order_workflow.stage.log"].invalidate_model(flush=False)
        self.invalidate_model(["ow_stage_log_ids"], flush=False)

    # -- the history of orders that existed before the log -----------------------------
    @api.model
    def _ow_backfill_stage_log(self):
        """Give every workflow order without a log its history: from the tracking of
        ``workflow_stage`` in the chatter where there is some (the first tracked old
        value from the order's creation, then each new value from its message's date),
        else one open row for its current stage from its creation. When the last
        tracked stage is not the current one (tracking was off for a change), the
        current stage is entered at the order's last write. Runs at install (no
        workflow order exists yet) and as the migration of existing databases; in SQL,
        by batches of orders."""
        cr = self.env.cr
        cr.execute(
            """
            SELECT so.id, so.workflow_stage, so.create_date, so.write_date,
                   so.company_id, so.create_uid
              FROM sale_order so
             WHERE so.use_order_workflow
               AND so.workflow_stage IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM order_workflow_stage_log log
                                WHERE log.order_id = so.id)
             ORDER BY so.id
            """
        )
        orders = cr.fetchall()
        field = self.env["ir.model.fields"]._get(self._name, "workflow_stage")
        keys = self._ow_stage_keys_by_label()
        for batch in split_every(1000, orders):
            tracked = self._ow_tracked_stages([row[0] for row in batch], field.id)
            rows = []
            for order_id, stage, created, written, company_id, uid in batch:
                path = self._ow_stage_path(
                    tracked.get(order_id, []), keys, stage, created, written
                )
                rows += [
                    (order_id, key, start, end, company_id, uid)
                    for key, start, end in path
                ]
            if rows:
                self._ow_insert_stage_rows(rows)
        self.env["order_workflow.stage.log"].invalidate_model()
        # an order asked for information before has no first-pass review
        backfilled = self.browse([row[0] for row in orders])
        self.env.add_to_compute(self._fields["first_pass_review"], backfilled)
        backfilled.flush_recordset(["first_pass_review"])
        return len(orders)

    @api.model
    def _ow_stage_keys_by_label(self):
        """Stage keys by the labels tracking stored (in any installed language)."""
        keys = {key: key for key, _label in WORKFLOW_STAGES}
        field = self._fields["workflow_stage"]
        for code, _name in self.env["res.lang"].get_installed():
            labels = field._description_selection(self.with_context(lang=code).env)
            keys.update({label: key for key, label in labels})
        return keys

    @api.model
    def _ow_tracked_stages(self, order_ids, field_id):
        self.env.cr.execute(
            """
            SELECT msg.res_id, msg.date, val.old_value_char, val.new_value_char
              FROM mail_tracking_value val
              JOIN mail_message msg ON msg.id = val.mail_message_id
             WHERE val.field_id = %s
               AND msg.model = 'sale.order'
               AND msg.res_id = ANY(%s)
             ORDER BY msg.res_id, msg.date, msg.id, val.id
            """,
            [field_id, order_ids],
        )
        tracked = {}
        for order_id, date, old, new in self.env.cr.fetchall():
            tracked.setdefault(order_id, []).append((date, old, new))
        return tracked

    @api.model
    def _ow_stage_path(self, changes, keys, current, created, written):
        """[(stage, entered, left)] from the tracked changes [(date, old, new)]."""
        path = []
        if changes and keys.get(changes[0][1]):
            path.append([keys[changes[0][1]], created, None])
        for date, _old, new in changes:
            key = keys.get(new)
            if not key:
                continue
            if path:
                if path[-1][0] == key:
                    continue
                path[-1][2] = max(date, path[-1][1])
            path.append([key, max(date, path[-1][1]) if path else date, None])
        if not path:
            path.append([current, created, None])
        elif path[-1][0] != current:
            entered = max(written or path[-1][1], path[-1][1])
            path[-1][2] = entered
            path.append([current, entered, None])
        return [tuple(step) for step in path]

    @api.model
    def _ow_insert_stage_rows(self, rows):
        self.env.execute_query(
            SQL(
                """
                INSERT INTO order_workflow_stage_log (order_id, stage, entered_on,
                       left_on, hours, company_id, create_uid, create_date,
                       write_uid, write_date)
                SELECT v.order_id, v.stage, v.entered_on, v.left_on,
                       COALESCE(EXTRACT(EPOCH FROM (v.left_on - v.entered_on))
                                / 3600.0, 0),
                       v.company_id, v.uid, now() AT TIME ZONE 'UTC', v.uid,
                       now() AT TIME ZONE 'UTC'
                  FROM (SELECT order_id, stage, entered_on,
                               -- never before the entry (GREATEST skips NULL: open)
                               CASE WHEN left_on IS NOT NULL
                                    THEN GREATEST(left_on, entered_on) END AS left_on,
                               company_id, uid
                          FROM (VALUES %s) AS r(order_id, stage, entered_on, left_on,
                                                company_id, uid)) AS v
                """,
                SQL(", ").join(
                    SQL(
                        "(%s::int4, %s::varchar, %s::timestamp, %s::timestamp, "
                        "%s::int4, %s::int4)",
                        *row,
                    )
                    for row in rows
                ),
            )
        )
