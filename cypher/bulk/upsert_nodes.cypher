// Purpose: create or replace a batch of nodes of one kind by the id another system gave
//          them (bulk load). MERGE seeks the (node_kind, source_id) uniqueness constraint
//          with a lock, so parallel loads leave one node each. A row whose fields differ
//          from the node's (or whose node is archived) replaces them, as a PUT does: every
//          field of the kind is cleared, then the row's are set (rows carry no nulls, which
//          the driver would pack one by one), updated_at moves and an archived node comes
//          back. A row equal to its node writes nothing: the same load twice touches
//          nothing. With $journal, the batch keeps what undoes it (lrm_graph.imports.journal):
//          a copy of each node it changes, as it was, and the uids of those it creates.
// Parameters: $rows (list of {uid (used only when creating), source_id, props (no nulls)}),
//             $cleared (map: every field of the kind to null), $node_kind, $label (a
//             NodeKind label from the vocabulary, never a request), $now (datetime),
//             $journal (the batch's journal: {import_id, seq, runner}, or null for none).
// Returns: source_id, uid, created (bool), updated (bool: an existing node changed), one
//          row per input row. Write.
OPTIONAL CALL () {
  WITH $journal AS journal WHERE journal IS NOT NULL
  CREATE (j:ImportJournal) SET j = journal, j.now = $now
  RETURN j
}
// Each copy below tests $journal, not j: the planner takes j for never null (it is made
// in the OPTIONAL CALL above) and would create the copy with no journal to hang it on.
UNWIND $rows AS row
MERGE (n:Entity {node_kind: $node_kind, source_id: row.source_id})
ON CREATE SET n.uid = row.uid, n.created_at = $now
WITH j, row, n, n.uid = row.uid AS created
WITH j, row, n, created,
     created OR n.archived_at IS NOT NULL
     OR any(k IN keys($cleared) + keys(row.props)
            WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL))
       AS changed
CALL (j, n, created, changed) {
  WITH j, n WHERE $journal IS NOT NULL AND changed AND NOT created
  CREATE (j)-[:NODE_BEFORE]->(before:ImportBefore)
  SET before = properties(n)
}
CALL (row, n, changed) {
  WITH row, n WHERE changed
  SET n += $cleared, n += row.props, n.updated_at = $now, n.archived_at = null
}
SET n:$($label)
WITH head(collect(j)) AS j,
     collect({source_id: row.source_id, uid: n.uid, created: created,
              updated: changed AND NOT created}) AS written
SET j.created_nodes = [w IN written WHERE w.created | w.uid]
WITH written
UNWIND written AS w
RETURN w.source_id AS source_id, w.uid AS uid, w.created AS created, w.updated AS updated
