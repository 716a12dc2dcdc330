// Purpose: one page of all relationships (no node given), in uid order. Scans every
//          relationship: for exports and small graphs; give a node to stay fast.
// Parameters: $type (a RelType value or null), $active (bool or null), $after, $limit,
//             $today, $visible (uids of the learners the caller sees, or null for all: a
//             relationship with a learner end they do not see is left out).
//             $hidden_kinds (node kinds the caller may not read), $people (the adults and
//             experts they may read, or null for all), $goal_learners (goals: readable when
//             one of these learners pursues or pursued it, or nobody ever did; null: all).
// Returns: r, type, from_uid, to_uid, from_kind, to_kind. Read.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.uid > $after
  AND ($type IS NULL OR type(r) = $type)
  AND ($active IS NULL OR $active = (r.until IS NULL OR r.until > $today))
  AND ($visible IS NULL OR all(x IN [a, b] WHERE x.node_kind <> 'learner' OR x.uid IN $visible))
  // Without a learner end, both ends must be readable (lrm_graph.policy): in the query, so
  // that every page is full and its cursor right.
  AND (any(x IN [a, b] WHERE x.node_kind = 'learner') OR all(x IN [a, b] WHERE
       NOT x.node_kind IN $hidden_kinds
       AND ($people IS NULL OR NOT x.node_kind IN ['adult', 'expert'] OR x.uid IN $people)
       AND ($goal_learners IS NULL OR x.node_kind <> 'goal'
            OR NOT EXISTS { (:Learner)-[:PURSUES]->(x) }
            OR EXISTS { (p:Learner)-[:PURSUES]->(x) WHERE p.uid IN $goal_learners })))
RETURN r, type(r) AS type, a.uid AS from_uid, b.uid AS to_uid,
       a.node_kind AS from_kind, b.node_kind AS to_kind
ORDER BY r.uid
LIMIT $limit
