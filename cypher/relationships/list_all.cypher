// Purpose: one page of all relationships (no node given), in uid order. Scans every
//          relationship: for exports and small graphs; give a node to stay fast.
// Parameters: $type (a RelType value or null), $active (bool or null), $after, $limit,
//             $today, $visible (uids of the learners the caller sees, or null for all: a
//             relationship with a learner end they do not see is left out).
// Returns: r, type, from_uid, to_uid, from_kind, to_kind. Read.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.uid > $after
  AND ($type IS NULL OR type(r) = $type)
  AND ($active IS NULL OR $active = (r.until IS NULL OR r.until > $today))
  AND ($visible IS NULL OR all(x IN [a, b] WHERE x.node_kind <> 'learner' OR x.uid IN $visible))
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
ORDER BY r.uid
LIMIT $limit
