// Purpose: create or update a batch of roster relationships of one type (OneRoster
//          import). A row is matched by its roster_id (the enrollment's sourcedId, or a
//          key made of the two ends) among the imported relationships joining its two
//          nodes that the roster has not removed (no ended_reason: active, or ended by
//          their own dates), so a delta that changes an enrollment's dates updates the
//          relationship it made, whatever the dates were; a match is updated, otherwise
//          one is created with source 'imported' (one the roster removed stays history). When an active relationship of
//          the same type that the LRM owns (source other than 'imported') joins the nodes,
//          nothing is created: the roster never duplicates nor takes over what people
//          recorded. Rows whose nodes are missing or archived are skipped. Each written
//          relationship is stamped with the import, so a later bulk set can end the ones
//          it no longer lists. The same rows twice change nothing. The twins are found by
//          expanding between the two nodes (the hints keep it so: on a graph with no
//          relationships yet the planner would scan all of them for each row, and the
//          first batch of a first import took 45 s instead of 1 s; SEEK hints, since after
//          a wipe and a reload a plain hint was honoured with a scan of the uid index).
//          With $journal, the batch keeps what undoes it (lrm_graph.imports.journal): a
//          copy of each relationship it updates, as it was, and the uids of those it
//          creates.
// Parameters: $rows (list of {from_kind, from_id, to_kind, to_id, roster_id, suffix (random
//             hex for the uid), props (map: since, until, ...; a null removes)}), $type (a
//             RelType from the vocabulary, never a request), $file, $import_id, $now
//             (datetime), $today (date), $journal (map {import_id, seq, runner} of the
//             batch's journal, or null for none).
// Returns: rows (rows whose nodes were found), created, updated, kept (an LRM-owned
//          relationship was there already). Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
MATCH (a:Entity {node_kind: row.from_kind, source_id: row.from_id})
MATCH (b:Entity {node_kind: row.to_kind, source_id: row.to_id})
WHERE a.archived_at IS NULL AND b.archived_at IS NULL
OPTIONAL CALL (row, a, b) {
  MATCH (start:Entity {uid: a.uid})-[x:$($type)]->(b)
  USING INDEX SEEK start:Entity(uid)
  WHERE x.source = 'imported' AND x.roster_id = row.roster_id
    AND (x.ended_reason IS NULL OR x.until IS NULL OR x.until > $today)
  RETURN x,
         any(k IN keys(row.props)
             WHERE NOT coalesce(x[k] = row.props[k], x[k] IS NULL AND row.props[k] IS NULL))
           AS changed
  ORDER BY x.created_at DESC
  LIMIT 1
}
OPTIONAL CALL (a, b, x) {
  WITH a, b, x WHERE x IS NULL
  MATCH (start:Entity {uid: a.uid})-[y:$($type)]->(b)
  USING INDEX SEEK start:Entity(uid)
  WHERE coalesce(y.source, '') <> 'imported' AND (y.until IS NULL OR y.until > $today)
  RETURN y
  LIMIT 1
}
CALL (j, x) {
  WITH j, x WHERE $journal IS NOT NULL AND x IS NOT NULL
  CREATE (j)-[:RELATIONSHIP_BEFORE {start: startNode(x).uid}]->(before:ImportBefore)
  SET before = properties(x)
}
CALL (row, x, changed) {
  WITH row, x, changed WHERE x IS NOT NULL
  SET x += row.props, x.roster_seen = $import_id,
      x.updated_at = CASE WHEN changed THEN $now ELSE x.updated_at END
}
CALL (row, a, b, x, y) {
  WITH row, a, b, x, y WHERE x IS NULL AND y IS NULL
  CREATE (a)-[r:$($type)]->(b)
  SET r += row.props, r.uid = a.uid + '.' + row.suffix, r.source = 'imported',
      r.roster_id = row.roster_id, r.roster_file = $file, r.roster_seen = $import_id,
      r.created_at = $now, r.updated_at = $now
}
WITH head(collect(j)) AS j, count(*) AS rows,
     collect(CASE WHEN x IS NULL AND y IS NULL THEN a.uid + '.' + row.suffix END) AS made,
     collect(CASE WHEN x IS NULL AND y IS NULL THEN a.uid END) AS starts,
     sum(CASE WHEN x IS NOT NULL AND changed THEN 1 ELSE 0 END) AS updated,
     sum(CASE WHEN y IS NOT NULL THEN 1 ELSE 0 END) AS kept
SET j.created_relationships = made, j.created_starts = starts
RETURN rows, size(made) AS created, updated, kept
