"""The per-label rules (a unique uid, an index per field lookups filter on) are the ones the
database had when neomodel declared each kind's fields, and name only declared fields."""

from enum import StrEnum
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

from lrm_graph.db import schema
from lrm_graph.db.graph import Graph
from lrm_graph.db.node_labels import INDEXED, NODE_CLASSES
from lrm_graph.store.fields import FIELDS
from lrm_graph.vocabulary import NodeKind

# The names neomodel gave these rules when each kind was declared in neomodel by hand: a
# database migrated then keeps them, and one migrated now gets the same.
RULES_BEFORE = {
    "constraints": {f"constraint_unique_{kind.label}_uid" for kind in NodeKind},
    "indexes": {
        "index_Learner_grade_level",
        "index_Expert_screening_status",
        "index_Community_kind",
        "index_Organization_kind",
        "index_Industry_code",
        "index_Goal_kind",
        "index_Resource_kind",
    },
}


def _names(graph: Graph, what: str) -> set[str]:
    query = f"SHOW {what} YIELD name RETURN collect(name) AS names"
    return set(graph.driver.execute_query(query, database_=graph.database).records[0]["names"])


def test_apply_installs_the_per_label_rules_the_database_had(graph: Graph) -> None:
    schema.apply(graph)
    per_label = tuple(f"index_{kind.label}_" for kind in NodeKind)
    constraints = _names(graph, "CONSTRAINTS")
    indexes = {name for name in _names(graph, "INDEXES") if name.startswith(per_label)}
    assert RULES_BEFORE["constraints"] <= constraints
    assert indexes == RULES_BEFORE["indexes"]


def _is_text(annotation: object) -> bool:
    """Say whether a field's values are strings (its rules and `| None` aside)."""
    if get_origin(annotation) is Annotated:
        return _is_text(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return all(_is_text(a) for a in get_args(annotation) if a is not type(None))
    return (
        annotation is str
        or get_origin(annotation) is Literal
        or (isinstance(annotation, type) and issubclass(annotation, StrEnum))
    )


def test_each_indexed_field_is_a_declared_text_field_of_its_kind() -> None:
    assert set(INDEXED) == set(NodeKind)
    for kind, names in INDEXED.items():
        for name in names:
            assert name in FIELDS[kind].model_fields, (kind, name)
            assert _is_text(FIELDS[kind].model_fields[name].annotation), (kind, name)


def test_node_classes_declare_no_field_beyond_their_rules() -> None:
    for kind in NodeKind:
        declared = NODE_CLASSES[kind].defined_properties(aliases=False, rels=False)
        assert set(declared) == {"uid", *INDEXED[kind]}, kind
