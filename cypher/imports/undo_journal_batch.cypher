// Purpose: roll back the newest batch an import wrote (lrm_graph.imports.journal), in one
//          transaction: each relationship and node it changed is set back to the copy the
//          batch kept, each one it created is deleted (a created node only once no
//          relationship is left on it), and the batch's journal is removed. What someone
//          else wrote after the batch (its updated_at is neither the batch's now nor the
//          one before) is left as it is and named. Run until it returns no row.
// Parameters: $import_id.
// Returns: seq (the batch undone), restored, deleted (counts), kept (uids left as someone
//          else changed them); no row when the import has no journal left. Write.
MATCH (j:ImportJournal {import_id: $import_id})
WITH j
ORDER BY j.seq DESC
LIMIT 1
CALL (j) {
  OPTIONAL MATCH (j)-[link:RELATIONSHIP_BEFORE]->(before:ImportBefore)
  OPTIONAL MATCH (:Entity {uid: link.start})-[r]->()
  WHERE r.uid = before.uid
  WITH before, r,
       coalesce(r.updated_at = j.now OR r.updated_at = before.updated_at, false) AS ours
  CALL (before, r, ours) {
    WITH before, r WHERE ours
    SET r = properties(before)
  }
  RETURN count(CASE WHEN ours THEN 1 END) AS relationships_restored,
         collect(CASE WHEN r IS NOT NULL AND NOT ours THEN r.uid END) AS relationships_kept
}
CALL (j) {
  UNWIND range(0, size(coalesce(j.created_relationships, [])) - 1) AS i
  MATCH (:Entity {uid: j.created_starts[i]})-[r]->()
  WHERE r.uid = j.created_relationships[i]
  WITH r, r.uid AS uid, coalesce(r.updated_at = j.now, false) AS ours
  CALL (r, ours) {
    WITH r WHERE ours
    DELETE r
  }
  RETURN count(CASE WHEN ours THEN 1 END) AS relationships_deleted,
         collect(CASE WHEN NOT ours THEN uid END) AS created_relationships_kept
}
CALL (j) {
  OPTIONAL MATCH (j)-[:NODE_BEFORE]->(before:ImportBefore)
  OPTIONAL MATCH (n:Entity {uid: before.uid})
  WITH before, n,
       coalesce(n.updated_at = j.now OR n.updated_at = before.updated_at, false) AS ours
  CALL (before, n, ours) {
    WITH before, n WHERE ours
    SET n = properties(before)
  }
  RETURN count(CASE WHEN ours THEN 1 END) AS nodes_restored,
         collect(CASE WHEN n IS NOT NULL AND NOT ours THEN n.uid END) AS nodes_kept
}
CALL (j) {
  UNWIND range(0, size(coalesce(j.touched_nodes, [])) - 1) AS i
  MATCH (n:Entity {uid: j.touched_nodes[i]})
  WHERE n.updated_at = j.now
  SET n.updated_at = j.touched_updated_at[i]
  RETURN count(n) AS touched_restored
}
CALL (j) {
  UNWIND coalesce(j.created_nodes, []) AS uid
  MATCH (n:Entity {uid: uid})
  WITH n, uid, coalesce(n.updated_at = j.now, false) AND NOT EXISTS { (n)--() } AS ours
  CALL (n, ours) {
    WITH n WHERE ours
    DELETE n
  }
  RETURN count(CASE WHEN ours THEN 1 END) AS nodes_deleted,
         collect(CASE WHEN NOT ours THEN uid END) AS created_nodes_kept
}
CALL (j) {
  OPTIONAL MATCH (j)-->(before:ImportBefore)
  DETACH DELETE before
}
WITH j, j.seq AS seq, relationships_restored + nodes_restored AS restored,
     relationships_deleted + nodes_deleted AS deleted,
     relationships_kept + created_relationships_kept + nodes_kept + created_nodes_kept AS kept
DETACH DELETE j
RETURN seq, restored, deleted, kept
