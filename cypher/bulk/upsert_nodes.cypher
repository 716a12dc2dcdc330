// Purpose: create or replace a batch of nodes of one kind by the id another system gave
//          them (bulk load). MERGE seeks the (node_kind, source_id) uniqueness constraint
//          with a lock, so parallel loads leave one node each. Every field of the kind is
//          cleared, then the row's fields are set (each row replaces, as a PUT does; rows
//          carry no nulls, which the driver would pack one by one); an archived node
//          comes back.
// Parameters: $rows (list of {uid (used only when creating), source_id, props (no nulls)}),
//             $cleared (map: every field of the kind to null), $node_kind, $label (a
//             NodeKind label from the vocabulary, never a request), $now (datetime).
// Returns: source_id, uid, created (bool), one row per input row. Write.
UNWIND $rows AS row
MERGE (n:Entity {node_kind: $node_kind, source_id: row.source_id})
ON CREATE SET n.uid = row.uid, n.created_at = $now
SET n += $cleared, n += row.props, n.updated_at = $now, n.archived_at = null
SET n:$($label)
RETURN row.source_id AS source_id, n.uid AS uid, n.uid = row.uid AS created
