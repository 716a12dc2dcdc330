// Fragment: reported(learner, on)
// Purpose: the learners a report looks at, written once: those the caller may see
//          ($visible: their uids, or null for every one) that the report's filters pick:
//          $grade (a grade_level), $organization (actively ENROLLED_AT that Organization
//          on `on`), $community (an active member of that Community on `on`), each null
//          when not asked for. The query leaves archived learners out itself.
// Arguments: learner (a Learner variable of the query), on (a date: a $parameter). It
//            reads the query's $visible, $grade, $organization and $community besides.
// Used by the cypher/reports/ queries that list or count learners one by one
// (lrm_graph/reports/common.Context.learner_params gives the four parameters).
($visible IS NULL OR {learner}.uid IN $visible)
AND ($grade IS NULL OR {learner}.grade_level = $grade)
AND ($organization IS NULL OR EXISTS {
  ({learner})-[e:ENROLLED_AT]->(o:Organization {uid: $organization})
  WHERE e.until IS NULL OR e.until > {on}
})
AND ($community IS NULL OR EXISTS {
  ({learner})-[m:MEMBER_OF]->(c:Community {uid: $community})
  WHERE m.until IS NULL OR m.until > {on}
})
