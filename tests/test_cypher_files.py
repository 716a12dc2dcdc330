"""Every query is a named, used, headed file; no Python outside tests holds query text."""

import ast
import re
from pathlib import Path

import pytest

from lrm_graph.db import cypher

ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = ("lrm_graph", "api", "analytics")
QUERY_SHAPE = re.compile(
    r"\b(MATCH|MERGE|OPTIONAL MATCH)\s*\(|\bCREATE\s+(\(|CONSTRAINT|INDEX)|\bDETACH DELETE\b"
)


def _python_files() -> list[Path]:
    return [p for d in CODE_DIRS if (ROOT / d).exists() for p in (ROOT / d).rglob("*.py")]


def _code_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in _python_files())


@pytest.mark.parametrize("name", cypher.all_names())
def test_query_file_has_header_and_is_used(name: str) -> None:
    text = cypher.text(name)
    assert text.startswith("// Purpose:"), f"{name}.cypher needs a header comment"
    assert "Parameters:" in text and "Returns:" in text, name
    assert f'"{name}"' in _code_text(), f"{name}.cypher is not used by any module"


def test_no_query_literal_outside_tests() -> None:
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and QUERY_SHAPE.search(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], f"query text belongs in cypher/: {offenders}"


def test_loader_refuses_names_outside_cypher_dir() -> None:
    with pytest.raises(ValueError):
        cypher.text("../pyproject")
