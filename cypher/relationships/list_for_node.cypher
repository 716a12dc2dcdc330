// Purpose: one page of the relationships of one node, either direction, in uid order.
// Parameters: $node (uid), $type (a RelType value or null), $active (true, false or null
//             for both), $after (last uid of the previous page or ''), $limit, $today,
//             $visible (uids of the learners the caller sees, or null for all: a
//             relationship with a learner end they do not see is left out).
// Returns: r, type, from_uid, to_uid, from_kind, to_kind. Read.
MATCH (n:Entity {uid: $node})-[r]-(m:Entity)
WHERE r.uid > $after
  AND ($type IS NULL OR type(r) = $type)
  AND ($active IS NULL OR $active = (r.until IS NULL OR r.until > $today))
  AND ($visible IS NULL OR all(x IN [n, m] WHERE x.node_kind <> 'learner' OR x.uid IN $visible))
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
ORDER BY r.uid
LIMIT $limit
