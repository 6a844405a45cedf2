#!/usr/bin/env python3
"""Opens GapKit's report.docx and report.xlsx with independent readers (python-docx, openpyxl)
and checks what a client relies on: the sheet names, the first nonconformity, the plan's dates
are dates and its percentages numbers, the document's headings and every nonconformity id.

    scripts/check-office.py REPORT_DIR [--lang zh-Hans]

The expected figures come from the report's own report.json (written by the same command), so
the check does not repeat GapKit's rules. Exit 0 when every check passes, 1 otherwise.
"""
import csv
import datetime
import json
import sys

import docx
import openpyxl

SHEETS = {
    "en": ["Summary", "Nonconformities", "Observations", "Plan", "Documents", "Answers"],
    "zh-Hans": ["摘要", "不符合项", "观察项", "整改计划", "文件", "全部回答"],
}
SEVERITY_ORDER = {"major": 0, "minor": 1, "observation": 2}

failures = []
passes = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    (passes if condition else failures).append(message)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    folder = argv[1]
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "en"
    with open(f"{folder}/report.json", encoding="utf-8") as f:
        report = json.load(f)
    score, plan = report["score"], report["plan"]
    findings = [q for q in score["questions"] if q.get("finding")]
    nonconformities = [q["id"] for q in findings if q["finding"] in ("major", "minor")]

    book = openpyxl.load_workbook(f"{folder}/report.xlsx")
    check(book.sheetnames == SHEETS[lang], f"xlsx sheets are {book.sheetnames}")
    for sheet in book.worksheets:
        check(sheet.max_row >= 1 and sheet.max_column >= 1, f"sheet {sheet.title}: {sheet.max_row} rows × {sheet.max_column} columns")
    summary, ncs, observations, tracker = book.worksheets[0], book.worksheets[1], book.worksheets[2], book.worksheets[3]
    overall = score["overall"]["score"]
    summary_numbers = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, float)]
    check(any(abs(v - overall) < 1e-9 for v in summary_numbers), f"Summary holds the overall score {overall:.4f} as a number")
    check(ncs.freeze_panes == "A2" and ncs.auto_filter.ref is not None, "Nonconformities: header frozen, filter on")
    ids = [row[0].value for row in ncs.iter_rows(min_row=2)]
    check(sorted(ids) == sorted(nonconformities), f"Nonconformities lists all {len(nonconformities)} of report.json")
    # findings.csv (same command) lists the findings ranked, majors first: its first is the sheet's first.
    try:
        with open(f"{folder}/findings.csv", encoding="utf-8-sig", newline="") as f:
            first_finding = next(csv.DictReader(f))["question"]
        check(ids[:1] == [first_finding], f"the first nonconformity is {first_finding}: {ids[:1]}")
    except FileNotFoundError:
        print("skip first nonconformity: no findings.csv beside the files")
    check(len(list(observations.iter_rows(min_row=2))) == sum(1 for q in findings if q["finding"] == "observation"),
          "Observations lists every observation")
    header = [c.value for c in tracker[1]]
    check(len(header) == 14, f"Plan has {len(header)} columns")
    rows = list(tracker.iter_rows(min_row=2))
    check(len(rows) == len(plan["actions"]), f"Plan has a row for each of the {len(plan['actions'])} actions")
    first = plan["actions"][0]
    start, end = rows[0][8].value, rows[0][9].value
    check(isinstance(start, datetime.datetime) and start.date().isoformat() == first["start_date"],
          f"Plan start of {first['id']} is the date {start}")
    check(isinstance(end, datetime.datetime) and end.date().isoformat() == first["end_date"], f"Plan end is the date {end}")
    check(isinstance(rows[0][11].value, (int, float)) and "%" in rows[0][11].number_format,
          f"% done is a number formatted {rows[0][11].number_format}")
    check(rows[0][12].number_format == "yyyy-mm-dd", "actual completion is formatted as a date")
    lists = [v for v in tracker.data_validations.dataValidation if v.type == "list"]
    check(len(lists) == 1 and str(lists[0].sqref).startswith("K2"), f"status drop-down on {lists[0].sqref if lists else None}")
    answers = book.worksheets[5]
    scores = [row[4].value for row in answers.iter_rows(min_row=2) if row[4].value is not None]
    check(scores and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in scores) and "%" in answers.cell(2, 5).number_format,
          f"Answers: {len(scores)} scores are numbers shown as percentages")
    formulas = [c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]
    check(not formulas, f"no cell holds a formula {formulas[:3]}")

    document = docx.Document(f"{folder}/report.docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    check(len(headings) == 7, f"docx has {len(headings)} Heading 1 sections: {headings}")
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    missing = [i for i in nonconformities if i not in cells]
    check(not missing, f"docx names every nonconformity ({len(nonconformities)}), missing {missing[:3]}")
    check("TOC" in document.element.body.xml, "docx has a TOC field")
    section = document.sections[0]
    footer = section.footer._element.xml
    check("PAGE" in footer and "NUMPAGES" in footer, "footer has page X of Y")
    check(len(document.inline_shapes) >= 3, f"docx has {len(document.inline_shapes)} inline charts and pictures")
    print(f"office: {len(passes)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
