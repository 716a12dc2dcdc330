// Purpose: upsert a batch of relationships of one type (bulk load). A row updates the
//          relationship of that type that joins its two nodes (either way round for
//          symmetric types) and is active, or, for a row that records an ended one, the
//          one that ended on the row's `until`; otherwise it creates one. So the same
//          rows sent twice change nothing in counts. Both nodes are written first so that
//          concurrent writers between them queue on their locks.
// Parameters: $rows (list of {from_uid, to_uid, uid (used only when creating), until
//             (date or null), props (map, nulls remove), defaults (map, set on create)}),
//             $type (a RelType from the vocabulary, never a request), $symmetric (bool),
//             $now (datetime), $today (date).
// Returns: created, updated (counts over the batch). Write.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from_uid})
MATCH (b:Entity {uid: row.to_uid})
SET a.updated_at = $now, b.updated_at = $now
WITH row, a, b
OPTIONAL CALL (row, a, b) {
  MATCH (a)-[x:$($type)]-(b)
  WHERE ($symmetric OR startNode(x) = a)
    AND (x.until IS NULL OR x.until > $today OR x.until = row.until)
  RETURN x
  ORDER BY CASE WHEN x.until = row.until THEN 0 ELSE 1 END
  LIMIT 1
}
CALL (row, x) {
  WITH row, x WHERE x IS NOT NULL
  SET x += row.props, x.updated_at = $now
}
CALL (row, a, b, x) {
  WITH row, a, b WHERE x IS NULL
  CREATE (a)-[r:$($type)]->(b)
  SET r += row.defaults, r += row.props, r.uid = row.uid, r.created_at = $now,
      r.updated_at = $now
}
RETURN count(*) - count(x) AS created, count(x) AS updated
