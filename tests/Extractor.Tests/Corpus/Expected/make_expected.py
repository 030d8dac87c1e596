#!/usr/bin/env python3
"""Expected facts of whole tables of real disclosures (../shared/corpus/real), from the printed page.

Reads each page with `pdftotext -layout` (poppler) and nothing else: no code of the extractor. What is
written by hand is the SPEC below: for each table, its pages, where its body starts, and for each page
the text column at which each amount column ends (right-aligned amounts), read off the layout text and
checked against the page rendered with pdftoppm. The script then takes every amount of the body:

- an amount is a number with a decimal point (`19,572.91`, `0.00`); it belongs to the column whose
  end is within 4 characters of its own end, and there must be exactly one such column;
- `classified` tables: a row is a code (one column, or 类 | 款 | 项 columns: a 款 printed alone
  hangs under the 类 above), a name, amounts; a line with text but no code and no amount
  continues the name of the row above (names wrapped in their cell);
- `summary` tables: each line holds a 收入 item left of `split` (per page where it moves) and a 支出
  item right of it, each a name, a 行次 where printed, its amounts;
- `single` tables (the “三公” table): one line of amounts, each end naming its section and column.

Before writing, it checks that every amount of each body was taken exactly once, and prints the
arithmetic of every table (row totals, 合计 = Σ类, 类 = Σ款, 款 = Σ项, summary totals) for review;
differences are the documents' own (rounding) and the values stay as printed.

Output: one CSV per PDF beside this script, columns table,section,line_no,code,name,column,value,unit,page.
Run: python3 make_expected.py [CORPUS_DIR]   (default ../../../../../shared/corpus/real)
"""
import csv
import os
import re
import subprocess
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
AMOUNT = re.compile(r"(?<![\d.,])-?\d[\d,]*\.\d+%?")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])")

