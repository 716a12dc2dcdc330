// Purpose: learners in scope with exactly one caring adult (counted once however many
//          caring relationships join them), and who that adult is. Caring: type in
//          $caring_types, active (until null or after $today), other end a non-archived
//          Adult or Expert. The fragile report's one_caring_adult and (with $adult)
//          if_adult_left; its sole_adults groups the same learners by adult in
//          find_sole_adults.cypher.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $caring_types (list of type names), $visible (uids of the
//             learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for; $adult (an adult uid: only the learners whose one caring adult
//             that is, or null); $after (the key of the last row of the page before: a
//             learner uid, or null) and $limit: one page.
// Returns: the fields of OneAdultRow (lrm_graph/reports/rows.py), in learner uid order.
//          Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid > coalesce($after[0], '')
  AND l.archived_at IS NULL
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
WITH l, adults[0] AS a
WHERE $adult IS NULL OR a.uid = $adult
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       a.uid AS adult_uid, a.name AS adult_name, a.node_kind AS adult_kind
ORDER BY learner_uid
LIMIT $limit
