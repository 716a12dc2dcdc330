// Purpose: the adults (or experts) who are the only caring adult of at least
//          $min_learners learners in scope, with those learners: the fragile report's
//          sole_adults. One caring adult as in find_fragile.cypher: caring types in
//          $caring_types, active (until null or after $today), a non-archived Adult, or an
//          Expert with a cleared, current screening and an active connection.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $caring_types (list of type names), $min_learners
//             (integer), $visible (uids of the learners the caller may see, or null for
//             all), $grade, $organization (Organization uid), $community (Community uid);
//             a filter is null when not asked for; $after (the key of the last row of the
//             page before: [learners, adult uid], or null) and $limit: one page.
// Returns: the fields of SoleAdultRow (lrm_graph/reports/rows.py; learner_uids sorted),
//          most learners first, then by adult uid. Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
// Two distinct adults settle it: the subquery stops there.
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
  RETURN DISTINCT a
  LIMIT 2
} AS adults
WHERE size(adults) = 1
WITH adults[0] AS a, l.uid AS learner_uid
ORDER BY learner_uid
WITH a, count(*) AS learners, collect(learner_uid) AS learner_uids
WHERE learners >= $min_learners
  AND ($after IS NULL OR learners < $after[0] OR (learners = $after[0] AND a.uid > $after[1]))
RETURN a.uid AS adult_uid, a.name AS adult_name, a.node_kind AS adult_kind, learners,
       learner_uids
ORDER BY learners DESC, adult_uid
LIMIT $limit
