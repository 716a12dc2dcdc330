// Purpose: the goals some learners actively pursue, for lists of many learners (a class,
//          a caseload): one row per learner and goal, oldest pursuit first.
// Parameters: $learner_uids (list of learner uids), $today (date).
// Returns: learner_uid, goal (map: uid, title, kind), since. Read.
UNWIND $learner_uids AS learner_uid
MATCH (l:Entity {uid: learner_uid})-[p:PURSUES]->(g:Goal)
WHERE l.node_kind = 'learner'
  AND (p.since IS NULL OR p.since <= $today) AND (p.until IS NULL OR p.until > $today)
  AND g.archived_at IS NULL
RETURN learner_uid, g {.uid, .title, .kind} AS goal, p.since AS since
ORDER BY learner_uid, p.since, g.uid
