// Purpose: change some properties of one relationship (null removes a property).
// Parameters: $from_uid, $uid, $props (map), $now. Returns: r, type, from_uid, to_uid,
//             from_kind, to_kind. Write.
MATCH (a:Entity {uid: $from_uid})-[r]->(b:Entity)
WHERE r.uid = $uid
SET r += $props, r.updated_at = $now
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
