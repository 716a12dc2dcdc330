"""The rules each node label needs in the database, and the neomodel classes that install them.

What a node of each kind holds is declared once, in `lrm_graph.store.fields`. The
database needs two facts per label, both storage decisions kept here beside the schema:
`uid` is unique (so a lookup by label and uid is a seek), and the properties that lookups
by that label filter on, an index each (`INDEXED`). neomodel turns these classes into
those constraints and indexes (`schema.apply`); they declare nothing else, and writes go
through named Cypher (`cypher/nodes/`, `cypher/bulk/`), never through them.
"""

from __future__ import annotations

from typing import Any, cast

from neomodel import StringProperty, StructuredNode, UniqueIdProperty

from lrm_graph.vocabulary import NodeKind

# Every one is a field of its kind in store/fields.py and holds a string (a grade code,
# an enum's value, an industry code): tests/records/test_node_labels.py holds both.
INDEXED: dict[NodeKind, tuple[str, ...]] = {
    NodeKind.LEARNER: ("grade_level",),
    NodeKind.ADULT: (),
    NodeKind.EXPERT: ("screening_status",),
    NodeKind.COMMUNITY: ("kind",),
    NodeKind.ORGANIZATION: ("kind",),
    NodeKind.INDUSTRY: ("code",),
    NodeKind.GOAL: ("kind",),
    NodeKind.INTEREST: (),
    NodeKind.RESOURCE: ("kind",),
}


def _node_class(kind: NodeKind) -> type[StructuredNode]:
    rules: dict[str, Any] = {name: StringProperty(index=True) for name in INDEXED[kind]}
    rules |= {"uid": UniqueIdProperty(), "__label__": kind.label, "__module__": __name__}
    return cast(type[StructuredNode], type(kind.label, (StructuredNode,), rules))


NODE_CLASSES: dict[NodeKind, type[StructuredNode]] = {kind: _node_class(kind) for kind in NodeKind}
