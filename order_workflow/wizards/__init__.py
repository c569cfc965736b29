from . import reason_wizard
from . import approval_threshold_wizard
from . import signed_confirmation_wizard
from . import receipt_wizard
from . import import_mixin
from . import import_column
from . import order_import
from . import pricelist_import
