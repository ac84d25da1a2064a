"""
Conservation of Ny period, checked by an independent reader (openpyxl, not Tertial's reader):
every value of every table of the workbook before the roll is found after it, either in the
same table (the row with the same key, the same column) or in Historik (Tabell, Nyckel, Kolumn,
Värde), and every Historik row before is still there after.

Usage: python3 conservation.py before.xlsx after.xlsx  → prints a JSON object
  {"missing": [...], "historyLost": [...], "checked": N}
"""
import datetime
import json
import re
import sys
from collections import Counter

import openpyxl

HISTORY = "tblHistorik"
SETTINGS = "tblInstallningar"
# Settings the roll sets anew by rule (the next period, a new ready-mark, the template version).
SETTINGS_SET_BY_ROLL = {"År", "Period", "Klarmarkerad", "Klarmarkerad av", "Klarmarkerad datum", "Mallversion"}
# Columns whose value Historik already holds under another column of an earlier period.
SAME_VALUE_AS = {"Prognos föregående tertial": "Prognos helår", "Utfall period fg år": "Utfall period"}
# Historik keeps a value longer than a cell in continuation rows whose Kolumn ends so.
CONTINUATION = re.compile(r"^(.*) \(forts\. (\d+)\)$")
# A keyless row is named in Historik by its sheet row.
KEYLESS = "rad {row}"


# A cell's text as Excel reads it (ST_Xstring): `_xHHHH_` is the character HHHH, which openpyxl
# leaves as written; one XML cannot hold (U+FFFE) Tertial writes back as U+FFFD (xmlSafeText).
EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_character(match):
    code = int(match.group(1), 16)
    safe = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
    return chr(code) if safe else "\uFFFD"


def norm(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return round(float(value), 9)
    text = EXCEL_ESCAPE.sub(excel_character, str(value))
    return None if text.strip() == "" else text


def tables(path):
    """{table name: (headers, [(sheet row, {header: value})], computed headers)}"""
    values = openpyxl.load_workbook(path, data_only=True)
    found = {}
    for ws in values.worksheets:
        for table in ws.tables.values():
            min_col, min_row, max_col, max_row = openpyxl.utils.cell.range_boundaries(table.ref)
            headers = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
            computed = {c.name for c in table.tableColumns if c.calculatedColumnFormula}
            rows = []
            for r in range(min_row + 1, max_row + 1):
                cells = {h: ws.cell(r, min_col + i).value for i, h in enumerate(headers)}
                if any(norm(v) is not None for v in cells.values()):
                    rows.append((r, cells))
            found[table.name] = (headers, rows, computed)
    return found


def history_rows(found):
    """Historik's rows as tuples, continuation rows joined to the value they continue."""
    if HISTORY not in found:
        return []
    joined = []
    for _, cells in found[HISTORY][1]:
        row = [cells.get(h) for h in ("År", "Period", "Tabell", "Nyckel", "Kolumn")]
        value = cells.get("Värde")
        match = CONTINUATION.match(str(row[4] or ""))
        if match and joined and joined[-1][:4] == tuple(norm(v) for v in row[:4]) and joined[-1][4] == match.group(1):
            last = joined.pop()
            joined.append(last[:5] + (str(last[5]) + str(value or ""),))
            continue
        joined.append(tuple(norm(v) for v in row) + (norm(value),))
    return joined


def key_of(table, headers, sheet_row, cells, seen):
    key = norm(cells.get(headers[0]))
    if key is None or (isinstance(key, str) and key.startswith("#")):
        return KEYLESS.format(row=sheet_row)
    # A key an earlier row of the table already has is named with its row too (several
    # Rapporttext rows in one Avsnitt): cycle/CONTEXT.md, "Historik's Nyckel".
    if key in seen:
        return f"{key} ({KEYLESS.format(row=sheet_row)})"
    seen.add(key)
    return key


def main(before_path, after_path):
    before, after = tables(before_path), tables(after_path)
    history_after = history_rows(after)
    recorded = {(t, k, c, v) for (_, _, t, k, c, v) in history_after}
    missing = []
    checked = 0
    for name, (headers, rows, computed) in before.items():
        if name == HISTORY:
            continue
        after_rows = {}
        if name in after:
            a_headers, a_rows, _ = after[name]
            seen_after = set()
            for sheet_row, cells in a_rows:
                key = key_of(name, a_headers, sheet_row, cells, seen_after)
                after_rows.setdefault(key, []).append(cells)
        seen = set()
        for sheet_row, cells in rows:
            key = key_of(name, headers, sheet_row, cells, seen)
            for header in headers[1:]:
                value = norm(cells.get(header))
                if value is None or header in computed:
                    continue
                if name == SETTINGS and key in SETTINGS_SET_BY_ROLL:
                    continue
                checked += 1
                column = "Värde" if name == SETTINGS else header
                if any(norm(r.get(header)) == value for r in after_rows.get(key, [])):
                    continue
                if (name, key, column, value) in recorded:
                    continue
                # A previous forecast is in Historik already as the Prognos helår of its period, and
                # last year's outcome as the Utfall period of its period.
                if (name, key, SAME_VALUE_AS.get(header), value) in recorded:
                    continue
                missing.append({"table": name, "row": sheet_row, "key": key, "column": header, "value": str(value)})
    lost = Counter(history_rows(before)) - Counter(history_after)
    print(json.dumps({"missing": missing, "historyLost": [list(map(str, r)) for r in lost.elements()], "checked": checked}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
