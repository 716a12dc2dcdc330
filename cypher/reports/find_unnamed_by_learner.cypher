// Purpose: the adults' voice without the learner's: an adult (or expert) has an active
//          caring relationship of a type in $to_learner_types with a learner in scope,
//          and that learner does not name them (no active TRUSTS from the learner to
//          that adult). Archived adults and learners are left out.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
// Parameters: $today (date), $to_learner_types (the caring types that go adult ->
//             learner), $visible (uids of the learners the caller may see, or null for
//             all), $grade, $organization (Organization uid), $community (Community uid); a
//             filter is null when not asked for; $after (the key of the last row of the
//             page before: [learner uid, adult uid], or null) and $limit: one page.
// Returns: the fields of UnnamedRow (lrm_graph/reports/rows.py; types are the caring
//          types on record, sorted), in learner then adult uid order. Read.
// The learners in uid order from the index of their uids, from the page's key on: a page
// reads its own learners and no others, however deep it is (no sort of the report).
MATCH (l:Learner)
USING INDEX l:Learner(uid)
WHERE l.uid >= coalesce($after[0], '')
  AND l.archived_at IS NULL
  AND {{reported(l, $today)}}
// Each learner's adults in a subquery of its own, so that the rows come out in learner uid
// order as the index gives the learners (no sort of the whole report).
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
  WITH a, type(r) AS type
  ORDER BY type
  WITH a, collect(DISTINCT type) AS types
  WHERE $after IS NULL OR l.uid > $after[0] OR a.uid > $after[1]
  RETURN a, types
}
RETURN l.uid AS learner_uid, l.name AS learner_name, l.grade_level AS grade_level,
       a.uid AS adult_uid, a.name AS adult_name, a.node_kind AS adult_kind, types
ORDER BY learner_uid, adult_uid
LIMIT $limit
