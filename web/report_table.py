"""A report's answer (`lrm_graph.reports.run_report`) as the web app's tables: each
section's columns in words, its rows' cells as text (and a link to the learner or adult a
row is about), the cursor of the section's next page, and the summary's counts per
school, grade and reason as one table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lrm_graph import reports

PAGE_SIZE = 50  # rows of each section in a page, unless the form asks for another number
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
# The columns whose rows a summary counts in words: a section about learners, or with a
# reason or a status (a coverage group is one row per school and grade: nothing to count).
COUNTED_BY = ("learner_uid", "reason", "status")


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
    total: int | None  # rows in the whole list (the summary's; None on a later page)
    next_cursor: str | None  # the cursor of this section's next page; None: the last page


@dataclass(frozen=True)
class Counts:
    """The summary as a table: a row per school and grade, a column per list and reason."""

    columns: list[str]  # headings, in words
    reasons: list[str | None]  # the reason of each column (None: the list's every row)
    rows: list[tuple[str | None, str | None, str | None, list[int]]]  # uid, name, grade, counts


def tables(result: dict[str, Any]) -> list[Table]:
    """Return each section a report's answer lists (the page it holds) as a table."""
    found = []
    totals = (result.get("summary") or {}).get("total", {})
    for section in reports.get(result["report"]).sections:
        rows = result["sections"].get(section.name)
        if rows is None:  # left out of this run (`only_when`), or not paged by the cursor
            continue
        columns = [c for c in section.columns if not c.endswith(("_uid", "_uids"))]
        cells = [[_cell(row, column) for column in columns] for row in rows]
        numbers = [bool(cells) and all(r[i].number for r in cells) for i in range(len(columns))]
        headings = [HEADINGS.get(c, c.replace("_", " ").capitalize()) for c in columns]
        found.append(Table(section.name, section.title, headings, numbers, cells,
                           totals.get(section.name),
                           result["next_cursors"].get(section.name)))  # fmt: skip
    return found


def counts(result: dict[str, Any]) -> Counts | None:
    """Return the summary's counts as a table (None: no summary, or nothing it counts)."""
    summary = result.get("summary")
    report = reports.get(result["report"])
    counted = {s.name for s in report.sections if set(COUNTED_BY) & set(s.columns)}
    if not summary:
        return None
    kept = [row for row in summary["counts"] if row["section"] in counted]
    sections = [s.name for s in report.sections]
    keys = sorted({(row["section"], row["reason"]) for row in kept},
                  key=lambda k: (sections.index(k[0]), _reason_order(k[1])))  # fmt: skip
    if not keys:
        return None
    places: dict[tuple[str | None, str | None, str | None], list[int]] = {}
    for row in kept:
        place = (row["school_uid"], row["school_name"], row["grade_level"])
        numbers = places.setdefault(place, [0] * len(keys))
        numbers[keys.index((row["section"], row["reason"]))] += row["count"]
    columns = [_said(REASONS.get(reason, reason)) if reason else report.section(section).title
               for section, reason in keys]  # fmt: skip
    order = sorted(places, key=lambda p: (p[1] or "~", p[2] or "", p[0] or ""))
    return Counts(columns, [reason for _, reason in keys],
                  [(*place, places[place]) for place in order])  # fmt: skip


def adults_named(result: dict[str, Any]) -> list[tuple[str, str]]:
    """Return the (uid, name) of each adult a page of a report names, by name: the ones a
    person may ask "who would be left if this adult left?" about."""
    found = {
        row["adult_uid"]: row.get("adult_name") or row["adult_uid"]
        for rows in result["sections"].values()
        for row in rows or ()
        if row.get("adult_uid")
    }
    return sorted(found.items(), key=lambda item: (item[1], item[0]))


def _reason_order(reason: str | None) -> tuple[int, str]:
    known = list(REASONS)
    return (known.index(reason), "") if reason in known else (len(known), reason or "")


def _said(words: str) -> str:
    return words[:1].upper() + words[1:]


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
