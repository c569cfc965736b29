# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import TransactionCase, get_db_name, new_test_user

# The module's groups, in the order of DESIGN.md's contract.
GROUPS = [
    "group_order_clerk",
    "group_sales_manager",
    "group_sales_director",
    "group_general_manager",
    "group_technical_reviewer",
    "group_purchase_reviewer",
    "group_finance_reviewer",
    "group_production_supervisor",
    "group_qc_inspector",
    "group_shipping_clerk",
    "group_service_supervisor",
]
APPROVER_GROUPS = GROUPS[1:4]
# The stages a standard order of a class C customer (deposit, pays before shipping)
# goes through, as the API demo and the RPC lifecycle test see them step by step.
CLASS_C_PATH = [
    "intake",
    "price_review",
    "approval",
    "customer_confirmation",
    "deposit",
    "production",
    "quality",
    "payment_hold",
    "ready",
    "shipped",
    "delivered",
    "collection",
    "closed",
]


def attach_customer_documents(partner):
    """File a customer's business licence and credit record, which qualifying needs
    (res_partner_documents.py); returns the partner."""
    attachments = partner.env["ir.attachment"].create(
        [
            {"name": f"{name} {partner.name}.pdf", "raw": b"%PDF-1.4 scan"}
            for name in ("Business licence", "Credit record")
        ]
    )
    partner.write(
        {
            "business_licence_ids": [Command.set(attachments[0].ids)],
            "credit_record_ids": [Command.set(attachments[1].ids)],
        }
    )
    return partner


def load_chinese(env, lang="zh_CN"):
    """Activate a Chinese language with the module's translations, as a company
    printing its forms in it has."""
    env["res.lang"]._activate_lang(lang)
    env["ir.module.module"].search(
        [("name", "=", "order_workflow")]
    )._update_translations([lang], overwrite=True)


def rpc_caller(case, login):
    """``call(model, method, *args, **kwargs)`` over XML-RPC as the user ``login``
    (password = login, as the demo and test users), from an HttpCase ``case``."""
    db = get_db_name()
    uid = case.xmlrpc_common.authenticate(db, login, login, {})
    case.assertTrue(uid, f"login {login} works")

    def call(model, method, *args, **kwargs):
        return case.xmlrpc_object.execute_kw(
            db, uid, login, model, method, list(args), kwargs
        )

    call.uid = uid
    return call


class OrderWorkflowCase(TransactionCase):
    """Users of every role, a workflow sales team, a customer and a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # Finance checks every order's prices by default; here only the deviating
        # ones, so that tests of other gates need not approve prices: the default is
        # tested in test_price_review, and the whole path in test_rpc/test_tour.
        cls.env.company.order_workflow_check_all_prices = False
        cls.users = {
            group: new_test_user(
                cls.env,
                login=f"ow_{group[6:]}",
                groups=f"base.group_user,order_workflow.{group}",
            )
            for group in GROUPS
        }
        cls.clerk = cls.users["group_order_clerk"]
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Workflow team",
                "use_order_workflow": True,
                "member_ids": [Command.link(cls.clerk.id)],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Order Workflow Test Customer", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Workflow product", "list_price": 100.0, "type": "consu"}
        )

    def _send_queued(self):
        """Run the outbox as its cron does after a click (models/outbox.py): batch
        after batch (the cron triggers itself again after a full batch; the demo data
        leaves its own documents queued)."""
        outbox = self.env["order_workflow.outbox"]
        for _batch in range(100):
            if not outbox.search_count([("state", "=", "queued")]):
                break
            outbox._cron_send()
        left = outbox.search([("state", "in", ("queued", "failed"))])
        self.assertFalse(
            left,
            "everything queued was sent: "
            + "; ".join(f"{e.name} ({e.state}): {e.error}" for e in left),
        )

    def _queries(self, func):
        """Queries run by ``func``, caches cleared first and writes flushed after."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    @classmethod
    def _create_order(cls, lines=1, team=None, user=None, **vals):
        env = cls.env(user=user) if user else cls.env
        return env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "team_id": (team or cls.team).id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 1 + i}
                    )
                    for i in range(lines)
                ],
                **vals,
            }
        )
