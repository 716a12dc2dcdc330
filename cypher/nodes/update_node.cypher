// Purpose: change some fields of one node; a null value in $props removes that field.
// Parameters: $uid, $node_kind, $props (map), $now. Returns: n. Write.
MATCH (n:Entity {uid: $uid})
WHERE n.node_kind = $node_kind
SET n += $props, n.updated_at = $now
RETURN n
