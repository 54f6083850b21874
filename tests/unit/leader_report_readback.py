#!/usr/bin/python3
"""Opens the daily reports leader_report_sample wrote (the desk of leader_fixture.hpp) with
openpyxl, another implementation than ours, and checks every sheet's cells: the numbers
are numbers (counts as integers, hours as numbers), labels and names are strings, nothing
is a formula. Usage: leader_report_readback.py DIR"""
import os
import sys

import openpyxl

folder = sys.argv[1]


def cells(ws):
    return [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]


def no_formulas(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)


wb = openpyxl.load_workbook(os.path.join(folder, "report-zh.xlsx"))
assert wb.sheetnames == ["日报", "各楼采样", "未送订单", "缺人班次"], wb.sheetnames
rows = cells(wb["日报"])
assert rows[0][0] == ("邻里日报 2026-12-02（截至 14:00）", "s"), rows[0]
assert rows[1] == [("项目", "s"), ("数值", "s")], rows[1]
values = {label: value for (label, _), (value, kind) in (r[:2] for r in rows[2:])}
kinds = {label: kind for (label, _), (value, kind) in (r[:2] for r in rows[2:])}
expected = {
    "今日已采（人）": 3, "今日应采（人）": 6, "封控楼栋（栋）": 1, "封控楼栋名单": "2号楼",
    "今日送达（户）": 1, "今日送达（单）": 2, "未送订单（单）": 3, "其中逾期（单）": 2,
    "今日办结药品需求（件）": 1, "其中立即（件）": 1, "未办药品需求（件）": 1,
    "今日班次": 3, "今日上岗（人次）": 3, "已签退（小时）": 4, "计划（小时）": 24,
    "未来 24 小时缺人班次": 3,
}
assert values == expected, values
for label, value in expected.items():
    assert kinds[label] == ("s" if isinstance(value, str) else "n"), (label, kinds[label])
    if not isinstance(value, str):
        assert isinstance(values[label], int), (label, values[label])

assert cells(wb["各楼采样"]) == [
    [("楼栋", "s"), ("管控", "s"), ("已采", "s"), ("应采", "s"), ("完成率（百分比）", "s")],
    [("1号楼", "s"), ("防范区", "s"), (2, "n"), (3, "n"), (67, "n")],
    [("2号楼", "s"), ("封控区", "s"), (1, "n"), (2, "n"), (50, "n")],
    [("3号楼", "s"), ("防范区", "s"), (0, "n"), (1, "n"), (0, "n")],
], cells(wb["各楼采样"])
assert cells(wb["未送订单"]) == [
    [("团购", "s"), ("送货日", "s"), ("未送（单）", "s"), ("状态", "s")],
    [("第1期", "s"), ("2026-12-01", "s"), (2, "n"), ("已逾期", "s")],
    [("第2期", "s"), ("2026-12-02", "s"), (1, "n"), ("今天送", "s")],
], cells(wb["未送订单"])
gaps = cells(wb["缺人班次"])
assert gaps[0] == [("岗位", "s"), ("时间", "s"), ("已确认", "s"), ("至少", "s")], gaps[0]
assert gaps[1:] == [
    [("东门卡口", "s"), ("12-02 16:00-24:00", "s"), (1, "n"), (2, "n")],
    [("东门卡口", "s"), ("12-03 00:00-08:00", "s"), (0, "n"), (2, "n")],
    [("东门卡口", "s"), ("12-03 08:00-16:00", "s"), (0, "n"), (2, "n")],
], gaps
no_formulas(wb)

wb = openpyxl.load_workbook(os.path.join(folder, "report-en.xlsx"))
assert wb.sheetnames == ["Report", "Sampling by building", "Undelivered orders", "Short shifts"], \
    wb.sheetnames
rows = cells(wb["Report"])
assert rows[0][0] == ("Linli daily report 2026-12-02 (as of 14:00)", "s"), rows[0]
assert rows[2] == [("Sampled today (residents)", "s"), (3, "n")], rows[2]
assert rows[5] == [("Sealed buildings (names)", "s"), ("Building 2", "s")], rows[5]
assert cells(wb["Sampling by building"])[2][:2] == [("Building 2", "s"), ("Sealed", "s")], \
    cells(wb["Sampling by building"])
assert cells(wb["Undelivered orders"])[1][3] == ("late", "s")
no_formulas(wb)
print("openpyxl read both daily reports: values and types as written")
