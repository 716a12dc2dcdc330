// Purpose: the uids of the nodes of one kind that other systems know by some source_ids
//          (seeks the (node_kind, source_id) uniqueness constraint).
// Parameters: $node_kind, $source_ids (list). Returns: source_id, uid (one row per node
//             found). Read.
UNWIND $source_ids AS source_id
MATCH (n:Entity {node_kind: $node_kind, source_id: source_id})
RETURN n.source_id AS source_id, n.uid AS uid
