// Purpose: one relationship by uid, found by expanding from its start node (a
//          relationship's uid begins with its start node's uid, which is indexed).
// Parameters: $from_uid, $uid. Returns: r, type, from_uid, to_uid, from_kind, to_kind. Read.
MATCH (a:Entity {uid: $from_uid})-[r]->(b:Entity)
WHERE r.uid = $uid
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
