"""Export order_workflow's POT from a database and merge it into the .po files.

Usage: i18n.py CONFIG DATABASE ADDON_DIR
Existing translations are kept; new terms are added untranslated, obsolete ones dropped.
Prints the untranslated entries that remain, and exits 1 when there are any.
"""

import io
import sys


def main():
    config_file, db_name, addon_dir = sys.argv[1:4]
    import polib

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools.translate import trans_export

    odoo.tools.config.parse_config(["-c", config_file, "-d", db_name])
    with Registry(db_name).cursor() as cr:
        buf = io.BytesIO()
        trans_export(None, ["order_workflow"], buf, "po", cr)
    pot_text = buf.getvalue().decode()
    with open(f"{addon_dir}/i18n/order_workflow.pot", "w") as f:
        f.write(pot_text)
    pot = polib.pofile(pot_text)
    missing = 0
    for lang in ("zh_CN", "zh_TW"):
        path = f"{addon_dir}/i18n/{lang}.po"
        try:
            old = polib.pofile(path)
        except OSError:
            old = polib.POFile()
        known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr}
        known_by_id = {e.msgid: e.msgstr for e in old if e.msgstr}
        new = polib.POFile(wrapwidth=78)
        new.metadata = {
            "Project-Id-Version": "Odoo Server 18.0",
            "Last-Translator": "order_workflow contributors",
            "Language": lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        for entry in pot:
            entry = polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
                msgstr=known.get((entry.msgctxt, entry.msgid))
                or known_by_id.get(entry.msgid, ""),
            )
            if not entry.msgstr:
                missing += 1
                print(f"{lang}: untranslated: {entry.msgid!r}")
            new.append(entry)
        new.save(path)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
