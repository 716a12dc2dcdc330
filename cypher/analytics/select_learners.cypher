// Purpose: the learners an analytics report is about: live learners that match every
//          filter given (grade; active ENROLLED_AT the organization; active MEMBER_OF the
//          community). A null filter does not restrict.
// Parameters: $grade, $organization (uid), $community (uid), each null when not asked
//             for; $today (date).
// Returns: uid (one row per learner). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND ($grade IS NULL OR l.grade_level = $grade)
  AND ($organization IS NULL OR EXISTS {
    (l)-[r:ENROLLED_AT]->(o:Organization)
    WHERE o.uid = $organization AND (r.until IS NULL OR r.until > $today)
  })
  AND ($community IS NULL OR EXISTS {
    (l)-[r:MEMBER_OF]->(c:Community)
    WHERE c.uid = $community AND (r.until IS NULL OR r.until > $today)
  })
RETURN l.uid AS uid
