// Purpose: remove what the one-query-per-row sample added: its relationships (found from
//          their start node) and its nodes.
// Parameters: $relationships (list of {from_uid, uid}), $node_uids (list).
// Returns: nothing. Write.
CALL () {
  UNWIND $relationships AS row
  MATCH (:Entity {uid: row.from_uid})-[r]->()
  WHERE r.uid = row.uid
  DELETE r
}
CALL () {
  UNWIND $node_uids AS uid
  MATCH (n:Entity {uid: uid})
  DETACH DELETE n
}
