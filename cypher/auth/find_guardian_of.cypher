// Purpose: a guardian of a learner, for an invitation: the adult with an active
//          GUARDIAN_OF to the learner (the roster's agents become one), with their email
//          on record and the names the invitation mail uses.
// Parameters: $guardian_uid, $learner_uid, $today (date).
// Returns: guardian_uid, email, guardian_name, learner_name (no row: not a guardian). Read.
MATCH (g:Adult {uid: $guardian_uid})-[r:GUARDIAN_OF]->(l:Learner {uid: $learner_uid})
WHERE (r.until IS NULL OR r.until > $today) AND g.archived_at IS NULL
  AND l.archived_at IS NULL
RETURN g.uid AS guardian_uid, g.email AS email,
       coalesce(g.preferred_name, g.given_name) AS guardian_name,
       coalesce(l.preferred_name, l.given_name) AS learner_name
LIMIT 1
