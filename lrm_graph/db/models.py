"""neomodel classes: the stored properties of each node kind and their per-label indexes.

Writes go through named Cypher (`cypher/nodes/`, `cypher/bulk/`), which sets the shared
`Entity` label too; these classes declare what each label holds, and `schema.apply`
installs their constraints and indexes through neomodel.
"""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateProperty,
    DateTimeProperty,
    IntegerProperty,
    StringProperty,
    StructuredNode,
    UniqueIdProperty,
)

from lrm_graph.vocabulary import NodeKind


class Entity(StructuredNode):
    """What every node has."""

    __abstract_node__ = True
    uid = UniqueIdProperty()
    node_kind = StringProperty(required=True)
    source_id = StringProperty()
    name = StringProperty()
    created_at = DateTimeProperty()
    updated_at = DateTimeProperty()
    archived_at = DateTimeProperty()


class Person(Entity):
    __abstract_node__ = True
    given_name = StringProperty(required=True)
    family_name = StringProperty(required=True)
    preferred_name = StringProperty()
    email = StringProperty()


class Learner(Person):
    grade_level = StringProperty(index=True)
    birth_date = DateProperty()
    directory_opt_out = BooleanProperty(default=False)
    learning_preferences = ArrayProperty(StringProperty())


class Adult(Person):
    roles = ArrayProperty(StringProperty(), required=True)
    caseload_capacity = IntegerProperty()


class Expert(Person):
    caseload_capacity = IntegerProperty()
    screening_status = StringProperty(index=True)
    screening_expires_on = DateProperty()
    screened_by = StringProperty()


class Community(Entity):
    kind = StringProperty(index=True)
    description = StringProperty()
    open = BooleanProperty(default=True)


class Organization(Entity):
    kind = StringProperty(index=True)


class Industry(Entity):
    code = StringProperty(index=True)


class Goal(Entity):
    title = StringProperty(required=True)
    kind = StringProperty(index=True)
    description = StringProperty()
    status = StringProperty()
    progress = IntegerProperty()


class Interest(Entity):
    pass


class Resource(Entity):
    kind = StringProperty(index=True)
    url = StringProperty()
    description = StringProperty()


MODELS: dict[NodeKind, type[Entity]] = {
    NodeKind.LEARNER: Learner,
    NodeKind.ADULT: Adult,
    NodeKind.EXPERT: Expert,
    NodeKind.COMMUNITY: Community,
    NodeKind.ORGANIZATION: Organization,
    NodeKind.INDUSTRY: Industry,
    NodeKind.GOAL: Goal,
    NodeKind.INTEREST: Interest,
    NodeKind.RESOURCE: Resource,
}
