# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read .xls (xlrd 2.x) and .xlsx (openpyxl) files into plain rows, and read the
values customers put in them (numbers and dates as Excel stores them, Chinese or
English headers).

Not a model: the import wizards (``order_workflow.import.mixin``) use it. Every
failure of a parser on a bad file becomes one clear ``UserError``.
"""

import io
import logging
import math
import re
import unicodedata
import warnings
import zipfile
from datetime import date, datetime, timedelta

from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted (password-protected) .xlsx is an OLE2 container with this stream.
ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
# An .xlsx may not inflate to more than this many times the size limit (zip bombs).
MAX_INFLATE_RATIO = 30
EXCEL_EPOCH = date(1899, 12, 30)
MAX_SERIAL = 2958465  # 9999-12-31

# Labels of a totals row: reading stops there (not an error).
TOTAL_KEYS = {
    "合计",
    "总计",
    "小计",
    "合计金额",
    "总金额",
    "合計",
    "總計",
    "total",
    "totals",
    "grandtotal",
    "subtotal",
    "totalamount",
    "sum",
}
# Units that mean "pieces": the product's own unit of measure.
PIECE_UNITS = {
    "件",
    "个",
    "個",
    "只",
    "支",
    "pcs",
    "pc",
    "piece",
    "pieces",
    "ea",
    "each",
}
_UNIT_SUFFIX = re.compile(
    r"\s*(?:件|个|個|只|支|套|pcs|pc|pieces|piece|ea|units?)\.?$", re.IGNORECASE
)
_CURRENCY_PREFIX = re.compile(r"^(?:rmb|cny|usd|eur|hkd|[¥￥$€])\s*", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%Y%m%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
)


class Sheet:
    """One worksheet: ``rows`` (lists of values, 0-based) and ``merged`` ranges as
    (first row, last row, first column, last column), 0-based and inclusive."""

    __slots__ = ("merged", "name", "rows")

    def __init__(self, name, rows, merged):
        self.name = name
        self.rows = rows
        self.merged = merged

    def cell(self, row, col):
        values = self.rows[row] if row < len(self.rows) else []
        return values[col] if col < len(values) else None


def column_letter(col):
    """0-based column index → Excel's letters (0 → A, 27 → AB)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def text(value):
    """A cell as clean text: full-width forms folded (NFKC), spaces collapsed."""
    if is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if not value.time() else value
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def header_keys(value):
    """The keys a header cell can match: the whole label and its parts, lower case
    without spaces, punctuation, ``*`` marks or (units) in brackets; for a bilingual
    label ("产品编号 Product code") its Chinese and its Latin part."""
    label = re.sub(r"\([^)]*\)", " ", text(value))
    keys = set()
    for part in [label, *re.split(r"[\n/|]+", label)]:
        cjk = "".join(re.findall(r"[\u3400-\u9fff]+", part))
        latin = re.sub(r"[\u3400-\u9fff]+", " ", part)
        for candidate in (part, cjk, latin):
            key = re.sub(r"[\s*:：._\-#]+", "", candidate.lower())
            if key:
                keys.add(key)
    return keys


def is_total_label(value):
    return isinstance(value, str) and bool(header_keys(value) & TOTAL_KEYS)


def parse_number(value):
    """A float, or None for an empty cell; ``ValueError`` when it is not a number.
    Reads Excel floats, text with thousands separators, full-width digits, a currency
    sign in front and a piece unit (件/个/pcs) behind."""
    if is_empty(value):
        return None
    if isinstance(value, bool) or isinstance(value, date):
        raise ValueError(value)
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(value)
        return float(value)
    raw = text(value).replace("\u00a0", "")
    raw = _UNIT_SUFFIX.sub("", _CURRENCY_PREFIX.sub("", raw)).replace(" ", "")
    if "," in raw:
        if not _GROUPED.fullmatch(raw):
            raise ValueError(value)
        raw = raw.replace(",", "")
    if not _NUMBER.fullmatch(raw):
        raise ValueError(value)
    return float(raw)


