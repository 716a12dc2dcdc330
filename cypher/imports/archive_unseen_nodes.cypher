// Purpose: archive up to $limit roster nodes that came from the named roster files but
//          are not in this import (after a bulk set: people, classes, orgs that left the
//          roster). As `nodes/archive_node` does, every active relationship of an archived
//          node ends today, the LRM's own included: someone who left the district has left
//          their mentoring too. History stays; nothing is deleted. Run until it archives none.
//          With $journal, the batch keeps a copy of each node and relationship it
//          changes, as it was (lrm_graph.imports.journal).
// Parameters: $files (list of roster file names given in bulk), $import_id, $today
//             (date), $now (datetime), $limit, $journal (the batch's journal:
//             {import_id, seq, runner}, or null for none).
// Returns: archived, ended (counts). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
MATCH (n:Entity)
WHERE n.roster_file IN $files AND n.archived_at IS NULL
  AND coalesce(n.roster_seen, '') <> $import_id
WITH j, n
LIMIT $limit
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
