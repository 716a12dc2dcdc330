"""The questions the graph answers: an adult's caseload, the shortest path between two
nodes, and a search by name (a learner's network: `lrm_graph.records.network`).

Every question looks only at active relationships (`until` unset or after today) and
leaves archived nodes out.
"""

from __future__ import annotations

import unicodedata
from types import EllipsisType
from typing import Any

from lrm_graph import clock
from lrm_graph.access import node_checks, policy, relationship_checks, span_checks, visibility
from lrm_graph.auth.caller import Caller, Scope
from lrm_graph.db.graph import Graph
from lrm_graph.errors import InvalidInput, NotFound
from lrm_graph.vocabulary import NodeKind

# The longest path asked for: cypher/questions/shortest_path.cypher has a branch per bound.
MAX_PATH_HOPS = 6
MAX_QUERY_LENGTH = 200
# Lucene's query syntax characters (those QueryParser.escape escapes); `&&` and `||` are
# operators, so each `&` and `|` is escaped on its own.
LUCENE_SPECIAL = frozenset('\\+-!():^[]"{}~*?|&/')
# The groups: nodes many people share. One with more members than the caller's bound
# (setting network_hub_members; cypher/fragments/members.cypher counts them) is a hub: a
# network shows it as one node (lrm_graph.records.network), a path avoids it unless asked.
HUB_KINDS = (NodeKind.COMMUNITY.value, NodeKind.ORGANIZATION.value, NodeKind.INTEREST.value,
             NodeKind.INDUSTRY.value, NodeKind.RESOURCE.value)  # fmt: skip
# How a path shows a hop the caller may not see: that it is there, nothing of it.
ANONYMOUS_LEARNER = {"uid": None, "node_kind": NodeKind.LEARNER.value, "name": None}
ANONYMOUS_RELATIONSHIP = {"uid": None, "type": None, "from_uid": None, "to_uid": None}


def short(node: dict[str, Any]) -> dict[str, Any]:
    """Return a node in short: its uid, node kind and name."""
    return {"uid": node["uid"], "node_kind": node["node_kind"], "name": node["name"]}


def _seen(graph: Graph, caller: Caller, uids: list[str]) -> dict[str, str] | None:
    """Return {uid: purpose} of the learners among `uids` the caller sees (None: all)."""
    if not uids:
        return {}
    return visibility.visible_learners(graph, caller, only=uids)