# The hand-written part. cols: {page: {end column: canonical column}}; for single tables
# {page: {end column: (section, canonical column)}}.
SPEC = {
    "national-xinfangju-2024-dept-final.pdf": [
        dict(table="GK01", kind="summary", pages=[7], start="一、一般公共预算财政拨款收入", split=44, line_no=True,
             cols={7: {41: "金额"}}, right_cols={7: {93: "金额"}}),
        dict(table="GK02", kind="classified", pages=[8], start="合计",
             cols={8: {36: "本年收入合计", 48: "财政拨款收入", 94: "其他收入"}}),
        dict(table="GK03", kind="classified", pages=[9], start="合计",
             cols={9: {38: "本年支出合计", 54: "基本支出", 66: "项目支出"}}),
        # pdftotext prints 9,846.82 of 一般公共预算财政拨款 five characters right of the column's other amounts (the image
        # shows it in that column): both ends are within reach of one end.
        dict(table="GK04", kind="summary", pages=[10], start="一、一般公共预算财政拨款", split=29, line_no=True,
             cols={10: {28: "决算数"}}, right_cols={10: {57: "小计", 69: "一般公共预算财政拨款"}}),
        dict(table="GK05", kind="classified", pages=[11], start="合计",
             cols={11: {50: "小计", 70: "基本支出", 88: "项目支出"}}),
        dict(table="GK09", kind="single", pages=[15],
             cols={15: {6: ("预算数", "合计"), 14: ("预算数", "因公出国（境）费"), 20: ("预算数", "公务用车购置及运行维护费"),
                        36: ("预算数", "公务用车运行费"), 45: ("预算数", "公务接待费"),
                        54: ("决算数", "合计"), 64: ("决算数", "因公出国（境）费"), 71: ("决算数", "公务用车购置及运行维护费"),
                        94: ("决算数", "公务用车运行费"), 104: ("决算数", "公务接待费")}}),
    ],
    "shanghai-putuo-ghzy-2024-dept-final.pdf": [
        dict(table="GK01", kind="summary", pages=[7], start="一、一般公共预算财政拨款收入", split=28,
             cols={7: {27: "金额"}}, right_cols={7: {59: "金额"}}),
        # Continued on p9 without a header, its columns printed further left.
        dict(table="GK02", kind="classified", pages=[8, 9], start="合计", continued=None,
             cols={8: {35: "本年收入合计", 47: "财政拨款收入"}, 9: {31: "本年收入合计", 41: "财政拨款收入"}}),
        dict(table="GK03", kind="classified", pages=[10, 11], start="合计", continued=None,
             cols={10: {33: "本年支出合计", 44: "基本支出", 55: "项目支出"}, 11: {31: "本年支出合计", 41: "基本支出", 51: "项目支出"}}),
        # 预算数 and 决算数 side by side under each column, in the printed order.
        dict(table="GK09", kind="single", pages=[17],
             cols={17: {9: ("预算数", "合计"), 14: ("决算数", "合计"), 19: ("预算数", "因公出国（境）费"), 24: ("决算数", "因公出国（境）费"),
                        30: ("预算数", "公务用车购置及运行维护费"), 48: ("决算数", "公务用车购置及运行维护费"),
                        56: ("预算数", "公务用车购置费"), 64: ("决算数", "公务用车购置费"), 72: ("预算数", "公务用车运行费"),
                        80: ("决算数", "公务用车运行费"), 88: ("预算数", "公务接待费"), 96: ("决算数", "公务接待费")}}),
    ],
    "fujian-quanzhou-gaj-2026-dept-budget.pdf": [
        dict(table="YS01", kind="summary", pages=[10], start="一、一般公共预算拨款收入", split=31,
             cols={10: {30: "预算数"}}, right_cols={10: {61: "预算数"}}),
        # Rows are the department's units, without codes; 总计 → 合计, 上年结转结余 → 上年结转.
        dict(table="YS02", kind="classified", pages=[11], start="合计",
             cols={11: {26: "合计", 38: "一般公共预算拨款收入", 48: "政府性基金预算拨款收入", 60: "国有资本经营预算拨款收入",
                        69: "财政专户管理资金收入", 77: "事业收入", 86: "事业单位经营收入", 95: "上级补助收入",
                        104: "附属单位上缴收入", 114: "其他收入", 125: "上年结转"}}),
        # 小计 | 基本支出 | 项目支出 | 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出 (the page image gives the order).
        dict(table="YS03", kind="classified", pages=[12], start="合计",
             cols={12: {40: "合计", 56: "基本支出", 68: "项目支出", 81: "事业单位经营支出", 92: "上缴上级支出", 106: "对附属单位补助支出"}}),
        dict(table="YS04", kind="summary", pages=[13], start="一、一般公共预算拨款收入", split=30,
             cols={13: {26: "预算数"}}, right_cols={13: {59: "预算数"}}),
        dict(table="YS05", kind="classified", pages=[14], start="合计",
             cols={14: {39: "合计", 51: "基本支出", 63: "项目支出"}}),
    ],
    "hunan-changsha-xfj-2026-dept-budget.pdf": [
        dict(table="YS01", kind="summary", pages=[12], start="一、本级财政拨款收入", split=42,
             cols={12: {42: "预算数"}}, right_cols={12: {87: "预算数"}}),
        # Over two pages, the header repeated; 金额 → 预算数.
        dict(table="YS04", kind="summary", pages=[15, 16], start="一、本年收入", split={15: 34, 16: 39},
             cols={15: {33: "预算数"}, 16: {38: "预算数"}},
             right_cols={15: {61: "合计", 74: "一般公共预算"}, 16: {74: "合计", 87: "一般公共预算"}}),
        # Codes in 类 | 款 | 项 columns; 信访事务 prints its 款 alone.
        dict(table="YS03", kind="classified", pages=[14], start="合计",
             cols={14: {56: "合计", 69: "基本支出", 83: "项目支出"}}),
        dict(table="YS05", kind="classified", pages=[17], start="合计",
             cols={17: {64: "合计", 80: "基本支出", 96: "项目支出"}}),
    ],
}


def page_text(pdf, page):
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    return out.split("\n")


def clean(name):
    return re.sub(r"\s+", "", name)


def strip_ordinal(name):
    return ORDINAL.sub("", name, count=1)


