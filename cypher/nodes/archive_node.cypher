// Purpose: archive one node: mark it archived and end its active relationships on
//          $today (history kept, nothing deleted). Archiving twice changes nothing more.
// Parameters: $uid, $node_kind, $now (datetime), $today (date). Returns: n, ended. Write.
MATCH (n:Entity {uid: $uid})
WHERE n.node_kind = $node_kind
SET n.archived_at = coalesce(n.archived_at, $now), n.updated_at = $now
WITH n
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE r.until IS NULL OR r.until > $today
  SET r.until = $today, r.ended_reason = 'archived', r.updated_at = $now
  RETURN count(r) AS ended
}
RETURN n, ended
