// Purpose: the caseloads report's summary, in one aggregate query: how many adults it
//          lists, by status ('overloaded', 'full', 'room', 'no capacity set'). Which
//          adults are listed, and their caseloads, is the rule of count_caseloads.cypher
//          (kept equal to it by tests/reports/test_summaries.py): for a caller who sees
//          only some learners, only those learners count, and only adults with one of
//          them in scope are listed.
// Fragments: reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $caseload_types (list of type names), $visible (uids of the
//             learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for.
// Returns: section ('adults'), reason (the status), grade_level (null), schools (empty: a
//          row is an adult), count (adults). Read.
MATCH (a:Adult)
WHERE a.archived_at IS NULL
WITH a,
  COUNT {
    MATCH (a)-[r]->(l:Learner)
    WHERE type(r) IN $caseload_types AND l.archived_at IS NULL
      AND ($visible IS NULL OR l.uid IN $visible)
      AND (r.until IS NULL OR r.until > $today)
    RETURN DISTINCT l
  } AS learners,
  COUNT {
    MATCH (a)-[r]->(l:Learner)
    WHERE type(r) IN $caseload_types AND l.archived_at IS NULL
      AND (r.until IS NULL OR r.until > $today)
      AND {{reported(l, $today)}}
    RETURN DISTINCT l
  } AS learners_in_scope
WHERE learners_in_scope > 0
   OR ($visible IS NULL AND $grade IS NULL AND $organization IS NULL AND $community IS NULL)
   OR ($visible IS NULL AND $organization IS NOT NULL AND EXISTS {
     (a)-[w:WORKS_AT]->(o:Organization {uid: $organization})
     WHERE w.until IS NULL OR w.until > $today
   })
WITH CASE
       WHEN a.caseload_capacity IS NULL THEN 'no capacity set'
       WHEN learners > a.caseload_capacity THEN 'overloaded'
       WHEN learners = a.caseload_capacity THEN 'full'
       ELSE 'room'
     END AS status
RETURN 'adults' AS section, status AS reason, null AS grade_level, [] AS schools,
       count(*) AS count
