#!/usr/bin/python3
"""Writes tests/data/openpyxl_roster.xlsx with openpyxl (Debian's python3-openpyxl), the
way a committee's spreadsheet comes from a non-Excel writer: a hidden notes sheet first,
then the roster with a gap row, a numeric phone, a leading-zero room and a text that
starts with '='. Run: /usr/bin/python3 tests/data/make_openpyxl_roster.py OUT.xlsx"""
import sys

import openpyxl

wb = openpyxl.Workbook()
notes = wb.active
notes.title = "说明"
notes["A1"] = "这一页是说明"
notes.sheet_state = "hidden"
ws = wb.create_sheet("名册")
ws.append(["楼栋", "单元", "房号", "姓名", "电话", "出生年份", "备注"])
ws.append([3, 2, "1502", "王小明", 13800138000, 1956, "独居, 耳背"])
ws.append(["3", "2", "1502", "李红", "13900139000", 1960])
ws.cell(row=5, column=1, value=5)
ws.cell(row=5, column=2, value=1)
ws.cell(row=5, column=3, value="0301")
cell = ws.cell(row=5, column=4, value="=张伟")
cell.data_type = "s"  # a text that starts with '=', not a formula
ws.cell(row=5, column=5, value="013912345678")
ws.cell(row=5, column=7, value=3.5)
wb.active = 1
wb.save(sys.argv[1])
