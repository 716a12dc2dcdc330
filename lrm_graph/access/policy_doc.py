"""Render the policy tables of `lrm_graph.access.policy` (and the grants of
`lrm_graph.access.grants`) as the Markdown of docs/access-policy.md.

The code is the truth; the page is rendered from it (`python -m lrm_graph.access.policy_doc
> docs/access-policy.md`) and tests/access/test_policy_doc.py fails when they differ.
"""

from __future__ import annotations

from collections.abc import Iterable

from lrm_graph.access import grants
from lrm_graph.access.policy import (
    _AUDIENCES,
    BULK_SCOPES,
    CASELOAD,
    CHANGE,
    CREATE,
    ERASE_LEARNER,
    REACHES,
    READ,
    WRITE,
    Audience,
    Reach,
)
from lrm_graph.vocabulary import NodeKind, RelType


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _names(items: Iterable[object]) -> str:
    names = sorted(str(getattr(item, "value", item)) for item in items)
    return ", ".join(names) if names else "-"


def _reach(reach: Reach) -> str:
    return "-" if reach is Reach.NONE else reach.value


KEYS = {Audience.DISTRICT: "; an API key of no organization",
        Audience.ORGANIZATION: "; an API key of one organization"}  # fmt: skip


def _types(types: frozenset[RelType]) -> str:
    return "all" if types == frozenset(RelType) else _names(types)


def _yes(flag: bool) -> str:
    return "yes" if flag else "-"


def _audiences() -> list[str]:
    return _table(
        ("audience", "roles"),
        ((a.value, _names(r for r, to in _AUDIENCES.items() if to is a) + KEYS.get(a, ""))
         for a in Audience),
    )  # fmt: skip


def _records() -> list[str]:
    rows = []
    for kind in NodeKind:
        cells = [f"{_reach(READ[a][kind])} / {_reach(WRITE[a][kind])}" for a in Audience]
        rows.append((kind.value, *cells))
    return _table(("kind", *(a.value for a in Audience)), rows)


def _creating() -> list[str]:
    header = ("audience", "types", "only from themself", "needs a learner they see",
              "other ends in their organization")  # fmt: skip
    rows = [
        (a.value, _types(rule.types), _names(rule.from_self), _yes(rule.needs_learner),
         _yes(rule.ends_in_org))
        for a, rule in ((a, CREATE[a]) for a in Audience)
    ]  # fmt: skip
    return _table(header, rows)


def _changing() -> list[str]:
    rows = []
    for a in Audience:
        rule = CHANGE[a]
        if rule is None:
            rows.append((a.value, "-", "-", "-", "-"))
            continue
        fields = "all" if rule.fields is None else _names(rule.fields)
        which = "their own" if rule.own_only else "any"
        rows.append((a.value, which, _types(rule.types), fields, _yes(rule.may_end)))
    return _table(("audience", "which", "types", "fields", "may end"), rows)


def render() -> str:
    """Return docs/access-policy.md as the code has it."""
    granting = sorted((t.value, start or "any person", end) for t, start, end in grants.GRANTING)
    lines = [
        "# Access policy",
        "",
        "Rendered from `lrm_graph/access/policy.py` and `lrm_graph/access/grants.py` by",
        "`python -m lrm_graph.access.policy_doc`; tests/access/test_policy_doc.py fails when",
        "this page and the code differ. Which learners a caller sees is one query",
        "(`cypher/access/visible_learners.cypher`); everything else follows from the",
        "caller's audience and these tables. Deny by default: what no table grants is",
        "refused, 404 when the caller may not read the record, 403 when they may read it",
        "but not do this.",
        "",
        "## Audiences",
        "",
        *_audiences(),
        "",
        "## Records: read / write, by kind",
        "",
        *_records(),
        "",
        *(f"- *{reach.value}*: {meaning}" for reach, meaning in REACHES.items()),
        f"- Erasing a learner: {_names(ERASE_LEARNER)}. Bulk loads: admins, and API keys "
        f"with a scope of {_names(BULK_SCOPES)}. A roster import: the district, with the "
        "import scope.",
        "",
        "## Relationships: create",
        "",
        *_creating(),
        "",
        "## Relationships: change and end",
        "",
        *_changing(),
        "",
        "## Grants: writes that widen who sees a learner",
        "",
        "A relationship of these kinds shows a learner to someone new; it is allowed only",
        "to a caller entitled to grant that access and is recorded in the audit as `grant`",
        "(`lrm_graph.access.grants`).",
        "",
        *_table(("type", "from", "to"), granting),
        "",
        "## An adult's caseload: read",
        "",
        *_table(("audience", "reach"), ((a.value, _reach(CASELOAD[a])) for a in Audience)),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
