// Purpose: end (until = today, history kept) the active imported relationships that came
//          from the named roster files but are not in this import: after a bulk set,
//          what the roster no longer lists. Relationships the LRM owns (source other than
//          'imported': mentoring, trust, goals...) are never touched. One page of start
//          nodes at a time, in uid order (an index-backed range): a district's two million
//          relationships are never scanned by one query, so none runs into the timeout.
//          Run with $after = the last uid returned until a page holds fewer than $nodes.
// Parameters: $files (list of roster file names given in bulk), $import_id, $today
//             (date), $now (datetime), $after (uid the page starts after; '' first),
//             $nodes (start nodes per page), $journal (the batch's journal:
//             {import_id, seq, runner}, or null for none).
// Returns: nodes (in this page), last (uid of its last node), ended (count). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
MATCH (n:Entity)
WHERE n.uid > $after
WITH j, n
ORDER BY n.uid
LIMIT $nodes
CALL (j, n) {
  MATCH (n)-[r:MEMBER_OF|TEACHES|ENROLLED_AT|WORKS_AT|GUARDIAN_OF|PART_OF]->()
  WHERE r.source = 'imported' AND r.roster_file IN $files
    AND (r.until IS NULL OR r.until > $today)
    AND coalesce(r.roster_seen, '') <> $import_id
  CALL (j, r) {
    WITH j, r WHERE $journal IS NOT NULL AND r IS NOT NULL
    CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(r).uid}]->(before:ImportBefore)
    SET before = properties(r)
  }
  SET r.until = $today, r.ended_reason = 'left the roster', r.updated_at = $now
  RETURN count(r) AS ended
}
RETURN count(n) AS nodes, max(n.uid) AS last, coalesce(sum(ended), 0) AS ended
