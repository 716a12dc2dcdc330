// Purpose: one page of the relationships of one node, either direction, in uid order.
// Parameters: $node (uid), $type (a RelType value or null), $active (true, false or null
//             for both), $after (last uid of the previous page or ''), $limit, $today,
//             $visible (uids of the learners the caller sees, or null for all: a
//             relationship with a learner end they do not see is left out).
//             $hidden_kinds (node kinds the caller may not read), $people (the adults and
//             experts they may read, or null for all), $goal_learners (goals: readable when
//             one of these learners pursues or pursued it, or nobody ever did; null: all).
// Returns: r, type, from_uid, to_uid, from_kind, to_kind. Read.
MATCH (n:Entity {uid: $node})-[r]-(m:Entity)
WHERE r.uid > $after
  AND ($type IS NULL OR type(r) = $type)
  AND ($active IS NULL OR $active = (r.until IS NULL OR r.until > $today))
  AND ($visible IS NULL OR all(x IN [n, m] WHERE x.node_kind <> 'learner' OR x.uid IN $visible))
  // Without a learner end, both ends must be readable (lrm_graph.policy): in the query, so
  // that every page is full and its cursor right.
  AND (any(x IN [n, m] WHERE x.node_kind = 'learner') OR all(x IN [n, m] WHERE
       NOT x.node_kind IN $hidden_kinds
       AND ($people IS NULL OR NOT x.node_kind IN ['adult', 'expert'] OR x.uid IN $people)
       AND ($goal_learners IS NULL OR x.node_kind <> 'goal'
            OR NOT EXISTS { (:Learner)-[:PURSUES]->(x) }
            OR EXISTS { (p:Learner)-[:PURSUES]->(x) WHERE p.uid IN $goal_learners })))
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
ORDER BY r.uid
LIMIT $limit
