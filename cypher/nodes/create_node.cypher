// Purpose: create one node with the shared Entity label and its kind's label.
// Parameters: $uid, $node_kind, $label (a NodeKind label from the vocabulary, never a
//             request), $props (map of the kind's fields), $now (datetime).
// Returns: n. Write.
CREATE (n:Entity {uid: $uid})
SET n += $props, n.node_kind = $node_kind, n.created_at = $now, n.updated_at = $now
SET n:$($label)
RETURN n
