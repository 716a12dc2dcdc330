// Purpose: archive the roster nodes a delta marks tobedeleted (by source_id, one of
//          several kinds), ending every active relationship of each today, as
//          `nodes/archive_node` does. Archiving twice changes nothing more.
// Parameters: $rows (list of {node_kinds (list), source_id}), $today (date), $now (datetime).
// Returns: archived, ended (counts). Write.
UNWIND $rows AS row
UNWIND row.node_kinds AS kind
MATCH (n:Entity {node_kind: kind, source_id: row.source_id})
WHERE n.archived_at IS NULL
SET n.archived_at = $now, n.updated_at = $now
WITH n
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE r.until IS NULL OR r.until > $today
  SET r.until = $today, r.ended_reason = 'archived', r.updated_at = $now
  RETURN count(r) AS ended
}
RETURN count(n) AS archived, coalesce(sum(ended), 0) AS ended
