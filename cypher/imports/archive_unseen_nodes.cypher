// Purpose: archive up to $limit roster nodes that came from the named roster files but
//          are not in this import (after a bulk set: people, classes, orgs that left the
//          roster). As `nodes/archive_node` does, every active relationship of an archived
//          node ends today, the LRM's own included: someone who left the district has left
//          their mentoring too. History stays; nothing is deleted. Run until it archives none.
// Parameters: $files (list of roster file names given in bulk), $import_id, $today
//             (date), $now (datetime), $limit.
// Returns: archived, ended (counts). Write.
MATCH (n:Entity)
WHERE n.roster_file IN $files AND n.archived_at IS NULL
  AND coalesce(n.roster_seen, '') <> $import_id
WITH n
LIMIT $limit
SET n.archived_at = $now, n.updated_at = $now
WITH n
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE r.until IS NULL OR r.until > $today
  SET r.until = $today, r.ended_reason = 'archived', r.updated_at = $now
  RETURN count(r) AS ended
}
RETURN count(n) AS archived, coalesce(sum(ended), 0) AS ended
