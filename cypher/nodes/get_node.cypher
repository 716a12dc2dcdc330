// Purpose: one node of a kind by uid (archived ones too: their history stays readable).
// Parameters: $uid, $node_kind. Returns: n. Read.
MATCH (n:Entity {uid: $uid})
WHERE n.node_kind = $node_kind
RETURN n
