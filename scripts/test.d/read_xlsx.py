"""Reads an .xlsx file with openpyxl, an independent reader, and prints what a test checks as JSON:
the sheet names, every row's cell values (None as null) and whether each header cell is bold.

    python read_xlsx.py FILE
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
rows = [list(row) for row in sheet.iter_rows(values_only=True)]
print(json.dumps({
    "sheets": book.sheetnames,
    "rows": rows,
    "boldHeader": [bool(cell.font and cell.font.bold) for cell in sheet[1]],
    "frozen": sheet.freeze_panes,
}, ensure_ascii=False))
