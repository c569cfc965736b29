from . import main
from . import complaint_portal
