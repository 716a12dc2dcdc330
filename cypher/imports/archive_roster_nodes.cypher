// Purpose: archive the roster nodes a delta marks tobedeleted (by source_id, one of
//          several kinds), ending every active relationship of each today, as
//          `nodes/archive_node` does. Archiving twice changes nothing more.
//          With $journal, the batch keeps a copy of each node and relationship it
//          changes, as it was (lrm_graph.imports.journal).
// Parameters: $rows (list of {node_kinds (list), source_id}), $today (date), $now (datetime),
//             $journal (the batch's journal: {import_id, seq, runner}, or null for none).
// Returns: archived, ended (counts). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
UNWIND row.node_kinds AS kind
MATCH (n:Entity {node_kind: kind, source_id: row.source_id})
WHERE n.archived_at IS NULL
CALL (j, n) {
  WITH j, n WHERE $journal IS NOT NULL
  CREATE (j)-[:NODE_BEFORE]->(before:ImportBefore)
  SET before = properties(n)
}
SET n.archived_at = $now, n.updated_at = $now
WITH j, n
CALL (j, n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE r.until IS NULL OR r.until > $today
  CALL (j, r) {
    WITH j, r WHERE $journal IS NOT NULL AND r IS NOT NULL
    CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(r).uid}]->(before:ImportBefore)
    SET before = properties(r)
  }
  SET r.until = $today, r.ended_reason = 'archived', r.updated_at = $now
  RETURN count(r) AS ended
}
RETURN count(n) AS archived, coalesce(sum(ended), 0) AS ended
