// Purpose: the goals a learner actively pursues (one of them with $goal_uid), each with
//          the industry it is actively tied to (the first by name, if several).
// Parameters: $learner_uid, $goal_uid (a goal uid, or null for all), $today (date).
// Returns: goal, pursuit_uid, since, source, industry (map: uid, name, or null). Read.
MATCH (l:Entity {uid: $learner_uid})-[p:PURSUES]->(g:Goal)
WHERE (p.until IS NULL OR p.until > $today) AND ($goal_uid IS NULL OR g.uid = $goal_uid)
OPTIONAL MATCH (g)-[t:IN_INDUSTRY]->(i:Industry)
WHERE t.until IS NULL OR t.until > $today
WITH p, g, i ORDER BY i.name, i.uid
WITH p, g, collect(i {.uid, .name})[0] AS industry
RETURN g AS goal, p.uid AS pursuit_uid, p.since AS since, p.source AS source, industry
ORDER BY p.since, g.uid
