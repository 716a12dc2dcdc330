// Purpose: upsert a batch of relationships of one type (bulk load). A row updates the
//          relationship of that type that joins its two nodes (either way round for
//          symmetric types) and is active, or, for a row that records an ended one, the
//          one that ended on the row's `until`; otherwise it creates one. So the same
//          rows sent twice change nothing in counts, and a load cut off halfway converges
//          when run again; a row equal to its relationship writes nothing (updated_at
//          stays). Both nodes are locked first (a property set to its own value: a write
//          lock, no change) so that concurrent writers between them queue on their locks;
//          a created relationship moves both nodes' updated_at, as a single create does.
//          Every lookup is a unique index seek and the twin is found by expanding between
//          the two nodes: the hints keep it so when the graph is empty, where the planner
//          would otherwise scan all relationships for each row (quadratic until it
//          replans). With $journal, the batch keeps what undoes it (lrm_graph.imports.journal):
//          a copy of each relationship it changes, as it was, the uids of those it creates,
//          and the updated_at its nodes had before a creation moved it.
// Parameters: $rows (list of [from_uid, to_uid, uid suffix (random hex, used only when
//             creating: the uid is from_uid + '.' + suffix), facts index, proposal
//             (true: a new one is only a proposed expert connection)]: a row is a
//             list, not a map, because the driver packs every key of every row),
//             $facts (list of maps: the distinct facts the rows store, nulls remove),
//             $defaults (map: set on create, before the row's facts), $type (a RelType
//             from the vocabulary, never a request), $symmetric (bool), $now (datetime),
//             $today (date), $journal (the batch's journal: {import_id, seq, runner}, or
//             null for none).
// Returns: created, updated (an existing one changed), unchanged (counts over the batch).
//          Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
WITH j, row[0] AS from_uid, row[1] AS to_uid, row[2] AS suffix, $facts[row[3]] AS facts,
     row[4] AS proposal
MATCH (a:Entity {uid: from_uid})
USING INDEX SEEK a:Entity(uid)
MATCH (b:Entity {uid: to_uid})
USING INDEX SEEK b:Entity(uid)
SET a.uid = a.uid, b.uid = b.uid
WITH j, a, b, suffix, facts, proposal, a.updated_at AS a_was, b.updated_at AS b_was
OPTIONAL CALL (a, b, facts) {
  MATCH (start:Entity {uid: a.uid})-[x:$($type)]-(b)
  USING INDEX SEEK start:Entity(uid)
  WHERE ($symmetric OR startNode(x) = start)
    AND (x.until IS NULL OR x.until > $today OR x.until = facts.until)
  RETURN x,
         any(k IN keys(facts)
             WHERE NOT coalesce(x[k] = facts[k], x[k] IS NULL AND facts[k] IS NULL)) AS changed
  ORDER BY CASE WHEN x.until = facts.until THEN 0 ELSE 1 END
  LIMIT 1
}
CALL (j, x, changed) {
  WITH j, x WHERE $journal IS NOT NULL AND changed
  CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(x).uid}]->(before:ImportBefore)
  SET before = properties(x)
}
CALL (facts, x, changed) {
  WITH facts, x WHERE x IS NOT NULL AND changed
  SET x += facts, x.updated_at = $now
}
CALL (a, b, suffix, facts, proposal, x) {
  WITH a, b, suffix, facts, proposal WHERE x IS NULL
  CREATE (a)-[r:$($type)]->(b)
  SET r += $defaults, r += facts, r.uid = a.uid + '.' + suffix, r.created_at = $now,
      r.updated_at = $now, a.updated_at = $now, b.updated_at = $now
  // Only on create: a re-run never sets an approved connection back to proposed.
  SET r.connection_status = CASE WHEN proposal THEN 'proposed' END,
      r.proposed_at = CASE WHEN proposal THEN $now END
}
WITH head(collect(j)) AS j, count(*) - count(x) AS created,
     sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated,
     sum(CASE WHEN x IS NOT NULL AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
     collect(CASE WHEN x IS NULL THEN a.uid + '.' + suffix END) AS made,
     collect(CASE WHEN x IS NULL THEN a.uid END) AS starts,
     collect(CASE WHEN x IS NULL AND a_was IS NOT NULL THEN [a.uid, a_was] END)
     + collect(CASE WHEN x IS NULL AND b_was IS NOT NULL THEN [b.uid, b_was] END) AS touched
SET j.created_relationships = made, j.created_starts = starts,
    j.touched_nodes = [t IN touched | t[0]], j.touched_updated_at = [t IN touched | t[1]]
RETURN created, updated, unchanged
