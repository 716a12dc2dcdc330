"""A family's rights over a learner's record: inspect everything kept, or have it erased.

Export gives everything kept about a learner as one JSON document: the node, every
relationship with its history (ended ones stay on record), goals, interests, sign-in
accounts, the records of relationship work about them (interactions, the notes the caller
may read, interventions, mentor and join requests, ratings, mapping marks), the import
jobs whose problems quote their source id, and the audit entries about them. Admins, the
learner and their guardians may ask for it; it is recorded in the audit ("export"). Notes
follow the rules of every read (`lrm_graph.care.notes`): a `private` note is its author's
own and in no one else's export, an admin's included; `care_team` notes are not in the
learner's or the guardian's. A district that must hand over everything (a legal hold) uses
the legal-hold export: a district admin's explicit operation, with a reason, recorded as
"legal_hold_export"; it holds every note.

Erase removes the learner's personal data and relationships for good: the node, every
relationship, the goals only they pursued, their sign-in accounts, every record of
relationship work about them, the interests they added to the catalogue themself that no
one else holds; import jobs that quoted their source id get it replaced. A learner who
came from another system leaves a tombstone (`lrm_graph.privacy.tombstones`, a keyed hash
of the source id and nothing else), so a later roster import or bulk load skips them
instead of bringing them back. "De-identified counts" means exactly this and nothing
more: the `ErasedLearners` tally, how many learners were erased per organization (their
latest school) and grade, with no name, uid, date or other detail, so that reports can
say "3 learners of grade 10 at Northside were erased" and totals over time stay
explainable. The audit keeps its entries about the learner, who is then known there by
uid only; the entries their own accounts made lose the sign-in email (actor becomes
"(an erased learner)", actor_id the gone account's uid). The erase itself is recorded
("erase") in the transaction that erases, so no erase goes unrecorded. Free text that
others wrote about the learner elsewhere (an interaction summary with another learner
that names them) is not theirs to erase and stays.
"""

from __future__ import annotations

from typing import Any

from lrm_graph import clock
from lrm_graph.access import audit, node_checks, relationship_checks, visibility
from lrm_graph.auth.caller import Caller, Role
from lrm_graph.care import notes, team
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from lrm_graph.privacy import import_reports, tombstones
from lrm_graph.store import nodes, relationships
from lrm_graph.vocabulary import NodeKind

# Who may ask for a learner's export: the district, the learner, their guardian.
EXPORTERS = frozenset({Role.ADMIN, Role.LEARNER, Role.GUARDIAN})
# The records of relationship work an export lists (cypher/privacy/export_records).
RECORDS = (
    "interactions", "notes", "interventions", "mentor_requests", "join_requests", "ratings",
    "mapping_marks",
)  # fmt: skip
LEGAL_HOLD = "legal_hold_export"  # the audit action of the district's legal-hold export


def export_learner(graph: Graph, request: audit.Request, uid: str) -> dict[str, Any]:
    """Return everything kept about a learner that the caller may read (notes as any read
    shows them: no one's `private` notes but the caller's own, `care_team` notes not to the
    learner or guardian); recorded in the audit as an export."""
    with audit.operation(graph, request, "export", [uid]) as op:
        caller = _caller(request)
        where = team.place(graph, caller, uid)  # 404 unless visible
        if caller.role not in EXPORTERS:
            raise Forbidden("an export is for an admin, the learner or their guardian")
        document = _document(op.graph, uid)
        shown, disclosed = _readable(op.graph, caller, uid, document["relationships"])
        op.record({uid: where.purpose} | disclosed)
    document["withheld_relationships"] = len(document["relationships"]) - len(shown)
    document["relationships"] = shown
    shown = document["records"]
    shown["notes"] = [note for note in shown["notes"] if notes.may_read(caller, where, note)]
    return document


def legal_hold_export(
    graph: Graph, request: audit.Request, uid: str, reason: str
) -> dict[str, Any]:
    """Return everything kept about a learner, every note included, for a legal hold: a
    district admin's explicit operation, recorded in the audit as `legal_hold_export` with
    its reason."""
    with audit.operation(graph, request, LEGAL_HOLD, [uid]) as op:
        caller = _caller(request)
        if not caller.is_admin:
            raise Forbidden("a legal-hold export is for district admins")
        nodes.get(graph, NodeKind.LEARNER, uid)  # 404 before anything is recorded
        op.record({uid: f"legal hold: {reason}"})
        return _document(op.graph, uid)


