# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo: the main company keeps its books in CNY, as the Chinese make-to-order
manufacturer of the demo does.

Odoo refuses to change a company's currency once journal items exist, and Odoo's own
account demo data posts invoices, refunds and bank statements in the main company
before this module's demo loads. Those entries are demo data of Odoo's (each has an
external id, or belongs to a bank statement line or statement that has one): they are
deleted, then the currency changes through the ORM, so Odoo's own check still applies.
If any other entry exists (real bookkeeping), nothing is deleted and the currency
stays.

The demo company sends no SMS (no IAP credits in a demo, and its customers are called):
Odoo's stock_sms would otherwise stop the first delivery validated over RPC or in the
form with its "send an SMS?" question, once per company."""

import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _ow_demo_no_sms(self, company_xmlid):
        company = self.env.ref(company_xmlid)
        if "stock_move_sms_validation" in company._fields:
            company.stock_move_sms_validation = False
        return True

    @api.model
    def _ow_demo_currency(self, company_xmlid, currency_xmlid):
        company = self.env.ref(company_xmlid)
        currency = self.env.ref(currency_xmlid)
        if company.currency_id == currency:
            return True
        if not company._ow_demo_drop_demo_accounting():
            _logger.warning(
                "order_workflow demo: %s has journal entries that are not demo data; "
                "its currency stays %s",
                company.name,
                company.currency_id.name,
            )
            return False
        old = company.currency_id
        # Rates are relative: rebase the company's so that its new currency is 1.0
        rates = self.env["res.currency.rate"].search(
            [("company_id", "=", company.root_id.id)]
        )
        rebased = [
            (rate, rate.rate / currency._get_rates(company, rate.name)[currency.id])
            for rate in rates
        ]
        if not currency.active:
            currency.active = True
        company.currency_id = currency
        for rate, value in rebased:
            rate.rate = value
        # the price lists the company sells with follow its currency
        self.env["product.pricelist"].with_context(active_test=False).search(
            [
                ("company_id", "in", (company.id, False)),
                ("currency_id", "=", old.id),
            ]
        ).currency_id = currency
        return True

    def _ow_demo_drop_demo_accounting(self):
        """Delete the company's journal entries if all are Odoo demo data; False
        (and nothing deleted) if any is not."""
        self.ensure_one()
        domain = [("company_id", "child_of", self.id)]
        lines = self.env["account.bank.statement.line"].search(domain)
        moves = self.env["account.move"].search(domain)
        demo_statements = set(self._ow_demo_ids(lines.statement_id))
        demo_lines = lines.browse(self._ow_demo_ids(lines)) | lines.filtered(
            lambda line: line.statement_id.id in demo_statements
        )
        demo = set(self._ow_demo_ids(moves)) | set(demo_lines.move_id.ids)
        if set(moves.ids) - demo:
            return False
        lines.unlink()
        self.env["account.bank.statement"].search(domain).unlink()
        moves = moves.exists()
        moves.filtered(lambda move: move.state == "posted").button_draft()
        moves.with_context(force_delete=True).unlink()
        return not self._existing_accounting()

    @api.model
    def _ow_demo_ids(self, records):
        """Ids of ``records`` that have an external id (data of some module)."""
        return [rid for rid, xmlids in records._get_external_ids().items() if xmlids]
