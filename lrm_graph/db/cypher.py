"""Load the named, parameterised queries kept as `.cypher` files under `cypher/`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import LiteralString, cast

from neo4j import Query

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"  # the repository root


@cache
def text(name: str) -> str:
    """Return the text of `cypher/<name>.cypher`, its header comment included."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents:
        raise ValueError(f"query name outside cypher/: {name!r}")
    return path.read_text(encoding="utf-8")


def load(name: str, timeout: float | None = None) -> Query:
    """Return the named query, ready for the driver, with an optional timeout in seconds."""
    # The only cast of query text to LiteralString: the text comes from a file in this
    # repository, selected by a name in our code, and every value goes in as $parameter.
    return Query(cast(LiteralString, text(name)), timeout=timeout)


def literal(name: str) -> LiteralString:
    """Return the named query's text for a transaction's `run` (which takes no `Query`)."""
    # Same reasoning as in `load`: the text is a file of this repository.
    return cast(LiteralString, text(name))


def statements(name: str) -> list[Query]:
    """Split a schema file (the one kind of file that holds several statements)."""
    body = "\n".join(line for line in text(name).splitlines() if not line.lstrip().startswith("//"))
    # Same reasoning as in `load`: the text is a file of this repository.
    return [Query(cast(LiteralString, part.strip())) for part in body.split(";") if part.strip()]


def all_names() -> list[str]:
    """Return the name of every query file, for the test that checks each is used."""
    return sorted(
        str(p.relative_to(CYPHER_DIR).with_suffix("")) for p in CYPHER_DIR.rglob("*.cypher")
    )