def column_of(end, cols, where):
    hits = [c for e, c in cols.items() if abs(e - end) <= 4]
    assert len(hits) == 1, f"{where}: an amount ending at {end} matches {hits} of {cols}"
    return hits[0]


def body(lines, start):
    """The lines of a table's body on one page: from the line holding `start` to the 注 line or the page number."""
    begin = 0
    if start is not None:
        begin = next(i for i, l in enumerate(lines) if start in l)
    result = []
    for line in lines[begin:]:
        s = line.strip()
        if s.startswith("注") or re.fullmatch(r"\d+", s):
            break
        result.append(line)
    return result


def amounts(line):
    return [(m.group(), m.start(), m.end()) for m in AMOUNT.finditer(line)]


def value(text):
    return text.replace(",", "").rstrip("%")


def classified(spec, pdf, lines_of):
    facts, rows = [], []
    parent = {}
    for page in spec["pages"]:
        cols = spec["cols"][page]
        for line in body(lines_of(page), spec.get("start") if page == spec["pages"][0] else spec.get("continued")):
            found = amounts(line)
            text = line[: found[0][1]] if found else line
            codes = re.match(r"\s*((?:\d+\s+)*)(.*)$", text)
            tokens = codes.group(1).split()
            name = clean(codes.group(2))
            if not tokens and not found:
                if name and rows:
                    rows[-1]["name"] += name  # a wrapped name goes on under its row
                continue
            if not tokens and not name:
                raise AssertionError(f"{pdf} p{page}: amounts without a row: {line!r}")
            code = ""
            if tokens:
                joined = "".join(tokens)
                if len(tokens[0]) == 2 and len(tokens) == 1:  # a 款 printed alone, under the 类 above
                    joined = parent[3] + tokens[0]
                code = joined
                parent[len(code)] = code
            row = dict(code=code, name=name, page=page, values={})
            for text_value, _, end in found:
                column = column_of(end, cols, f"{pdf} p{page} {line.strip()!r}")
                assert column not in row["values"], f"{pdf} p{page}: two amounts in {column}: {line!r}"
                row["values"][column] = text_value
            rows.append(row)
    for row in rows:
        for column, text_value in row["values"].items():
            facts.append(dict(section="", line_no="", code=row["code"], name=strip_ordinal(row["name"]), column=column,
                              value=value(text_value), unit=spec.get("unit", "万元"), page=row["page"]))
    return facts, rows


def summary(spec, pdf, lines_of):
    facts = []
    for page in spec["pages"]:
        split = spec["split"][page] if isinstance(spec["split"], dict) else spec["split"]
        start = spec["start"] if page == spec["pages"][0] else spec.get("continued")
        for line in body(lines_of(page), start):
            for section, half, cols, offset in (("收入", line[:split], spec["cols"][page], 0),
                                                 ("支出", line[split:], spec["right_cols"][page], split)):
                found = amounts(half)
                text = half[: found[0][1]] if found else half
                line_no = ""
                if spec.get("line_no"):
                    m = re.search(r"(\d+)\s*$", text)
                    if m:
                        line_no, text = m.group(1), text[: m.start()]
                name = clean(text)
                if not found:
                    continue
                assert name, f"{pdf} p{page}: an amount without a name: {line!r}"
                for text_value, _, end in found:
                    column = column_of(end + offset, cols, f"{pdf} p{page} {half.strip()!r}")
                    facts.append(dict(section=section, line_no=line_no, code="", name=strip_ordinal(name), column=column,
                                      value=value(text_value), unit=spec.get("unit", "万元"), page=page))
    return facts


def single(spec, pdf, lines_of):
    facts = []
    for page in spec["pages"]:
        cols = spec["cols"][page]
        rows = [l for l in lines_of(page) if amounts(l) and not l.strip().startswith("注")]
        assert len(rows) == 1, f"{pdf} p{page}: {len(rows)} lines of amounts, expected one"
        for text_value, _, end in amounts(rows[0]):
            section, column = column_of(end, cols, f"{pdf} p{page}")
            facts.append(dict(section=section, line_no="", code="", name="", column=column, value=value(text_value),
                              unit=spec.get("unit", "万元"), page=page))
    return facts


