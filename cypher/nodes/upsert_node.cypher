// Purpose: create or replace one node by the id another system gave it. MERGE seeks the
//          (node_kind, source_id) uniqueness constraint with a lock, so parallel calls
//          leave one node. Null values in $props remove fields (a PUT replaces).
// Parameters: $uid (used only when creating), $node_kind, $label (from NodeKind),
//             $source_id, $props, $now. Returns: n, created (bool). Write.
MERGE (n:Entity {node_kind: $node_kind, source_id: $source_id})
ON CREATE SET n.uid = $uid, n.created_at = $now
SET n += $props, n.updated_at = $now, n.archived_at = null
SET n:$($label)
RETURN n, n.uid = $uid AS created
