from . import test_install
from . import test_security
from . import test_workflow_stage
from . import test_tour
from . import test_i18n
from . import test_intake_review
from . import test_technical_review
from . import test_reports_pdf
