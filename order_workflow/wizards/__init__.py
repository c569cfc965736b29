from . import reason_wizard
from . import approval_threshold_wizard
from . import signed_confirmation_wizard
from . import receipt_wizard
