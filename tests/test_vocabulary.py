import pytest

from lrm_graph.db.node_labels import NODE_CLASSES
from lrm_graph.errors import InvalidRelationship
from lrm_graph.store.fields import FIELDS
from lrm_graph.vocabulary import ALLOWED_PAIRS, NodeKind, RelType, check_pair


def test_every_kind_has_fields_and_a_node_class_with_its_label() -> None:
    for kind in NodeKind:
        assert NODE_CLASSES[kind].__label__ == kind.label
        assert FIELDS[kind].model_fields, kind


def test_every_relationship_type_allows_some_pair() -> None:
    assert set(ALLOWED_PAIRS) == set(RelType)
    assert all(ALLOWED_PAIRS[t] for t in RelType)


def test_check_pair_names_the_allowed_pairs() -> None:
    with pytest.raises(InvalidRelationship) as caught:
        check_pair(RelType.PURSUES, NodeKind.ADULT, NodeKind.GOAL)
    assert caught.value.extra["allowed_pairs"] == ["learner -> goal"]
