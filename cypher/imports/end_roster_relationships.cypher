// Purpose: end (until = today) the active imported relationships a delta marks
//          tobedeleted: each row names the start node (by source_id, one of several
//          kinds) and the relationship's roster_id. One this import wrote (the same
//          roster_id also active in the set) is left as it is.
//          With $journal, the batch keeps a copy of each node and relationship it
//          changes, as it was (lrm_graph.imports.journal).
// Parameters: $rows (list of {node_kinds (list), source_id, roster_id}), $import_id,
//             $today (date), $now (datetime), $journal (the batch's journal:
//             {import_id, seq, runner}, or null for none).
// Returns: ended (count). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
UNWIND row.node_kinds AS kind
MATCH (a:Entity {node_kind: kind, source_id: row.source_id})-[r]->()
WHERE r.source = 'imported' AND r.roster_id = row.roster_id
  AND (r.until IS NULL OR r.until > $today)
  AND coalesce(r.roster_seen, '') <> $import_id
CALL (j, r) {
  WITH j, r WHERE $journal IS NOT NULL AND r IS NOT NULL
  CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(r).uid}]->(before:ImportBefore)
  SET before = properties(r)
}
SET r.until = $today, r.ended_reason = 'deleted in the roster', r.updated_at = $now
RETURN count(r) AS ended
