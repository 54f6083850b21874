#!/usr/bin/python3
"""Opens the workbooks xlsx_sample wrote with openpyxl (another implementation than ours)
and checks cell values and types: phones and ID numbers are strings, numbers are numbers,
nothing is a formula. Usage: xlsx_readback.py DIR"""
import os
import sys

import openpyxl

folder = sys.argv[1]


def cells(ws):
    return [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]


wb = openpyxl.load_workbook(os.path.join(folder, "sample.xlsx"))
assert wb.sheetnames == ["名册", "第二页_备注"], wb.sheetnames
rows = cells(wb["名册"])
assert rows[0] == [("姓名", "s"), ("电话", "s"), ("身份证号", "s"), ("出生年份", "s"), ("体温", "s")], rows[0]
assert rows[1][0] == ("王小明", "s")
assert rows[1][1] == ("13800138000", "s"), rows[1][1]
assert rows[1][2] == ("110101199001011234", "s"), rows[1][2]
assert rows[1][3] == (1956, "n") and isinstance(rows[1][3][0], int), rows[1][3]
assert rows[1][4] == (36.6, "n") and isinstance(rows[1][4][0], float), rows[1][4]
assert rows[2] == [('=HYPERLINK("http://x")', "s"), ("013912345678", "s"), ("+1-2", "s"),
                   ("@x", "s"), ("0.5", "s")], rows[2]
assert cells(wb["第二页_备注"]) == [[("耳背，上门前先打电话", "s")]]

wb = openpyxl.load_workbook(os.path.join(folder, "roster.xlsx"))
ws = wb.worksheets[0]
assert ws.title == "名册", ws.title
rows = cells(ws)
assert len(rows[0]) == 10 and all(t == "s" for _, t in rows[0]), rows[0]
assert rows[0][2][0] == "房号" and rows[0][5][0] == "出生年份" and rows[0][9][0].startswith("身份证号"), rows[0]
assert rows[1][4] == ("13800138000", "s"), rows[1][4]
assert rows[1][5] == (1956, "n"), rows[1][5]
assert rows[1][8] == ("=1+1", "s"), rows[1][8]
assert rows[1][9] == ("11010119560101123X", "s"), rows[1][9]
assert rows[2][2] == ("0301", "s") and rows[2][4] == ("013900139000", "s"), rows[2]
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
print("openpyxl read both workbooks: values and types as written")
