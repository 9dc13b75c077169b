#!/usr/bin/env python3
"""Writes the sample exports of tests/samples (see README.md there): one small file per platform
export, shaped as the platform (or Excel, saving it as CSV on a Chinese Windows) writes it.

    python3 tests/samples/make.py          # rewrite the files
    python3 tests/samples/make.py --check  # exit 1 if a file differs from what this writes

Excel's "CSV" on a Chinese Windows is GBK with CRLF line ends, every row as wide as the sheet's
used range (title rows end in a run of commas), a cell with a comma quoted. The derived columns
are computed here as each export shows them, rounded half up at the export's places, so the
tests' arithmetic can be checked against this file.
"""

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent


def places(value, n):
    return value.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)


def pct(num, den, n=2):
    """A percentage as 生意参谋, 赤兔 and 京东商智 show it: "2.35%"."""
    return f"{places(Decimal(num) * 100 / Decimal(den), n)}%"


def ratio(num, den, n):
    return str(places(Decimal(num) / Decimal(den), n))


def cell(value):
    text = str(value)
    return f'"{text}"' if "," in text or '"' in text else text


def excel_csv(rows):
    """Rows as Excel saves them: each padded to the widest row, CRLF, GBK."""
    width = max(len(r) for r in rows)
    lines = [",".join(cell(c) for c in list(r) + [""] * (width - len(r))) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def thousands(amount):
    return f"{Decimal(amount):,.2f}"


# 生意参谋 → 交易 → 交易概况 → 下载 (.xls), saved as CSV. Three title lines and an empty one
# above the header (line 5).
def sycm_shop():
    header = [
        "统计日期", "访客数", "浏览量", "支付金额", "支付买家数", "支付子订单数", "支付件数",
        "支付转化率", "客单价", "UV价值", "人均浏览量", "跳失率", "老访客数", "新访客数",
        "加购人数", "商品收藏买家数", "成功退款金额", "平均停留时长",
    ]
    days = [
        # date, visitors, views, amount, buyers, orders, units, bounce, old, cart, fav, refund, stay
        ("2026-11-23", 2480, 7440, "18600.00", 62, 70, 85,
         "55.20%", 620, 310, 96, "1200.00", "38.6"),
        ("2026-11-24", 2600, 8190, "20280.50", 65, 71, 90,
         "53.85%", 650, 327, 101, "0.00", "41.2"),
        ("2026-11-25", 2333, 6999, "15888.88", 47, 50, 61,
         "58.08%", 583, 280, 77, "358.00", "36.9"),
    ]
    rows = [["交易概况"], ["统计时间：2026-11-23 ~ 2026-11-25"], ["终端：所有终端"], [], header]
    for d, v, pv, amount, buyers, orders, units, bounce, old, cart, fav, refund, stay in days:
        rows.append([
            d, v, pv, amount, buyers, orders, units,
            pct(buyers, v), ratio(Decimal(amount), buyers, 2), ratio(Decimal(amount), v, 2),
            ratio(pv, v, 2), bounce, old, v - old, cart, fav, refund, stay,
        ])
    return excel_csv(rows)


# 生意参谋 → 品类 → 商品排行 (商品_全部) → 下载 (.xls, 38 columns, the header on line 5).
def sycm_products():
    header = [
        "统计日期", "商品ID", "商品名称", "主商品ID", "商品类型", "货号", "商品状态", "商品标签",
        "商品访客数", "商品浏览量", "平均停留时长", "商品详情页跳出率", "商品收藏人数",
        "商品加购件数", "商品加购人数", "下单买家数", "下单件数", "下单金额", "下单转化率",
        "支付买家数", "支付件数", "支付金额", "商品支付转化率", "支付新买家数", "支付老买家数",
        "老买家支付金额", "聚划算支付金额", "访客平均价值", "成功退款金额", "竞争力评分",
        "年累计支付金额", "月累计支付金额", "月累计支付件数", "搜索引导支付转化率",
        "搜索引导访客数", "搜索引导支付买家数", "结构化详情引导转化率", "结构化详情引导成交占比",
    ]
    items = {
        "689012345678": ("雪纺连衣裙夏季新款", "XF-2301"),
        "689012345679": ("针织开衫女宽松", "ZK-1188"),
    }
    days = [
        # date, item, visitors, buyers, units, amount, shown 访客平均价值 (None: computed)
        ("2026-11-24", "689012345678", 1250, 30, 34, "5398.00", None),
        ("2026-11-24", "689012345679", 1000, 8, 9, "2364.99", "2.37"),
        ("2026-11-25", "689012345678", 1312, 29, 31, "4921.50", None),
        ("2026-11-25", "689012345679", 968, 11, 12, "3130.00", None),
    ]
    rows = [["商品_全部"], ["统计时间：2026-11-24 ~ 2026-11-25"], ["终端：所有终端"], [], header]
    for d, item, v, buyers, units, amount, shown_value in days:
        title, code = items[item]
        ordered = buyers + 3
        # 2,364.99 / 1,000 = 2.36499: 2.36 at two places, but 生意参谋 wrote 2.37 (the one cell
        # of 1,123 that missed, in the 千牛/万相台 source cited in README.md).
        value = shown_value or ratio(Decimal(amount), v, 2)
        rows.append([
            d, item, title, item, "普通商品", code, "当前在线", "", v, v * 3, "32.15",
            pct(v * 62, v * 100), v // 20, v // 12, v // 14, ordered, units + 3,
            str(Decimal(amount) + 600), pct(ordered, v), buyers, units, amount, pct(buyers, v),
            buyers - 2, 2, "300.00", "0.00", value, "0.00", "78", "98321.00", "20516.50", 121,
            "1.85%", v // 3, v // 160, "0.00%", "0.00%",
        ])
    return excel_csv(rows)


# 赤兔名品 → 客服绩效 → 自定义报表 (分日) → 导出 (.xlsx), saved as CSV. 汇总 and 均值 below.
def chitu_agents():
    header = [
        "日期", "客服昵称", "聊天人数(原咨询人数)", "接待人数", "询单人数", "询单->最终下单人数",
        "询单->最终付款人数", "询单->最终付款成功率", "销售额", "销售量", "销售人数", "客单价",
        "买家消息数", "客服消息数", "答问比", "未回复人数", "回复率", "首次响应(秒)",
        "平均响应(秒)", "平均接待时长",
    ]
    days = [
        # date, agent, chats, received, inquiries, ordered, paid, sales, units, payers,
        # buyer msgs, agent msgs, unreplied, first, avg, duration
        ("2026-11-24", "示范旗舰店:小雅", 132, 128, 80, 40, 36, "10836.00", 44, 38, 1520, 1824, 2,
         "12.35", "28.60", "8分48秒"),
        ("2026-11-24", "示范旗舰店:阿杰", 97, 95, 52, 24, 20, "5120.50", 23, 21, 1003, 1145, 0,
         "18.02", "33.15", "7分05秒"),
        ("2026-11-25", "示范旗舰店:小雅", 140, 137, 91, 45, 41, "12300.00", 52, 43, 1688, 1900, 1,
         "11.80", "27.44", "9分12秒"),
        ("2026-11-25", "示范旗舰店:阿杰", 88, 86, 47, 21, 18, "4388.80", 19, 18, 912, 1040, 3,
         "20.51", "35.02", "6分40秒"),
    ]
    rows = [header]
    for (d, who, chats, received, inquiries, ordered, paid, sales, units, payers, bm, am,
         unreplied, first, avg, duration) in days:
        rows.append([
            d, who, chats, received, inquiries, ordered, paid, pct(paid, inquiries),
            thousands(sales), units, payers, ratio(Decimal(sales), payers, 2), bm, am,
            ratio(am, bm, 2), unreplied, pct(received - unreplied, received), first, avg,
            duration,
        ])
    total = lambda i: sum(row[i] for row in days)  # noqa: E731
    sales = sum(Decimal(row[7]) for row in days)
    rows.append(["", "汇总", total(2), total(3), total(4), total(5), total(6),
                 pct(total(6), total(4)), thousands(sales), total(8), total(9),
                 ratio(sales, total(9), 2), total(10), total(11), ratio(total(11), total(10), 2),
                 total(12), pct(total(3) - total(12), total(3)), "", "", ""])
    n = len(days)
    rows.append(["", "均值", ratio(total(2), n, 2), ratio(total(3), n, 2), ratio(total(4), n, 2),
                 ratio(total(5), n, 2), ratio(total(6), n, 2), "", thousands(sales / n),
                 ratio(total(8), n, 2), ratio(total(9), n, 2), "", ratio(total(10), n, 2),
                 ratio(total(11), n, 2), "", ratio(total(12), n, 2), "", "", "", ""])
    return excel_csv(rows)


def alimama_rates(imp, clk, spend, orders, amount):
    """万相台无界's derived cells: rates as fractions to 5 places, money and ROI to 2."""
    spend, amount = Decimal(spend), Decimal(amount)
    return {
        "点击率": ratio(clk, imp, 5),
        "平均点击花费": ratio(spend, clk, 2),
        "千次展现花费": ratio(spend * 1000, imp, 2),
        "投入产出比": ratio(amount, spend, 2),
        "点击转化率": ratio(orders, clk, 5),
        "总成交成本": ratio(spend, orders, 2),
    }


# 阿里妈妈 万相台无界 → 报表 → 场景报表 (关键词推广, 直通车 as it is now), 分日 → 下载 (CSV,
# GBK). No owner: the team adds 负责人 at the end.
def ztc():
    header = [
        "日期", "场景ID", "场景名字", "展现量", "点击量", "花费", "点击率", "平均点击花费",
        "千次展现花费", "直接成交金额", "直接成交笔数", "间接成交金额", "间接成交笔数",
        "总成交金额", "总成交笔数", "投入产出比", "点击转化率", "总成交成本", "总购物车数",
        "总收藏数", "负责人",
    ]
    days = [
        # date, impressions, clicks, spend, direct amount, direct orders, indirect amount,
        # indirect orders, carts, favourites
        ("2026-11-23", 52340, 1570, "1884.00", "4210.00", 14, "1430.00", 5, 210, 64),
        ("2026-11-24", 48812, 1491, "1833.93", "4876.50", 16, "0.00", 0, 187, 59),
        ("2026-11-25", 61007, 1702, "2110.48", "3990.00", 12, "2205.30", 7, 233, 71),
    ]
    rows = [header]
    for d, imp, clk, spend, da, do, ia, io, carts, favs in days:
        amount, orders = Decimal(da) + Decimal(ia), do + io
        r = alimama_rates(imp, clk, spend, orders, amount)
        rows.append([
            d, 371, "关键词推广", imp, clk, spend, r["点击率"], r["平均点击花费"], r["千次展现花费"],
            da, do, ia, io, str(amount), orders, r["投入产出比"], r["点击转化率"], r["总成交成本"],
            carts, favs, "阿明",
        ])
    return excel_csv(rows)


# 引力魔方, as its own report was laid out before 万相台无界 (报表 → 分日, 消耗 for spend,
# 成交订单量 / 成交订单金额). No channel or owner: the team adds 渠道 and 负责人.
def ylmf():
    header = [
        "日期", "消耗", "展现量", "点击量", "点击率", "千次展现成本", "点击成本", "引导访问量",
        "引导访问人数", "深度访问量", "收藏宝贝量", "添加购物车量", "拍下订单量", "拍下订单金额",
        "加购收藏量", "成交订单量", "成交订单金额", "点击转化率", "投资回报率", "渠道", "负责人",
    ]
    days = [
        # date, spend, impressions, clicks, orders, amount
        ("2026-11-24", "960.00", 120500, 2410, 9, "2688.00"),
        ("2026-11-25", "1015.20", 131300, 2298, 7, "1807.00"),
    ]
    rows = [header]
    for d, spend, imp, clk, orders, amount in days:
        r = alimama_rates(imp, clk, spend, orders, amount)
        rows.append([
            d, spend, imp, clk, r["点击率"], r["千次展现花费"], r["平均点击花费"], clk * 2, clk - 120,
            clk // 9, clk // 30, clk // 18, orders + 2, str(Decimal(amount) + 499), clk // 12,
            orders, amount, r["点击转化率"], r["投入产出比"], "引力魔方", "阿明",
        ])
    return excel_csv(rows)


# 淘宝联盟 商家后台 → 效果报表 → 推广效果 (店铺整体, 分天数据) → 下载, saved as CSV, as it comes:
# no impressions (its days have no CTR), and no channel or owner, which the upload gives as
# defaults (README).
def taobaoke():
    header = [
        "日期", "点击量(即进店量)", "点击人数(即进店人数)", "点击转化率(即付款转化率)", "付款人数",
        "付款笔数", "付款件数", "付款金额(元)", "付款佣金支出(元)", "付款服务费支出(元)",
        "付款支出费用(元)", "付款佣金率", "确认收货笔数", "确认收货金额(元)", "结算笔数",
        "结算金额(元)", "结算佣金支出(元)", "结算服务费支出(元)", "结算支出费用(元)",
    ]
    days = [
        # date, clicks, visitors, payers, orders, units, amount, commission, service fee
        ("2026-11-24", 860, 702, 25, 27, 31, "3105.00", "155.25", "0.00"),
        ("2026-11-25", 913, 744, 29, 30, 36, "3480.60", "174.03", "0.00"),
    ]
    rows = [header]
    for d, clk, uv, payers, orders, units, amount, fee, service in days:
        paid_cost = Decimal(fee) + Decimal(service)
        rows.append([
            d, clk, uv, pct(orders, clk), payers, orders, units, amount, fee, service,
            str(paid_cost), pct(Decimal(fee), Decimal(amount)), orders - 3,
            str(places(Decimal(amount) * Decimal("0.88"), 2)), orders - 4,
            str(places(Decimal(amount) * Decimal("0.85"), 2)), "120.00", "0.00", "120.00",
        ])
    return excel_csv(rows)


# 京东商智 → 交易 → 交易概况 → 下载 (.xls), saved as CSV: a 合计 row under the header.
def jd_shangzhi():
    header = [
        "日期", "访客数", "浏览量", "下单客户数", "下单单量", "下单商品件数", "下单金额",
        "下单转化率", "成交客户数", "成交单量", "成交商品件数", "成交金额", "成交转化率", "客单价",
    ]
    days = [
        # date, visitors, views, buyers, orders, units, amount
        ("2026-11-23", 3120, 9672, 81, 88, 104, "15390.00"),
        ("2026-11-24", 2988, 8964, 77, 80, 95, "14011.20"),
        ("2026-11-25", 3307, 10583, 90, 97, 118, "17550.75"),
    ]

    def line(d, v, pv, buyers, orders, units, amount):
        amount = Decimal(amount)
        return [
            d, v, pv, buyers + 9, orders + 10, units + 12, thousands(amount + 1800),
            pct(buyers + 9, v), buyers, orders, units, thousands(amount), pct(buyers, v),
            ratio(amount, buyers, 2),
        ]

    sums = [sum(day[i] for day in days) for i in range(1, 6)]
    total = sum(Decimal(day[6]) for day in days)
    rows = [header, line("合计", *sums, total)]
    rows += [line(*day) for day in days]
    return excel_csv(rows)


# 抖店罗盘 → 自助取数 → 店铺 (every metric ticked, by day) → 下载 (.xlsx), saved as CSV.
# 统计日期 is the range asked for, 日期 the day: shopops reads the day (README).
def douyin_compass():
    header = [
        "统计日期", "日期", "店铺名称", "成交金额", "用户支付金额", "成交订单数", "成交人数",
        "结算金额", "退款金额（支付时间）", "退款金额（退款时间）", "退款订单数（支付时间）",
        "退款订单数（退款时间）", "商品曝光人数", "商品点击人数", "投放消耗（店铺被投）",
        "支出金额（店铺被投）", "平台佣金（财务已结算）", "达人佣金（财务已结算）",
        "投放贡献成交金额", "净成交金额", "投放贡献成交占比",
    ]
    days = [
        # day, amount, paid by users, orders, buyers, exposed, clicked
        ("20261123", "21568.40", "19870.10", 402, 351, 48210, 6130),
        ("20261124", "19932.00", "18410.55", 377, 330, 45877, 5866),
        ("20261125", "23311.90", "21502.35", 431, 379, 51302, 6597),
    ]
    rows = [header]
    for day, amount, paid, orders, buyers, exposed, clicked in days:
        amount = Decimal(amount)
        ad = places(amount * Decimal("0.61"), 2)
        rows.append([
            "20261123-20261125", day, "示范旗舰店", str(amount), paid, orders, buyers,
            str(places(amount * Decimal("0.9"), 2)), "812.00", "655.30", 14, 11, exposed, clicked,
            "3120.00", "3120.00", "1078.42", "0.00", str(ad), str(amount - Decimal("812.00")),
            repr(float(ad / amount)),
        ])
    return excel_csv(rows)


SAMPLES = {
    "sycm-shop.csv": sycm_shop,
    "sycm-products.csv": sycm_products,
    "chitu-agents.csv": chitu_agents,
    "ztc.csv": ztc,
    "ylmf.csv": ylmf,
    "taobaoke.csv": taobaoke,
    "jd-shangzhi.csv": jd_shangzhi,
    "douyin-compass.csv": douyin_compass,
}


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, make in SAMPLES.items():
        path, data = HERE / name, make()
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
    if stale:
        print("differ from make.py:", ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
