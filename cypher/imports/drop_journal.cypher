// Purpose: remove up to $limit batches of the journal of an import that succeeded (the
//          copies it kept to undo them: lrm_graph.imports.journal). Run until it drops none.
// Parameters: $import_id, $limit.
// Returns: dropped (batches removed). Write.
MATCH (j:ImportJournal {import_id: $import_id})
WITH j
LIMIT $limit
CALL (j) {
  OPTIONAL MATCH (j)-->(before:ImportBefore)
  DETACH DELETE before
}
DETACH DELETE j
RETURN count(*) AS dropped