def _document(reader: Graph, uid: str) -> dict[str, Any]:
    rows = reader.read("privacy/export_learner", uid=uid)
    if not rows:
        raise NotFound(f"no learner with uid {uid!r}")
    row = rows[0]
    entries = [entry["e"] for entry in reader.read("privacy/list_audit_entries", uid=uid)]
    records: dict[str, list[dict[str, Any]]] = {section: [] for section in RECORDS}
    for item in reader.read("privacy/export_records", uid=uid):
        records[item["section"]].append(item["record"])
    source_id = row["l"].get("source_id")
    found = import_reports.find(reader, source_id)
    jobs = [import_reports.naming(job, source_id) for job in found]
    return {
        "learner": row["l"],
        "relationships": [_relationship(item) for item in row["relationships"]],
        "withheld_relationships": 0,
        "goals": row["goals"],
        "interests": row["interests"],
        "accounts": row["accounts"],
        "records": records,
        "import_jobs": jobs,
        "audit": entries,
        "exported_at": clock.now(),
    }


def _readable(
    reader: Graph, caller: Caller, uid: str, rels: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Return the relationships the caller may read (a peer they do not see hides the
    relationship, as a read does) and the other learners they disclose."""
    ends = [{"uid": rel["uid"], "from_uid": uid, "to_uid": rel["other"]["uid"]} for rel in rels]
    kinds = {uid: NodeKind.LEARNER.value} | {
        r["other"]["uid"]: r["other"]["node_kind"] for r in rels
    }
    kept, disclosed = relationship_checks.readable_among(reader, caller, ends, kinds)
    readable = {rel["uid"] for rel in kept}
    return [rel for rel in rels if rel["uid"] in readable], disclosed


def _relationship(item: dict[str, Any]) -> dict[str, Any]:
    facts, derived = relationships.read_props(item["r"])
    return {
        **facts,
        "type": item["type"],
        "direction": "out" if item["outgoing"] else "in",
        "other": {
            "uid": item["other_uid"],
            "node_kind": item["other_kind"],
            "name": item["other_name"],
        },
        **derived,
    }


def erase_learner(
    graph: Graph, settings: Settings, request: audit.Request, uid: str
) -> dict[str, int]:
    """Erase a learner for good (district admins only: 404 for a learner the caller does
    not see, 403 for one they do); return how much was removed. The erase is recorded in
    the transaction that erases, so no erase goes unrecorded."""
    caller = _caller(request)
    with audit.operation(graph, request, "erase", [uid]) as op:
        node_checks.check_write(op.graph, caller, NodeKind.LEARNER, uid, erase=True)
        learner = nodes.get(op.graph, NodeKind.LEARNER, uid)
        source_id = learner.get("source_id")
        found = import_reports.find(op.graph, source_id)
        jobs = [import_reports.scrubbed(job, source_id) for job in found] if source_id else []
        tombstone = tombstones.tombstone(op.graph, settings, source_id)
        op.record({uid: visibility.ALL})
        rows = op.graph.write(
            "privacy/erase_learner",
            uid=uid,
            tombstone=tombstone,
            jobs=jobs,
            pseudonym=import_reports.ERASED,
        )
        if not rows:
            raise NotFound(f"no learner with uid {uid!r}")
        counted = (
            "relationships", "goals", "accounts", "records", "import_jobs", "audit_entries",
            "catalogue_entries",
        )  # fmt: skip
        return {key: int(rows[0][key]) for key in counted}


def erased_counts(graph: Graph, caller: Caller) -> list[dict[str, Any]]:
    """Return the de-identified tally of erased learners (admins only)."""
    if not caller.is_admin:
        raise Forbidden("the tally of erased learners is for district admins")
    return graph.read("privacy/count_erased")


def _caller(request: audit.Request) -> Caller:
    if request.caller is None:  # the API signs every /v1 caller in first
        raise Forbidden("sign in first")
    return request.caller
