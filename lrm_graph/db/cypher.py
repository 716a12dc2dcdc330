"""Load the named, parameterised queries kept as `.cypher` files under `cypher/`.

A rule that many queries apply (an expert is screened) is written once, as a fragment in
`cypher/fragments/`, and a query that applies it writes `{{name(argument, ...)}}` where the
rule goes: the loader splices the fragment in, its placeholders (`{expert}`) replaced by
the arguments, which may only be the query's own variables or `$parameters`. A fragment
may use another the same way (a rule built on a rule), never itself.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import LiteralString, cast

from neo4j import Query

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"  # the repository root
FRAGMENTS = "fragments"

FRAGMENT_USE = re.compile(r"\{\{\s*(\w+)\(([^(){}]*)\)\s*\}\}")
FRAGMENT_HEAD = re.compile(r"// Fragment: (\w+)\(([\w, ]*)\)\n")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
ARGUMENT = re.compile(r"\$?[A-Za-z_]\w*")  # a variable or a $parameter, never a value


def source(name: str) -> str:
    """Return `cypher/<name>.cypher` as written, its header comment and fragment uses kept."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents:
        raise ValueError(f"query name outside cypher/: {name!r}")
    return path.read_text(encoding="utf-8")


@cache
def text(name: str) -> str:
    """Return the text of `cypher/<name>.cypher` with its fragments spliced in."""
    return splice(source(name))


def splice(query: str) -> str:
    """Replace each `{{fragment(arguments)}}` in a query's text by the fragment."""
    spliced = FRAGMENT_USE.sub(_fragment_for, query)
    if "{{" in spliced:
        raise ValueError("a fragment use must read {{name(argument, ...)}}")
    return spliced


def _fragment_for(use: re.Match[str]) -> str:
    name, arguments = use.group(1), [a.strip() for a in use.group(2).split(",")]
    placeholders, body = fragment(name)
    if len(arguments) != len(placeholders) or not all(map(ARGUMENT.fullmatch, arguments)):
        wanted = ", ".join(placeholders)
        raise ValueError(f"{use.group(0)}: {name} takes ({wanted}), each a variable or $param")
    bound = dict(zip(placeholders, arguments, strict=True))
    return "(" + splice(PLACEHOLDER.sub(lambda p: bound[p.group(1)], body)) + ")"


@cache
def fragment(name: str) -> tuple[tuple[str, ...], str]:
    """Return a fragment's placeholders and its body (its comment lines left out)."""
    try:
        written = source(f"{FRAGMENTS}/{name}")
    except FileNotFoundError:
        raise ValueError(f"no fragment {name!r} in cypher/{FRAGMENTS}/") from None
    head = FRAGMENT_HEAD.match(written)
    if head is None or head.group(1) != name:
        raise ValueError(f"{FRAGMENTS}/{name}.cypher must open with // Fragment: {name}(...)")
    placeholders = tuple(p.strip() for p in head.group(2).split(","))
    lines = [line.strip() for line in written.splitlines()]
    body = " ".join(line for line in lines if line and not line.startswith("//"))
    unknown = set(PLACEHOLDER.findall(body)) - set(placeholders)
    if unknown or "//" in body:
        raise ValueError(f"{name}: a fragment's body is one expression over its placeholders")
    if "{{" + name + "(" in body.replace(" ", ""):
        raise ValueError(f"{name}: a fragment may not use itself")
    return placeholders, body


def load(name: str, timeout: float | None = None) -> Query:
    """Return the named query, ready for the driver, with an optional timeout in seconds."""
    # The only cast of query text to LiteralString: the text (fragments included) comes from
    # files in this repository, selected by names in our code; every value goes in as a
    # $parameter, and a fragment's arguments can only be variables or $parameters.
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
    """Return the name of every query file (fragments are parts of queries, not queries)."""
    return sorted(
        str(p.relative_to(CYPHER_DIR).with_suffix(""))
        for p in CYPHER_DIR.rglob("*.cypher")
        if p.parent.name != FRAGMENTS
    )


def fragment_names() -> list[str]:
    """Return the name of every fragment file."""
    return sorted(p.stem for p in (CYPHER_DIR / FRAGMENTS).glob("*.cypher"))
