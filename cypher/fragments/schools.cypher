// Fragment: schools(learner, on)
// Purpose: the schools a report's summary counts a learner at, written once: the
//          non-archived organizations the learner is actively ENROLLED_AT on `on`, as
//          {uid, name} maps by uid (an empty list: enrolled nowhere).
// Arguments: learner (a Learner variable of the query), on (a date: a $parameter).
// Used by the cypher/reports/summarize_*.cypher queries (lrm_graph/reports/summary.py
// turns their rows into counts per school, grade and reason).
COLLECT {
  MATCH ({learner})-[e:ENROLLED_AT]->(o:Organization)
  WHERE (e.until IS NULL OR e.until > {on}) AND o.archived_at IS NULL
  RETURN DISTINCT o {.uid, .name} AS school
  ORDER BY school.uid
}