def parse_date(value):
    """A date, or None for an empty cell; ``ValueError`` when it is not a date.
    Reads Excel dates, date serial numbers (1900 system) and text dates."""
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if not math.isfinite(value) or not 1 <= value <= MAX_SERIAL:
            raise ValueError(value)
        return EXCEL_EPOCH + timedelta(days=int(value))
    raw = text(value)
    if re.fullmatch(r"\d{5}(?:\.\d+)?", raw):
        return parse_date(float(raw))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def read_workbook(env, data, filename, max_bytes):
    """The sheets of an Excel file, or a ``UserError`` that says what is wrong."""
    _ = env._
    name = (filename or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("xls", "xlsx"):
        raise UserError(
            _(
                "The file “%(name)s” has the wrong extension: only Excel files "
                "(.xls or .xlsx) can be imported.",
                name=name or "?",
            )
        )
    if not data:
        raise UserError(_("The file “%(name)s” is empty.", name=name))
    if len(data) > max_bytes:
        raise UserError(
            _(
                "The file “%(name)s” is %(size).1f MB, more than the %(limit).1f MB "
                "allowed (Settings > Order Workflow).",
                name=name,
                size=len(data) / 1048576,
                limit=max_bytes / 1048576,
            )
        )
    if data.startswith(OLE2_MAGIC) and ENCRYPTED_STREAM in data:
        raise UserError(_password_message(env, name))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if data.startswith(ZIP_MAGIC):
                sheets = _read_xlsx(env, data, name, max_bytes)
            elif data.startswith(OLE2_MAGIC):
                sheets = _read_xls(data)
            else:
                raise ValueError("neither an OLE2 nor a zip container")
    except UserError:
        raise
    except Exception as exc:
        # Parsers fail on broken files in many ways (struct, zip, xml, index errors):
        # each one means the same thing to the user.
        if "encrypted" in str(exc).lower():
            raise UserError(_password_message(env, name)) from None
        _logger.info("Excel import: cannot read %s: %r", name, exc)
        raise UserError(
            _(
                "The file “%(name)s” cannot be read: it is corrupt or not an Excel "
                "file. Open it in Excel, save it again as .xlsx and retry.",
                name=name,
            )
        ) from None
    if not any(
        not is_empty(value) for sheet in sheets for row in sheet.rows for value in row
    ):
        raise UserError(_("The file “%(name)s” has no data: it is empty.", name=name))
    return sheets


def _password_message(env, name):
    return env._(
        "The file “%(name)s” is password-protected. Remove the password in Excel "
        "(File > Info > Protect Workbook) and import it again.",
        name=name,
    )


def _read_xls(data):
    import xlrd

    try:  # merged cells need the formatting records, which old BIFF lacks
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, logfile=io.StringIO()
        )
    except NotImplementedError:
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
    sheets = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for cell in sheet.row(r):
                row.append(_xls_value(xlrd, book, cell))
            rows.append(row)
        merged = [(r1, r2 - 1, c1, c2 - 1) for r1, r2, c1, c2 in sheet.merged_cells]
        sheets.append(Sheet(sheet.name, rows, merged))
    return sheets


def _xls_value(xlrd, book, cell):
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


def _read_xlsx(env, data, name, max_bytes):
    import openpyxl

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
    if inflated > max_bytes * MAX_INFLATE_RATIO:
        raise UserError(
            env._(
                "The file “%(name)s” unpacks to %(size)d MB, too large to import.",
                name=name,
                size=inflated // 1048576,
            )
        )
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheets = []
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        merged = [
            (rng.min_row - 1, rng.max_row - 1, rng.min_col - 1, rng.max_col - 1)
            for rng in sheet.merged_cells.ranges
        ]
        sheets.append(Sheet(sheet.title, rows, merged))
    return sheets
