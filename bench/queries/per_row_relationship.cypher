// Purpose: the one-query-per-row loader: create one relationship between two nodes
//          found by uid, no checks.
// Parameters: $from_uid, $to_uid, $type, $props (map), $now.
// Returns: nothing. Write.
MATCH (a:Entity {uid: $from_uid})
MATCH (b:Entity {uid: $to_uid})
CREATE (a)-[r:$($type)]->(b)
SET r = $props, r.created_at = $now, r.updated_at = $now
