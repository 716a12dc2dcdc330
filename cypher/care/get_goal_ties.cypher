// Purpose: a learner's goals, each goal's industries, and which nodes of the learner's
//          support neighbourhood are tied to them: an adult or expert who WORKS_IN the
//          industry, a community IN_INDUSTRY it, a resource that SUPPORTS it or the goal
//          (the ties of analytics/goal_gaps).
// Parameters: $learner_uid, $uids (the neighbourhood's node uids), $today (date).
// Returns: goal (map: uid, name), industry (map: uid, name), ties (list of maps: from_uid,
//          type), goal_resources (uids of resources that SUPPORT the goal). Read.
MATCH (l:Entity {uid: $learner_uid})-[p:PURSUES]->(g:Entity)
WHERE (p.until IS NULL OR p.until > $today) AND g.archived_at IS NULL
MATCH (g)-[x:IN_INDUSTRY]->(i:Entity)
WHERE (x.until IS NULL OR x.until > $today) AND i.archived_at IS NULL
RETURN g {.uid, name: coalesce(g.title, g.name)} AS goal, i {.uid, .name} AS industry,
       COLLECT {
         MATCH (t:Entity)-[w:WORKS_IN|IN_INDUSTRY|SUPPORTS]->(i)
         WHERE t.uid IN $uids AND (w.until IS NULL OR w.until > $today)
         RETURN {from_uid: t.uid, type: type(w)}
       } AS ties,
       COLLECT {
         MATCH (t:Entity)-[s:SUPPORTS]->(g)
         WHERE t.uid IN $uids AND (s.until IS NULL OR s.until > $today)
         RETURN t.uid
       } AS goal_resources
ORDER BY goal.uid, industry.uid
