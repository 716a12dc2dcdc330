// Purpose: the fragile report's summary, in one aggregate query: how many rows each
//          section lists, by grade and school. One caring adult as in find_fragile.cypher
//          (kept equal to it and find_sole_adults.cypher by tests/reports/test_summaries.py):
//          `one_caring_adult` counts learners by grade and the schools they are enrolled
//          at; `sole_adults` counts the adults who are the one caring adult of at least
//          $min_learners learners (no grade, no school: a row is an adult);
//          `if_adult_left` (only with $adult) counts the learners whose one caring adult
//          $adult is.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
//            schools (cypher/fragments/schools.cypher), the schools a learner counts at.
// Parameters: $today (date), $caring_types (list of type names), $min_learners
//             (integer), $adult (an adult uid, or null: no if_adult_left), $visible (uids
//             of the learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for.
// Returns: section, reason (null), grade_level, schools (list of {uid, name}, by uid;
//          empty when enrolled nowhere, or for an adult), count (rows). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
// Two distinct adults settle it: the subquery stops there.
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
  RETURN DISTINCT a.uid
  LIMIT 2
} AS adults
WHERE size(adults) = 1
WITH l, adults[0] AS adult, {{schools(l, $today)}} AS schools
WITH collect({adult: adult, grade_level: l.grade_level, schools: schools}) AS fragile
CALL (fragile) {
  UNWIND fragile AS one
  RETURN 'one_caring_adult' AS section, one.grade_level AS grade_level,
         one.schools AS schools, count(*) AS count
  UNION ALL
  UNWIND fragile AS one
  WITH one.adult AS adult, count(*) AS learners
  WHERE learners >= $min_learners
  RETURN 'sole_adults' AS section, null AS grade_level, [] AS schools, count(*) AS count
  UNION ALL
  UNWIND fragile AS one
  WITH one
  WHERE $adult IS NOT NULL AND one.adult = $adult
  RETURN 'if_adult_left' AS section, one.grade_level AS grade_level,
         one.schools AS schools, count(*) AS count
}
WITH section, grade_level, schools, count
WHERE count > 0
RETURN section, null AS reason, grade_level, schools, count
