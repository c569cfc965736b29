"""Run Python code against an Odoo database (``odoo-bin shell`` fails on this tree).

Usage: odoo_exec.py CONFIG DATABASE CODE
``env`` (superuser environment) is in scope; the transaction is committed at the end.
"""

import sys


def main():
    config_file, db_name, code = sys.argv[1:4]
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", config_file, "-d", db_name])
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        exec(code, {"env": env, "odoo": odoo})
        env.flush_all()
        cr.commit()


if __name__ == "__main__":
    main()
