from . import crm_team
from . import res_partner
from . import res_config_settings
from . import sale_order