def caseload(
    graph: Graph, caller: Caller, uid: str, visible: dict[str, str] | EllipsisType | None = ...
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the learners an adult has active caseload relationships with, by name, and
    the learners it discloses; a learner the caller may not see is only counted (in
    `count` and `hidden_learners`), never listed. `visible`: the learners the caller sees
    (`visibility.visible_learners`), when a page has asked already; `...`: ask here."""
    span_checks.check_caseload(graph, caller, uid)
    rows = graph.read(
        "questions/get_caseload", uid=uid, node_kind=NodeKind.ADULT.value, today=clock.today()
    )
    if not rows:
        raise NotFound(f"no adult with uid {uid!r}")
    adult, learners = rows[0]["adult"], rows[0]["learners"]
    uids = [lr["uid"] for lr in learners]
    seen = node_checks.seen_by(_seen(graph, caller, uids) if visible is ... else visible, uids)
    for learner in learners:
        learner["relationships"].sort(key=lambda r: (r["type"], r["uid"]))
    capacity = adult.get("caseload_capacity")
    return {
        "adult": adult,
        "capacity": capacity,
        "count": len(learners),
        # Negative when the adult carries more than their capacity: worth seeing.
        "room": None if capacity is None else capacity - len(learners),
        "learners": [learner for learner in learners if learner["uid"] in seen],
        "hidden_learners": len(learners) - len(seen),
    }, seen


def path(
    graph: Graph,
    caller: Caller,
    ends: tuple[str, str],
    max_hops: int,
    *,
    hub_members: int,
    through_hubs: bool = False,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the shortest path of active relationships between two nodes, either way, and
    the learners it discloses. Both ends must be readable. The path goes through no hub (a
    group of more than `hub_members` members) unless `through_hubs`. A learner on the way
    whom the caller may not see is an anonymous hop (no uid, no name), and a relationship
    the caller may not read (`relationship_checks.readable_among`) shows no fact of its own:
    the hop counts, nothing else of it is told."""
    from_uid, to_uid = ends
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidInput(f"max_hops must be between 1 and {MAX_PATH_HOPS}")
    policy.require(caller, Scope.READ)
    # One query finds the ends and the path: the ends are checked on what it read, and
    # a path to an end the caller may not read is never shown (the check raises first).
    [row] = graph.read(
        "questions/shortest_path",
        from_uid=from_uid,
        to_uid=to_uid,
        today=clock.today(),
        max_hops=max_hops,
        through_hubs=through_hubs,
        hub_kinds=list(HUB_KINDS),
        hub_members=hub_members,
        hub_limit=hub_members + 1,
    )
    found = {node["uid"]: node for node in row["ends"]}
    missing = [uid for uid in dict.fromkeys(ends) if uid not in found]
    if missing and policy.audience_of(caller) is policy.Audience.DISTRICT:
        raise NotFound(f"no node with uid {missing[0]!r}", missing=missing)
    disclosed: dict[str, str] = {}
    for uid in dict.fromkeys(ends):  # alike for absent and hidden
        kind = found[uid]["node_kind"] if uid in found else None
        disclosed |= node_checks.check_found(graph, caller, uid, kind)[1]
    if from_uid == to_uid:  # a path needs two ends; the answer is the node itself
        only = [short(found[from_uid])]
        return {"found": True, "length": 0, "nodes": only, "relationships": []}, disclosed
    if row["nodes"] is None:
        return {"found": False, "length": None, "nodes": [], "relationships": []}, disclosed
    kinds = {node["uid"]: node["node_kind"] for node in row["nodes"]}
    on_way = [uid for uid, kind in kinds.items() if kind == NodeKind.LEARNER]
    seen = node_checks.seen_by(_seen(graph, caller, on_way), on_way)
    rels = row["relationships"]
    kept, _ = relationship_checks.readable_among(graph, caller, rels, kinds, seen, on_way)
    shown = {rel["uid"] for rel in kept}
    answer = {
        "found": True,
        "length": len(rels),
        "nodes": [node if node["uid"] in seen or node["node_kind"] != NodeKind.LEARNER
                  else ANONYMOUS_LEARNER for node in row["nodes"]],
        "relationships": [rel if rel["uid"] in shown else ANONYMOUS_RELATIONSHIP
                          for rel in rels],
    }  # fmt: skip
    return answer, disclosed | seen


def _fold(term: str) -> str:
    """Lower-case and strip accents as the index's standard-folding analyzer does.

    Lucene does not analyze prefix (`t*`) terms, so the query must arrive folded.
    """
    decomposed = unicodedata.normalize("NFKD", term.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lucene_query(text: str) -> str | None:
    r"""Turn a user's text into a Lucene query that searches it literally, term by term.

    Every special character is escaped, terms are lower-cased and accent-folded (as the index does
    so anyway, and it keeps `AND`/`OR`/`NOT` from being read as operators), and each term
    matches as a whole word or as a prefix; all terms must match. A term with no letter
    or digit can match no indexed word, so it is dropped; None means nothing is left.

    >>> lucene_query('Zoë ngu*')
    '(zoe OR zoe*) AND (ngu\\* OR ngu\\**)'
    """
    terms = [_fold(t) for t in text.split() if any(c.isalnum() for c in t)]
    escaped = ["".join("\\" + c if c in LUCENE_SPECIAL else c for c in t) for t in terms]
    return " AND ".join(f"({t} OR {t}*)" for t in escaped) or None


def search(
    graph: Graph,
    text: str,
    limit: int,
    *,
    include_directory_opt_outs: bool = True,
    scope: span_checks.SearchScope | None = None,
) -> list[dict[str, Any]]:
    """Return people and communities whose names match `text`, best first.

    `scope` limits the answer to what a caller may read (None: everything); learners who
    opted out of the directory are left out unless `include_directory_opt_outs`, except
    those in `scope.findable` (the caller's personal relationships).
    """
    text = text.strip()
    if not text or len(text) > MAX_QUERY_LENGTH:
        raise InvalidInput(f"q must hold 1 to {MAX_QUERY_LENGTH} characters")
    query = lucene_query(text)
    if query is None:
        return []
    rows = graph.read(
        "questions/search_names",
        query=query,
        limit=limit,
        include_directory_opt_outs=include_directory_opt_outs,
        findable=scope.findable if scope else None,
        visible=None if scope is None or scope.visible is None else sorted(scope.visible),
        people=scope.people if scope else None,
        hidden_kinds=scope.hidden_kinds if scope else [],
        today=clock.today(),
    )
    return [{**row["node"], "score": row["score"]} for row in rows]


def search_for(
    graph: Graph, caller: Caller, text: str, limit: int
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Search as `caller` (see lrm_graph.access.policy); return the items and the learners found."""
    scope = span_checks.search_scope(graph, caller)
    opt_outs = scope.findable is None  # only the district admin finds every opted-out learner
    items = search(graph, text, limit, include_directory_opt_outs=opt_outs, scope=scope)
    learners = [item["uid"] for item in items if item["node_kind"] == NodeKind.LEARNER]
    return items, node_checks.seen_by(scope.visible, learners)
