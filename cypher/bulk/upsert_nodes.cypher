// Purpose: create or replace a batch of nodes of one kind by the id another system gave
//          them (bulk load). MERGE seeks the (node_kind, source_id) uniqueness constraint
//          with a lock, so parallel loads leave one node each. A row whose fields differ
//          from the node's (or whose node is archived) replaces them, as a PUT does: every
//          field of the kind is cleared, then the row's are set (rows carry no nulls, which
//          the driver would pack one by one), updated_at moves and an archived node comes
//          back. A row equal to its node writes nothing: the same load twice touches
//          nothing.
// Parameters: $rows (list of {uid (used only when creating), source_id, props (no nulls)}),
//             $cleared (map: every field of the kind to null), $node_kind, $label (a
//             NodeKind label from the vocabulary, never a request), $now (datetime).
// Returns: source_id, uid, created (bool), updated (bool: an existing node changed), one
//          row per input row. Write.
UNWIND $rows AS row
MERGE (n:Entity {node_kind: $node_kind, source_id: row.source_id})
ON CREATE SET n.uid = row.uid, n.created_at = $now
WITH row, n, n.uid = row.uid AS created
WITH row, n, created,
     created OR n.archived_at IS NOT NULL
     OR any(k IN keys($cleared) + keys(row.props)
            WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL))
       AS changed
CALL (row, n, changed) {
  WITH row, n WHERE changed
  SET n += $cleared, n += row.props, n.updated_at = $now, n.archived_at = null
}
SET n:$($label)
RETURN row.source_id AS source_id, n.uid AS uid, created, changed AND NOT created AS updated
