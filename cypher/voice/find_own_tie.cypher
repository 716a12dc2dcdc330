// Purpose: the active relationship of one type from a learner to one node (an interest,
//          an adult they trust, a community, a goal), to end it.
// Parameters: $learner_uid, $uid (the other node), $type (a RelType from the vocabulary,
//             never a request), $today (date).
// Returns: uid (the relationship's; no row when there is no active one). Read.
MATCH (l:Entity {uid: $learner_uid})-[r]->(n:Entity {uid: $uid})
WHERE type(r) = $type AND (r.until IS NULL OR r.until > $today)
RETURN r.uid AS uid
ORDER BY r.uid
LIMIT 1
