"""Render rows (a list of dicts) as a rich table, CSV or JSON: one look for every listing.

Shared by the reports and the analytics, in the CLI and in CSV downloads. A cell that
holds a list becomes its items joined by "; ", a map becomes "key=value, ..." pairs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lrm_graph.errors import InvalidInput

FORMATS = ("table", "csv", "json")
TABLE_WIDTH = 160
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
# a leading apostrophe keeps names such as "=cmd|..." plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = Mapping[str, Any]
# A node's uid (32 hex digits), and a relationship's (its start node's uid, a dot, 16 more).
UID = re.compile(r"\b([0-9a-f]{8})[0-9a-f]{24}(?:\.([0-9a-f]{4})[0-9a-f]{12})?\b")

__all__ = [
    "FORMATS",
    "cell",
    "columns_of",
    "csv_text",
    "json_text",
    "render",
    "short_uids",
    "table_text",
]


def columns_of(rows: Iterable[Row]) -> list[str]:
    """Return every key the rows use, in the order they first appear."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def cell(value: Any) -> str:
    """Return the text of one value as a table or CSV cell shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={cell(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(cell(v) for v in value)
    return str(value)


def short_uids(text: str) -> str:
    """Return `text` with each uid cut to its first 8 digits (a relationship's: 8.4), as a
    table shows them: a whole one takes three lines of a narrow column."""
    return UID.sub(lambda m: m[1] + (f".{m[2]}" if m[2] else ""), text)


def _csv_cell(value: Any) -> Any:
    text = cell(value)
    if not isinstance(value, int | float) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_text(rows: Iterable[Row], columns: Sequence[str], header: bool = True) -> str:
    """Return the rows as CSV with a header line (unless `header` is false: a page of a
    longer CSV); a key not in `columns` is left out."""
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, Enum):
        return value.value
    return str(value)


def ndjson_text(rows: Iterable[Row]) -> str:
    """Return the rows as NDJSON: one compact JSON object a line (dates as ISO text)."""
    return "".join(
        json.dumps(row, default=_json_default, ensure_ascii=False) + "\n" for row in rows
    )


def json_text(value: Any) -> str:
    """Return any value made of rows, lists and maps as indented JSON (dates as ISO text)."""
    return json.dumps(value, default=_json_default, indent=2, ensure_ascii=False) + "\n"


def table_text(
    rows: Iterable[Row], columns: Sequence[str], *, title: str | None = None, wide: bool = False
) -> str:
    """Return the rows as a rich table drawn in plain text, uids cut short unless `wide`."""
    shown = cell if wide else lambda value: short_uids(cell(value))
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Text, not str: a name such as "[b]" must show as typed, not as markup.
        table.add_row(*(Text(shown(row.get(column))) for column in columns))
    out = io.StringIO()
    Console(file=out, width=TABLE_WIDTH, highlight=False, color_system=None).print(table)
    return out.getvalue()


def render(
    rows: Sequence[Row],
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    wide: bool = False,
) -> str:
    """Return the rows as `fmt`: "table" (uids cut short unless `wide`), "csv" or "json"
    (columns default to all keys)."""
    chosen = list(columns) if columns is not None else columns_of(rows)
    if fmt == "table":
        return table_text(rows, chosen, title=title, wide=wide)
    if fmt == "csv":
        return csv_text(rows, chosen)
    if fmt == "json":
        return json_text([{column: row.get(column) for column in chosen} for row in rows])
    raise InvalidInput(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
