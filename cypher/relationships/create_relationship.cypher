// Purpose: create one relationship unless an active one of the same type already joins
//          the same two nodes (either way round for symmetric types). Both nodes are
//          written first so that concurrent creates between them queue on their locks.
// Parameters: $from_uid, $to_uid, $type (a RelType from the vocabulary, never a request),
//             $symmetric (bool), $uid, $props (map), $now (datetime), $today (date).
// Returns: uid (null when an active one exists), existing (uid of that one). Write.
MATCH (a:Entity {uid: $from_uid})
MATCH (b:Entity {uid: $to_uid})
SET a.updated_at = $now, b.updated_at = $now
WITH a, b
OPTIONAL MATCH (a)-[x:$($type)]-(b)
WHERE (x.until IS NULL OR x.until > $today) AND ($symmetric OR startNode(x) = a)
WITH a, b, head(collect(x.uid)) AS existing
OPTIONAL CALL (a, b, existing) {
  WITH a, b WHERE existing IS NULL
  CREATE (a)-[r:$($type)]->(b)
  SET r += $props, r.uid = $uid, r.created_at = $now, r.updated_at = $now
  RETURN r
}
RETURN r.uid AS uid, existing
