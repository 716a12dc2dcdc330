// Purpose: the unmentored report's summary, in one aggregate query: how many learners
//          each section lists, by reason, grade and the schools (organizations) the
//          learner is actively enrolled at. Who is listed, and why, is the rule of
//          find_unmentored.cypher (kept equal to it by tests/reports/test_paging.py):
//          'none' (no active caring adult) in `learners`; 'quiet', 'never_logged',
//          'ending' (every active caring tie at risk) in `at_risk`.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
//            schools (cypher/fragments/schools.cypher), the schools a learner counts at.
// Parameters: $today, $soon, $quiet_before (dates), $caring_types (list of type names),
//             $reason (one reason, or null for all), $visible (uids of the learners the
//             caller may see, or null for all), $grade, $organization (Organization uid),
//             $community (Community uid); a filter is null when not asked for.
// Returns: section, reason, grade_level, schools (list of {uid, name}, by uid; empty when
//          enrolled nowhere), count (learners). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
  AND NOT EXISTS {
    (l)-[r]-(a:Adult|Expert)
    WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
      AND (a:Adult OR {{screened(a, $today)}})
      AND (r.until IS NULL OR r.until > $soon)
      AND (date(r.last_interaction_at) >= $quiet_before
           OR (r.last_interaction_at IS NULL AND r.since >= $quiet_before))
  }
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active' AND a.archived_at IS NULL
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
  RETURN CASE
    WHEN r.until IS NOT NULL AND r.until <= $soon THEN 'ending'
    WHEN r.last_interaction_at IS NOT NULL THEN 'quiet'
    ELSE 'never_logged'
  END AS risk
} AS risks
WITH l, CASE
  WHEN size(risks) = 0 THEN 'none'
  WHEN all(x IN risks WHERE x = 'ending') THEN 'ending'
  WHEN any(x IN risks WHERE x = 'quiet') THEN 'quiet'
  ELSE 'never_logged'
END AS reason
WHERE $reason IS NULL OR reason = $reason
WITH l, reason, {{schools(l, $today)}} AS schools
RETURN CASE reason WHEN 'none' THEN 'learners' ELSE 'at_risk' END AS section, reason,
       l.grade_level AS grade_level, schools, count(*) AS count