def every_amount_taken(spec, pdf, lines_of, facts):
    """Each amount printed in the body is one fact, none left out, none twice."""
    printed = []
    for page in spec["pages"]:
        start = spec.get("start") if page == spec["pages"][0] else spec.get("continued")
        lines = body(lines_of(page), start) if spec["kind"] != "single" else \
            [l for l in lines_of(page) if amounts(l) and not l.strip().startswith("注")]
        printed += [(page, value(a)) for line in lines for a, _, _ in amounts(line)]
    taken = [(f["page"], f["value"]) for f in facts]
    assert sorted(printed) == sorted(taken), f"{pdf} {spec['table']}: printed {sorted(printed)} vs taken {sorted(taken)}"


def review(spec, facts, rows):
    """Prints the arithmetic a reviewer checks; differences are the document's own."""
    d = lambda x: Decimal(x)
    table = spec["table"]
    notes = []
    if spec["kind"] == "classified":
        columns = list(dict.fromkeys(c for r in rows for c in r["values"]))
        for column in columns:
            for r in rows:
                children = [c for c in rows if c["code"] and len(c["code"]) > len(r["code"]) and c["code"].startswith(r["code"])
                            and len(c["code"]) == min((len(x["code"]) for x in rows if x["code"].startswith(r["code"]) and len(x["code"]) > len(r["code"])), default=0)]
                if not r["code"]:
                    children = [c for c in rows if len(c["code"]) == 3]
                if children and column in r["values"]:
                    total = sum(d(value(c["values"].get(column, "0"))) for c in children)
                    if total != d(value(r["values"][column])):
                        notes.append(f"{table} {r['code'] or r['name']} {column}: printed {r['values'][column]}, parts {total}")
        total_column = columns[0]
        for r in rows:
            parts = sum(d(value(v)) for c, v in r["values"].items() if c != total_column)
            if total_column in r["values"] and parts and parts != d(value(r["values"][total_column])):
                notes.append(f"{table} {r['code'] or r['name']}: {total_column} {r['values'][total_column]}, other columns {parts}")
    elif spec["kind"] == "summary":
        for section in ("收入", "支出"):
            items = [f for f in facts if f["section"] == section]
            print(f"  {table} {section}: " + ", ".join(f"{f['line_no']} {f['name']} {f['value']}" for f in items))
    elif spec["kind"] == "single":
        for section in dict.fromkeys(f["section"] for f in facts):
            v = {f["column"]: d(f["value"]) for f in facts if f["section"] == section}
            parts = v.get("因公出国（境）费", 0) + v.get("公务用车购置及运行维护费", 0) + v.get("公务接待费", 0)
            notes.append(f"{table} {section}: 合计 {v.get('合计')} = parts {parts}; vehicles {v.get('公务用车购置及运行维护费')} = "
                         f"{v.get('公务用车购置费', 0) + v.get('公务用车运行费', 0)}")
    for n in notes:
        print("  " + n)


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "corpus", "real")
    for pdf_name, specs in SPEC.items():
        pdf = os.path.join(corpus, pdf_name)
        cache = {}
        lines_of = lambda p: cache.setdefault(p, page_text(pdf, p))
        out = []
        print(pdf_name)
        for spec in specs:
            rows = []
            if spec["kind"] == "classified":
                facts, rows = classified(spec, pdf_name, lines_of)
            elif spec["kind"] == "summary":
                facts = summary(spec, pdf_name, lines_of)
            else:
                facts = single(spec, pdf_name, lines_of)
            every_amount_taken(spec, pdf_name, lines_of, facts)
            print(f"  {spec['table']}: {len(facts)} facts on pages {spec['pages']}")
            review(spec, facts, rows)
            out += [dict(table=spec["table"], **f) for f in facts]
        target = os.path.join(HERE, pdf_name[:-4] + ".csv")
        with open(target, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, ["table", "section", "line_no", "code", "name", "column", "value", "unit", "page"], lineterminator="\n")
            w.writeheader()
            w.writerows(out)
        print(f"  wrote {os.path.relpath(target, HERE)}: {len(out)} facts")


if __name__ == "__main__":
    main()
