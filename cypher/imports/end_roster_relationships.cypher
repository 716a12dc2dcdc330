// Purpose: end (until = today) the active imported relationships a delta marks
//          tobedeleted: each row names the start node (by source_id, one of several
//          kinds) and the relationship's roster_id. One this import wrote (the same
//          roster_id also active in the set) is left as it is.
// Parameters: $rows (list of {node_kinds (list), source_id, roster_id}), $import_id,
//             $today (date), $now (datetime).
// Returns: ended (count). Write.
UNWIND $rows AS row
UNWIND row.node_kinds AS kind
MATCH (a:Entity {node_kind: kind, source_id: row.source_id})-[r]->()
WHERE r.source = 'imported' AND r.roster_id = row.roster_id
  AND (r.until IS NULL OR r.until > $today)
  AND coalesce(r.roster_seen, '') <> $import_id
SET r.until = $today, r.ended_reason = 'deleted in the roster', r.updated_at = $now
RETURN count(r) AS ended
