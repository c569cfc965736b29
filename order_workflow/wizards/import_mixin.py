# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the two Excel imports share: reading the file, finding the header row below
the title and address rows, the column mapping the clerk can correct in a preview,
collecting every problem before anything is written, and the template download."""

import base64
import binascii
import io

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from . import excel_reader as xl
from .import_aliases import ALIAS_TO_TARGET

HEADER_SCAN_ROWS = 50
PREVIEW_ROWS = 10


class OrderWorkflowImportMixin(models.AbstractModel):
    _name = "order_workflow.import.mixin"
    _description = "Order Workflow: Excel import (shared)"

    data_file = fields.Binary(string="File", attachment=False)
    filename = fields.Char()
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload", required=True
    )
    header_row = fields.Integer(
        help="The Excel row number of the header row. Leave 0 to find it: the first "
        "row whose cells name known columns, below any title and address rows.",
    )
    sheet_name = fields.Char(string="Sheet", readonly=True)
    preview_html = fields.Html(string="Preview", readonly=True, sanitize=True)

    # -- to define in each import ---------------------------------------------------

    def _ow_check_rights(self):
        raise NotImplementedError

    @api.model
    def _ow_target_names(self):
        """The targets (``order_workflow.import.column.target``) this import reads."""
        raise NotImplementedError

    @api.model
    def _ow_required_targets(self):
        """Groups of targets: each group needs at least one mapped column."""
        raise NotImplementedError

    # each import has ``column_ids``, its lines of ``order_workflow.import.column``

    @api.model
    def _ow_targets(self):
        """{target: label} of the columns this import reads."""
        column = self.env["order_workflow.import.column"]
        labels = dict(column._fields["target"]._description_selection(self.env))
        return {target: labels[target] for target in self._ow_target_names()}

    def _ow_template_spec(self):
        """(file name, sheet title, title row, header labels)."""
        raise NotImplementedError

    # -- rights ----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._ow_check_rights()
        return super().create(vals_list)

    def _ow_require_groups(self, xmlids, what):
        if self.env.su:
            return
        user = self.env.user
        if not any(user.has_group(xmlid) for xmlid in xmlids):
            raise AccessError(
                _(
                    "You are not allowed to %(what)s: it is for %(groups)s.",
                    what=what,
                    groups=", ".join(self.env.ref(x).name for x in xmlids),
                )
            )

    # -- reading ---------------------------------------------------------------

    def _ow_max_bytes(self):
        megabytes = self.env.company.order_workflow_import_max_mb or 10.0
        return int(megabytes * 1024 * 1024)

    def _ow_read_sheets(self):
        self.ensure_one()
        if not self.data_file:
            if self.filename:
                raise UserError(_("The file “%(name)s” is empty.", name=self.filename))
            raise UserError(_("Choose the Excel file to import."))
        try:
            data = base64.b64decode(self.data_file, validate=False)
        except (binascii.Error, ValueError):
            raise UserError(
                _("The file “%(name)s” cannot be read.", name=self.filename or "?")
            ) from None
        return xl.read_workbook(self.env, data, self.filename, self._ow_max_bytes())

    def _ow_auto_mapping(self, sheet, row):
        """{column index: target} from the header cells of ``row``."""
        targets = self._ow_targets()
        mapping = {}
        used = set()
        for col, value in enumerate(sheet.rows[row] if row < len(sheet.rows) else []):
            for key in xl.header_keys(value):
                target = ALIAS_TO_TARGET.get(key)
                if target in targets and target not in used:
                    mapping[col] = target
                    used.add(target)
                    break
        return mapping

    def _ow_locate(self, sheets):
        """(sheet, header row index, {column: target}) of the table to import."""
        self.ensure_one()
        if self.header_row:
            sheet = next((s for s in sheets if s.name == self.sheet_name), sheets[0])
            if self.header_row > len(sheet.rows):
                raise UserError(
                    _(
                        "Sheet %(sheet)s has no row %(row)s.",
                        sheet=sheet.name,
                        row=self.header_row,
                    )
                )
            row = self.header_row - 1
            return sheet, row, self._ow_auto_mapping(sheet, row)
        best = None
        for sheet in sheets:
            for row in range(min(len(sheet.rows), HEADER_SCAN_ROWS)):
                mapping = self._ow_auto_mapping(sheet, row)
                if len(mapping) >= 2 and (best is None or len(mapping) > len(best[2])):
                    best = (sheet, row, mapping)
            if best:
                break
        if not best:
            raise UserError(
                _(
                    "No header row found in “%(name)s”: name the columns (for example "
                    "产品编号/Product code, 数量/Quantity) in one row, or download the "
                    "template.",
                    name=self.filename,
                )
            )
        return best

    def _ow_mapping(self, sheet, row):
        """The mapping corrected in the preview, when it is for this header row."""
        columns = self.column_ids
        if not columns or self.sheet_name != sheet.name or self.header_row != row + 1:
            return self._ow_auto_mapping(sheet, row)
        return {c.column_index: c.target for c in columns if c.target}

    def _ow_table(self):
        """Read and locate: (sheet, header row index, mapping, data row indexes,
        problems). Problems of the layout come first."""
        sheets = self._ow_read_sheets()
        sheet, header, mapping = self._ow_locate(sheets)
        if not self.header_row or self.sheet_name != sheet.name:
            self.sheet_name = sheet.name
            self.header_row = header + 1
        mapping = self._ow_mapping(sheet, header)
        problems = self._ow_check_mapping(sheet, header, mapping)
        data_rows, last = [], header
        for row in range(header + 1, len(sheet.rows)):
            values = sheet.rows[row]
            if any(xl.is_total_label(v) for v in values):
                break
            last = row
            if any(not xl.is_empty(values[c]) for c in mapping if c < len(values)):
                data_rows.append(row)
        problems += self._ow_check_merged(sheet, header, last)
        if not data_rows and not problems:
            problems.append(
                _(
                    "Sheet %(sheet)s: no data rows below the header (row %(row)s).",
                    sheet=sheet.name,
                    row=header + 1,
                )
            )
        return sheet, header, mapping, data_rows, problems

    def _ow_check_mapping(self, sheet, header, mapping):
        targets = self._ow_targets()
        problems = []
        seen = {}
        for col, target in sorted(mapping.items()):
            where = self._ow_where(sheet, header, col)
            if target not in targets:
                problems.append(
                    _(
                        "%(where)s: this import does not read “%(field)s”.",
                        where=where,
                        field=target,
                    )
                )
            elif target in seen:
                problems.append(
                    _(
                        "%(where)s: “%(field)s” is already read from column %(col)s.",
                        where=where,
                        field=targets[target],
                        col=xl.column_letter(seen[target]),
                    )
                )
            seen.setdefault(target, col)
        for group in self._ow_required_targets():
            if not set(group) & set(mapping.values()):
                problems.append(
                    _(
                        "Sheet %(sheet)s, row %(row)s: no column for %(fields)s.",
                        sheet=sheet.name,
                        row=header + 1,
                        fields=_(" or ").join(targets[t] for t in group),
                    )
                )
        return problems

    def _ow_check_merged(self, sheet, header, last):
        problems = []
        for r1, r2, c1, c2 in sorted(sheet.merged):
            if r2 < header or r1 > last:
                continue  # title, address or totals rows
            # no f-string inside _(): babel stops extracting the file there
            first = f"{xl.column_letter(c1)}{r1 + 1}"
            last_cell = f"{xl.column_letter(c2)}{r2 + 1}"
            problems.append(
                _(
                    "%(where)s: cells %(first)s:%(last)s are merged inside the header "
                    "or data rows; unmerge them.",
                    where=self._ow_where(sheet, r1, c1),
                    first=first,
                    last=last_cell,
                )
            )
        return problems

    def _ow_where(self, sheet, row, col, header=None):
        label = f" ({xl.text(header)})" if not xl.is_empty(header) else ""
        return _(
            "Sheet %(sheet)s, row %(row)s, column %(col)s%(label)s",
            sheet=sheet.name,
            row=row + 1,
            col=xl.column_letter(col),
            label=label,
        )

    def _ow_problem(self, sheet, header, row, col, message):
        where = self._ow_where(sheet, row, col, sheet.cell(header, col))
        return f"{where}: {message}"

    def _ow_raise(self, problems):
        if problems:
            raise UserError(
                _(
                    "The file “%(name)s” was not imported; nothing was created. "
                    "Correct these %(count)s problems and import it again:",
                    name=self.filename,
                    count=len(problems),
                )
                + "\n"
                + "\n".join(f"• {p}" for p in problems)
            )

    @staticmethod
    def _ow_row_values(sheet, row, mapping):
        values = sheet.rows[row]
        return {
            target: (values[col] if col < len(values) else None)
            for col, target in mapping.items()
        }

    @staticmethod
    def _ow_columns(mapping):
        return {target: col for col, target in mapping.items()}

    # -- preview ---------------------------------------------------------------

    def action_preview(self):
        """Read the file, find the header and show the column mapping to correct."""
        self.ensure_one()
        self._ow_check_rights()
        sheets = self._ow_read_sheets()
        sheet, header, mapping = self._ow_locate(sheets)
        self.sheet_name = sheet.name
        self.header_row = header + 1
        header_cells = sheet.rows[header]
        self.column_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "column_index": col,
                    "column_letter": xl.column_letter(col),
                    "header": xl.text(value),
                    "sample": self._ow_sample(sheet, header, col),
                    "target": mapping.get(col, False),
                }
            )
            for col, value in enumerate(header_cells)
        ]
        self.preview_html = self._ow_preview_html(sheet, header)
        self.state = "preview"
        return self._ow_reopen()

    def action_reset_mapping(self):
        self.ensure_one()
        self._ow_check_rights()
        self.column_ids = [fields.Command.clear()]
        return self.action_preview()

    def _ow_sample(self, sheet, header, col):
        for row in range(header + 1, min(len(sheet.rows), header + 1 + PREVIEW_ROWS)):
            value = sheet.cell(row, col)
            if not xl.is_empty(value):
                return xl.text(value)[:60]
        return ""

    def _ow_preview_html(self, sheet, header):
        rows = sheet.rows[header : header + 1 + PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        html = Markup(
            '<table class="table table-sm table-bordered o_ow_import_preview">'
        )
        html += Markup("<tr><th></th>%s</tr>") % Markup("").join(
            Markup("<th>%s</th>") % xl.column_letter(c) for c in range(width)
        )
        for offset, values in enumerate(rows):
            cells = Markup("").join(
                Markup("<td>%s</td>")
                % escape(xl.text(values[c]) if c < len(values) else "")
                for c in range(width)
            )
            html += Markup("<tr><th>%s</th>%s</tr>") % (header + 1 + offset, cells)
        return html + Markup("</table>")

    def _ow_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Import from Excel"),
        }

    # -- template --------------------------------------------------------------

    def action_download_template(self):
        """A bilingual .xlsx template, made on the fly, as a download."""
        self._ow_check_rights()
        filename, title, labels = self._ow_template_spec()
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": self._ow_template_bytes(title, labels),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
                "res_model": self._name,
                "res_id": self[:1].id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    @api.model
    def _ow_template_bytes(self, title, labels):
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet("Sheet1")
        bold = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format(
            {"bold": True, "text_wrap": True, "bg_color": "#DDEBF7", "border": 1}
        )
        sheet.merge_range(0, 0, 0, len(labels) - 1, title, bold)
        for col, label in enumerate(labels):
            sheet.write(2, col, label, head)
            sheet.set_column(col, col, 18)
        sheet.set_row(2, 32)
        sheet.freeze_panes(3, 0)
        book.close()
        return buffer.getvalue()
