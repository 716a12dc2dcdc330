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


def _header(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if line.startswith("//"))


def _without_comments(source: str) -> str:
    return "\n".join(line.split("//", 1)[0] for line in source.splitlines())


@pytest.mark.parametrize("name", cypher.fragment_names())
def test_fragment_is_headed_and_used(name: str) -> None:
    source = cypher.source(f"fragments/{name}")
    assert source.startswith(f"// Fragment: {name}("), f"fragments/{name} needs its signature"
    assert "Purpose:" in source and "Arguments:" in source, name
    users = [q for q in cypher.all_names() if "{{" + name + "(" in cypher.source(q)]
    assert users, f"fragments/{name}.cypher is used by no query"


@pytest.mark.parametrize("name", cypher.all_names())
def test_query_names_in_its_header_each_fragment_it_uses(name: str) -> None:
    source = cypher.source(name)
    for used in cypher.FRAGMENT_USE.findall(source):
        assert f"fragments/{used[0]}" in _header(source), f"{name} uses {used[0]} unsaid"


# The screened-expert rule in any words: a screening status or expiry compared by hand.
SCREENING_BY_HAND = re.compile(
    r"'cleared'|screening_status\s*(=|<>|IN\b)|screening_expires_on\s*(<|>|=)", re.IGNORECASE
)


def test_no_query_spells_out_the_screening_rule() -> None:
    by_hand = [
        name
        for name in cypher.all_names()
        if SCREENING_BY_HAND.search(_without_comments(cypher.source(name)))
    ]
    assert by_hand == [], f"use {{{{screened(...)}}}} (cypher/fragments/screened): {by_hand}"
    assert SCREENING_BY_HAND.search(cypher.source("fragments/screened"))


def test_splice_binds_the_arguments_and_refuses_anything_but_names() -> None:
    spliced = cypher.splice("MATCH (x) WHERE {{screened(x, $on)}} RETURN x")
    assert "{" not in spliced and "x.screening_status" in spliced and ">= $on" in spliced
    for wrong in (
        "RETURN {{screened(x, '2020-01-01')}}",  # a value, not a $parameter
        "RETURN {{screened(x)}}",  # an argument short
        "RETURN {{screened(x.y, $on)}}",  # not a variable
        "RETURN {{no_such_rule(x, $on)}}",
        "RETURN {{screened x}}",
    ):
        with pytest.raises(ValueError):
            cypher.splice(wrong)


def test_a_fragment_may_use_another() -> None:
    spliced = cypher.splice(
        "MATCH (a)(()-[r]-(n) WHERE {{path_step(r, n, $on, $end, $all, $kinds, $most, $up)}}"
        "){1,2}(b) RETURN a"
    )
    assert "{{" not in spliced and "LIMIT $up" in spliced and "n.uid = $end" in spliced
