"""Writes shop_days.xls, the Excel 97-2003 (BIFF8) sample the import tests read.

No Rust crate writes .xls, so it is made with Python's xlwt (`pip install xlwt`), then committed:
    python3 tests/samples/make_xls.py
A 生意参谋 shop-day export as an old Excel saves it: a title row and a date-range row above the
header, days as date cells, amounts as doubles, a summary row below, and a second sheet.
"""

import datetime
import os

import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("店铺整体数据")
day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
percent = xlwt.easyxf(num_format_str="0.00%")

sheet.write(0, 0, "店铺整体数据")  # row 1
sheet.write(1, 0, "统计日期：2026-11-01 ~ 2026-11-02")  # row 2
header = ["统计日期", "访客数", "浏览量", "支付买家数", "支付订单数", "支付件数", "支付金额", "支付转化率"]
for col, name in enumerate(header):
    sheet.write(3, col, name)  # row 4 (row 3 is empty)
rows = [
    (datetime.date(2026, 11, 1), 12000, 36000, 240, 250, 310, 45678.9, 0.02),
    (datetime.date(2026, 11, 2), 9500, 28000, 190, 195, 240, 38000.0, 0.02),
]
for r, (date, *numbers, rate) in enumerate(rows):
    sheet.write(4 + r, 0, date, day)  # rows 5 and 6
    for c, n in enumerate(numbers):
        sheet.write(4 + r, 1 + c, n)
    sheet.write(4 + r, 7, rate, percent)
sheet.write(6, 0, "合计")  # row 7
sheet.write(6, 1, 21500)

book.add_sheet("说明").write(0, 0, "数据来自生意参谋")

book.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shop_days.xls"))
