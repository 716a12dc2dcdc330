"""Every setting is documented in README.md: its name, its environment variable, a default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import AliasChoices

from lrm_graph.config import REPO_ROOT, Settings

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def environment_variables(name: str) -> list[str]:
    """Return the variables a field reads: its aliases, else LRM_<NAME>."""
    alias = Settings.model_fields[name].validation_alias
    if isinstance(alias, AliasChoices):
        return [choice for choice in alias.choices if isinstance(choice, str)]
    if isinstance(alias, str):
        return [alias]
    return [f"LRM_{name.upper()}"]


def written_default(value: Any) -> str | None:
    """Return how README.md writes a default (None: a path, described in words)."""
    if value is None:
        return "unset"
    if isinstance(value, Path):
        return None
    if isinstance(value, float):
        return f"`{value:g}`"
    if isinstance(value, tuple):
        return f"`{json.dumps(list(value), separators=(',', ':'))}`"
    return f"`{value}`"


def readme_row(name: str) -> str:
    rows = [line for line in README.splitlines() if line.startswith(f"| `{name}` |")]
    assert len(rows) == 1, f"README.md needs one row for the setting `{name}`"
    return rows[0]


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_in_readme_with_its_environment_variables(name: str) -> None:
    row = readme_row(name)
    for variable in environment_variables(name):
        assert f"`{variable}`" in row, f"README.md's row for `{name}` lacks `{variable}`"
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 4 and all(cells), f"README.md's row for `{name}` has an empty cell"


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_default_in_readme(name: str) -> None:
    cells = [cell.strip() for cell in readme_row(name).strip("|").split("|")]
    expected = written_default(Settings.model_fields[name].default)
    if expected is not None:
        assert cells[2] == expected, f"README.md gives `{name}` the default {cells[2]}"
