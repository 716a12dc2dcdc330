"""What the import tests share: a small generated district, CSV edits, API look-ups, the CLI."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from cli.main import app
from lrm_graph import clock
from lrm_graph.config import Settings, get_settings
from lrm_graph.db.graph import Graph
from lrm_graph.demo.generator import generate
from lrm_graph.imports import oneroster
from tests.cli_env import cli_env

LEARNERS = 60
SEED = 7
runner = CliRunner()


def school_year() -> int:
    """Return a school year whose end (June 11) is still ahead, so enrollments are active."""
    today = clock.today()
    return today.year if (today.month, today.day) > (6, 11) else today.year - 1


def district(out: Path, learners: int = LEARNERS, seed: int = SEED) -> Path:
    """Generate a small district into `out`; return `out`."""
    generate(out, learners=learners, seed=seed, school_year=school_year())
    return out


def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def read(out: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Return a CSV file's header and rows."""
    with (out / name).open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def write(out: Path, name: str, header: list[str], rows: list[dict[str, str]]) -> None:
    with (out / name).open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, header)
        writer.writeheader()
        writer.writerows(rows)


def keep_rows(out: Path, name: str, keep: Any) -> list[dict[str, str]]:
    """Rewrite a CSV file with only the rows `keep(row)` accepts; return the dropped ones."""
    header, rows = read(out, name)
    write(out, name, header, [row for row in rows if keep(row)])
    return [row for row in rows if not keep(row)]


def set_modes(out: Path, version: str = "1.2", **modes: str) -> None:
    """Rewrite manifest.csv: the version, and `file.<name>` modes (others absent)."""
    rows = [{"propertyName": "manifest.version", "value": "1.0"}]
    rows.append({"propertyName": "oneroster.version", "value": version})
    rows += [{"propertyName": f"file.{name}", "value": mode} for name, mode in modes.items()]
    write(out, "manifest.csv", ["propertyName", "value"], rows)


def zipped(out: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(out.glob("*.csv")):
            archive.write(path, f"roster/{path.name}")
    return buffer.getvalue()


def run(graph: Graph, settings: Settings, out: Path) -> dict[str, Any]:
    return oneroster.run(graph, settings, out)


def by_source(client: TestClient, plural: str, source_id: str) -> dict[str, Any]:
    """Return the node of a kind with this source_id (archived ones too), via the API."""
    cursor = None
    while True:
        params = {"limit": 500, "include_archived": True} | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/v1/{plural}", params=params).json()
        for node in page["items"]:
            if node.get("source_id") == source_id:
                return node
        cursor = page.get("next_cursor")
        assert cursor, f"no {plural} with source_id {source_id}"


def count(client: TestClient, plural: str, **params: Any) -> int:
    total, cursor = 0, None
    while True:
        query = {"limit": 500} | params | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/v1/{plural}", params=query).json()
        total += len(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return total


def relationships_of(client: TestClient, uid: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/relationships", params={"node": uid, "limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def lrm(settings: Settings, *args: str, **env: str) -> Result:
    """Run `lrm ...` against the test database with fresh settings (and `env` on top)."""
    get_settings.cache_clear()
    try:
        return runner.invoke(app, list(args), env=cli_env(settings) | env)
    finally:
        get_settings.cache_clear()
