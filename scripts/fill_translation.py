"""Fill a Qt .ts file from a Python dict of translations (source -> text):
``python scripts/fill_translation.py assets/i18n/parley_zh_CN.ts FILE.py``.
Only unfinished messages are filled; a source not in the dict stays unfinished
(pyside6-lrelease then leaves it in English). For a translator without Qt
Linguist; pyside6-linguist edits the same file."""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, table: dict[str, str]) -> tuple[int, list[str]]:
    tree = ET.parse(ts_path)
    filled, missing = 0, []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in table:
            translation.text = table[source]
            del translation.attrib["type"]
            filled += 1
        else:
            missing.append(source)
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return filled, missing


if __name__ == "__main__":
    filled, missing = fill(sys.argv[1], runpy.run_path(sys.argv[2])["ZH"])
    print(f"filled {filled}; still unfinished: {len(missing)}")
    for source in missing:
        print("  " + source)
