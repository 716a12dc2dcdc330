"""The network picture's data: a learner's network answer (`GET /v1/learners/{uid}/network`,
`lrm_graph.records.network.learner_network`) as cytoscape elements, one node per node of
the answer (the learner too) and one edge per relationship, nothing added or dropped.

How each relationship type is drawn (its colour, its words) and each kind of node (its
shape) is said here once: the page's script, its legend and its filter read it.
"""

from __future__ import annotations

from typing import Any

from lrm_graph.vocabulary import NodeKind, RelType

DEPTHS = (1, 2)

# One colour per type, each with a contrast of 3:1 or more on white (a line in a picture);
# the caring types in warm colours, the school's in blues, the rest in greens and greys.
COLOURS: dict[str, str] = {
    RelType.MENTORS: "#b3261e",
    RelType.ADVISES: "#c2410c",
    RelType.COACHES: "#a16207",
    RelType.COUNSELS: "#7e22ce",
    RelType.TRUSTS: "#be185d",
    RelType.TEACHES: "#1d4ed8",
    RelType.GUARDIAN_OF: "#0f766e",
    RelType.PEER_OF: "#15803d",
    RelType.PEER_MENTORS: "#4d7c0f",
    RelType.MEMBER_OF: "#0369a1",
    RelType.ENROLLED_AT: "#334155",
    RelType.PURSUES: "#9a3412",
    RelType.IN_INDUSTRY: "#854d0e",
    RelType.INTERESTED_IN: "#57534e",
    RelType.WORKS_IN: "#3f6212",
    RelType.SUPPORTS: "#155e75",
    RelType.USES: "#6d28d9",
    RelType.WORKS_AT: "#1e3a8a",
    RelType.WORKS_FOR: "#374151",
    RelType.PART_OF: "#64748b",
}
SHAPES: dict[str, str] = {
    NodeKind.LEARNER: "ellipse",
    NodeKind.ADULT: "round-rectangle",
    NodeKind.EXPERT: "diamond",
    NodeKind.COMMUNITY: "hexagon",
    NodeKind.ORGANIZATION: "barrel",
    NodeKind.GOAL: "star",
    NodeKind.INDUSTRY: "triangle",
    NodeKind.INTEREST: "tag",
    NodeKind.RESOURCE: "rhomboid",
}
# The legend's sign for each shape (what a screen reader and the eye read beside it).
SIGNS: dict[str, str] = {
    NodeKind.LEARNER: "●", NodeKind.ADULT: "■", NodeKind.EXPERT: "◆", NodeKind.COMMUNITY: "⬢",
    NodeKind.ORGANIZATION: "▬", NodeKind.GOAL: "★", NodeKind.INDUSTRY: "▲",
    NodeKind.INTEREST: "◣", NodeKind.RESOURCE: "▰",
}  # fmt: skip
PAGES = {NodeKind.LEARNER: "/learners/{}", NodeKind.ADULT: "/adults/{}"}


def type_words(rel_type: str) -> str:
    """Say a relationship type in words: GUARDIAN_OF -> "guardian of"."""
    return rel_type.lower().replace("_", " ")


def elements(answer: dict[str, Any]) -> dict[str, Any]:
    """Return the cytoscape elements of a network answer, and its legend and filter."""
    people = [answer["learner"], *(n for kind in answer["nodes"].values() for n in kind)]
    nodes = [{"data": _node(node, centre=i == 0)} for i, node in enumerate(people)]
    edges = [
        {"data": {"id": edge["uid"], "source": edge["from_uid"], "target": edge["to_uid"],
                  "type": rel_type, "colour": COLOURS[rel_type]}}
        for rel_type, found in answer["edges"].items()
        for edge in found
    ]  # fmt: skip
    types = sorted(answer["edges"])
    kinds = sorted({node["node_kind"] for node in people}, key=list(SHAPES).index)
    return {
        "elements": {"nodes": nodes, "edges": edges},
        "shapes": SHAPES,
        "types": [{"type": t, "words": type_words(t), "colour": COLOURS[t],
                   "count": len(answer["edges"][t])} for t in types],
        "kinds": [{"kind": k, "sign": SIGNS[k], "shape": SHAPES[k]} for k in kinds],
        "people": people,
    }  # fmt: skip


def _node(node: dict[str, Any], *, centre: bool) -> dict[str, Any]:
    kind = node["node_kind"]
    name = node.get("name")
    label = name or "a learner you may not see"
    if node.get("members") is not None:  # a group: its size says whether it was walked
        label += f" ({node['members']} members)"
    page = PAGES.get(kind)
    return {
        "id": node["uid"],
        "label": label,
        "kind": kind,
        "hops": node.get("hops", 0),
        "centre": centre,
        "href": page.format(node["uid"]) if page and name and not centre else None,
    }
