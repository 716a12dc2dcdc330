"""The problem report of a OneRoster set, as `lrm import oneroster` prints it: a table (one
problem a line, knock-ons folded under their cause), JSON, or CSV (one row per problem,
knock-ons naming their cause).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("table", "json", "csv")
FOLDED_SHOWN = 3  # knock-ons shown under a cause in the table; the rest are counted
CSV_COLUMNS = ("severity", "code", "file", "line", "column", "value", "message", "cause")


def render(report: dict[str, Any], form: str) -> str:
    """Return the report in `form` (table, json or csv)."""
    if form == "json":
        return json.dumps(report, indent=2, default=str)
    if form == "csv":
        return _csv(report)
    return _table(report)


def _where(problem: dict[str, Any]) -> str:
    where = problem["file"] + (f":{problem['line']}" if problem["line"] is not None else "")
    return where + (f" {problem['column']}" if problem["column"] else "")


def _line(problem: dict[str, Any]) -> str:
    value = f" [{problem['value']}]" if problem.get("value") else ""
    kind = f"{problem['severity']:<7} {problem['code']:<18}"
    return f"{kind} {_where(problem)}{value}: {problem['message']}"


def _table(report: dict[str, Any]) -> str:
    lines = [f"{report['errors']} errors, {report['warnings']} warnings"]
    for name, n in report["files"].items():
        lines.append(
            f"  {name}: {n['rows']} rows, {n['skipped']} skipped, {n['taken_out']} taken out"
        )
    for problem in report["problems"]:
        lines.append(_line(problem))
        folded = problem["knock_ons"]
        lines += ["    <- " + _line(k) for k in folded[:FOLDED_SHOWN]]
        if len(folded) > FOLDED_SHOWN:
            lines.append(f"    <- and {len(folded) - FOLDED_SHOWN} more because of it")
    return "\n".join(lines)


def _csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for problem in report["problems"]:
        writer.writerow(problem | {"cause": ""})
        for knock_on in problem["knock_ons"]:
            writer.writerow(knock_on | {"cause": _where(problem)})
    return out.getvalue().rstrip("\n")
