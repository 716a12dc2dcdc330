"""lrm_graph.tabular: rows as a table, CSV or JSON."""

import json
from datetime import UTC, date, datetime

import pytest

from lrm_graph import tabular
from lrm_graph.errors import InvalidInput

ROWS = [
    {"uid": "a", "name": "Ada", "since": date(2025, 9, 1), "roles": ["mentor", "coach"]},
    {"uid": "b", "name": "[b]Bo", "active": True, "at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC)},
]


def test_render_csv_uses_every_key_in_first_seen_order() -> None:
    text = tabular.render(ROWS, "csv")
    assert text.splitlines() == [
        "uid,name,since,roles,active,at",
        "a,Ada,2025-09-01,mentor; coach,,",
        "b,[b]Bo,,,true,2026-01-02T03:04:00+00:00",
    ]


def test_csv_text_keeps_only_given_columns() -> None:
    assert tabular.csv_text(ROWS, ["name"]).splitlines() == ["name", "Ada", "[b]Bo"]


def test_csv_text_defuses_spreadsheet_formulas() -> None:
    rows = [{"name": "=HYPERLINK(1)", "n": -3, "note": "+1"}]
    assert tabular.csv_text(rows, ["name", "n", "note"]).splitlines()[1] == "'=HYPERLINK(1),-3,'+1"


def test_render_json_is_plain_values() -> None:
    assert json.loads(tabular.render(ROWS, "json", ["uid", "since"])) == [
        {"uid": "a", "since": "2025-09-01"},
        {"uid": "b", "since": None},
    ]


def test_render_table_shows_markup_as_typed() -> None:
    text = tabular.render(ROWS, "table", ["uid", "name"], title="People")
    assert "People" in text and "[b]Bo" in text and "Ada" in text


def test_table_cuts_uids_short_unless_wide() -> None:
    node, start = "0123456789abcdef" * 2, "fedcba9876543210" * 2
    rows = [{"uid": node, "relationships": [f"{start}.0011223344556677", "a" * 31]}]
    short = tabular.render(rows, "table")
    assert "01234567 " in short and "fedcba98.0011;" in short and "a" * 31 in short
    assert node not in short and "4556677" not in short
    wide = tabular.render(rows, "table", wide=True)
    assert node in wide and f"{start}.0011223344556677" in wide.replace("\n", "").replace("│", "")


def test_cell_of_a_map_is_key_value_pairs() -> None:
    assert tabular.cell({"type": "MENTORS", "until": None, "n": 2}) == "type=MENTORS, n=2"


def test_render_unknown_format_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        tabular.render(ROWS, "xml")
