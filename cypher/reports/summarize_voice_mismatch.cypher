// Purpose: the voice-mismatch report's summary, in one aggregate query: how many rows
//          each section lists, by the learner's grade and school. The rows are those of
//          find_unnamed_by_learner.cypher (`unnamed_by_learner`: one per learner and
//          adult) and find_trusted_unrecorded.cypher (`trusted_not_on_record`: one per
//          active TRUSTS), kept equal to them by tests/reports/test_summaries.py.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
//            schools (cypher/fragments/schools.cypher), the schools a learner counts at.
// Parameters: $today (date), $to_learner_types (the caring types that go adult ->
//             learner), $visible (uids of the learners the caller may see, or null for
//             all), $grade, $organization (Organization uid), $community (Community uid);
//             a filter is null when not asked for.
// Returns: section, reason (null), grade_level, schools (list of {uid, name}, by uid;
//          empty when enrolled nowhere), count (rows: learner and adult pairs). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
CALL (l) {
  MATCH (l)<-[r]-(a:Adult|Expert)
  WHERE type(r) IN $to_learner_types AND a.archived_at IS NULL
    AND coalesce(r.connection_status, 'active') = 'active'
    AND (a:Adult OR {{screened(a, $today)}})
    AND (r.until IS NULL OR r.until > $today)
    AND NOT EXISTS {
      (l)-[t:TRUSTS]->(a)
      WHERE t.until IS NULL OR t.until > $today
    }
  RETURN 'unnamed_by_learner' AS section, count(DISTINCT a) AS rows
  UNION ALL
  MATCH (l)-[t:TRUSTS]->(a:Adult|Expert)
  WHERE a.archived_at IS NULL AND (t.until IS NULL OR t.until > $today)
    AND NOT EXISTS {
      (l)<-[x]-(a)
      WHERE x.until IS NULL OR x.until > $today
    }
  RETURN 'trusted_not_on_record' AS section, count(*) AS rows
}
WITH l, section, rows
WHERE rows > 0
WITH l, section, rows, {{schools(l, $today)}} AS schools
RETURN section, null AS reason, l.grade_level AS grade_level, schools, sum(rows) AS count
