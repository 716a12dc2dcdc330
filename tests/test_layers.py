"""The layer contracts of pyproject.toml hold, and a wrong arrow breaks them.

`lint-imports` (import-linter) checks the imports of lrm_graph, api, cli, web and analytics
against the contracts; `make lint` runs it too. The wrong arrows are made in a copy of the
packages, so the repository itself is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("lrm_graph", "api", "cli", "analytics", "web")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the packages under `root`, with the contracts of its pyproject."""
    env = os.environ | {"PYTHONPATH": str(root)}  # the copy comes before the installed project
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_layer_contracts_are_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# Where the wrong import goes, what it imports, the contract it breaks, how the report
# names the arrow.
WRONG_ARROWS = [
    ("analytics/wrong_arrow.py", "lrm_graph.config", "analytics is a leaf",
     "analytics.wrong_arrow -> lrm_graph.config"),
    ("lrm_graph/wrong_arrow.py", "cli.app", "lrm_graph imports no interface",
     "lrm_graph.wrong_arrow -> cli.app"),
    ("lrm_graph/access/wrong_arrow.py", "lrm_graph.reports", "No cycles between",
     ".access -> .reports"),
    ("api/wrong_arrow.py", "web.pages", "Arrows point down",
     "api.wrong_arrow -> web.pages"),
    ("lrm_graph/wrong_web_arrow.py", "web.session", "lrm_graph imports no interface",
     "lrm_graph.wrong_web_arrow -> web.session"),
    ("api/routes/wrong_arrow.py", "lrm_graph.access.policy", "Routes hold no permission logic",
     "  api.routes.wrong_arrow -> lrm_graph.access.policy"),  # a forbidden import's report
]  # fmt: skip


@pytest.mark.parametrize(("module", "wrong_import", "broken", "arrow"), WRONG_ARROWS)
def test_a_wrong_arrow_breaks_a_contract(
    tmp_path: Path, module: str, wrong_import: str, broken: str, arrow: str
) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / module).write_text(f"import {wrong_import}\n", encoding="utf-8")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    verdicts = [line for line in result.stdout.splitlines() if line.startswith(broken)]
    assert verdicts and " BROKEN" in verdicts[0], result.stdout
    assert f"- {arrow}" in result.stdout, result.stdout


# Routes that still record in the audit themselves, and why (each a step of issue 10 left).
AUDITING_ROUTES: dict[str, str] = {}


def test_no_route_records_in_the_audit_itself() -> None:
    """A route parses, calls one use case and shapes the answer: the audit entry is the use
    case's (`audit.operation`), made in the transaction of the work."""
    recording = sorted(
        path.name
        for path in (ROOT / "api" / "routes").glob("*.py")
        if re.search(r"\baudit\.record(_event)?\(", path.read_text(encoding="utf-8"))
    )
    assert recording == sorted(AUDITING_ROUTES)
