"""A report's answer (`lrm_graph.reports.run_report`) as the web app's tables: each
section's columns in words, its rows' cells as text (and a link to the learner or adult a
row is about), one page of rows at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lrm_graph import reports

PAGE_SIZE = 50
HIDDEN_NAME = "a learner you may not see"
# Columns said in words; the others read as their name does ("adult_kind" -> "Adult kind").
HEADINGS = {
    "learner_name": "Learner", "grade_level": "Grade", "adult_name": "Adult",
    "organization_name": "School", "reason": "Why", "relationships": "Caring ties",
    "learners": "Learners", "learners_in_scope": "Your learners", "trusted_since": "Trusted since",
}  # fmt: skip
# The unmentored report's reasons, in words.
REASONS = {"none": "no caring adult", "quiet": "caring ties all quiet",
           "never_logged": "no interaction ever logged",
           "ending": "caring ties ending"}  # fmt: skip
# A column that holds a name links to the page of the node beside it.
LINKS = {"learner_name": ("learner_uid", "/learners/{}"), "adult_name": ("adult_uid", "/adults/{}")}


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    number: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    headings: list[str]
    numbers: list[bool]
    rows: list[list[Cell]]
    total: int
    page: int
    pages: int


def tables(result: dict[str, Any], pages: dict[str, int], size: int = PAGE_SIZE) -> list[Table]:
    """Return each section of a report's answer as a table showing page `pages[section]`
    (from 1) of `size` rows; every row when `size` is 0."""
    found = []
    for section in reports.get(result["report"]).sections:
        rows = result["sections"].get(section.name)
        if rows is None:  # a section left out of this run (`only_when`)
            continue
        columns = [c for c in section.columns if not c.endswith(("_uid", "_uids"))]
        count = max(1, -(-len(rows) // size)) if size else 1
        page = min(max(pages.get(section.name, 1), 1), count)
        shown = rows[(page - 1) * size : page * size] if size else rows
        cells = [[_cell(row, column) for column in columns] for row in shown]
        numbers = [bool(cells) and all(r[i].number for r in cells) for i in range(len(columns))]
        headings = [HEADINGS.get(c, c.replace("_", " ").capitalize()) for c in columns]
        found.append(Table(section.name, section.title, headings, numbers, cells, len(rows),
                           page, count))  # fmt: skip
    return found


def _cell(row: dict[str, Any], column: str) -> Cell:
    value = row.get(column)
    if column in LINKS:
        uid_column, page = LINKS[column]
        if value is None and column == "learner_name":
            return Cell(HIDDEN_NAME)
        return Cell(str(value or ""), page.format(row[uid_column]) if value else None)
    if column == "reason" and value in REASONS:
        return Cell(REASONS[value])
    if isinstance(value, bool) or value is None:
        return Cell({True: "yes", False: "no", None: ""}[value])
    if isinstance(value, int | float):
        shown = f"{value:.0%}" if column.startswith("share_") else str(value)
        return Cell(shown, number=True)
    return Cell(_text(value))


def _text(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%-d %b %Y")
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    if isinstance(value, dict):  # a relationship at risk
        who = value.get("adult_name") or "an adult"
        words = str(value.get("type", "")).lower().replace("_", " ")
        return f"{who} ({words}, {value.get('risk', '')})" if value.get("risk") else who
    return str(value).replace("_", " ")


def described(result: dict[str, Any]) -> str:
    """Return a report's description with the value of each option it names (`days`)."""
    text = str(result["description"])
    for option, value in result["parameters"].items():
        if value is None:  # not asked for: the sentence reads without it
            text = text.replace(f" (`{option}`)", "")
        text = text.replace(f"`{option}`", str(value))
    return text.replace("`", "")
