// Purpose: the learners an analytics report is about: live learners the caller may see
//          that match every filter given (grade; active ENROLLED_AT the organization;
//          active MEMBER_OF the community). A null filter does not restrict.
// Parameters: $visible (uids of the learners the caller may see, or null for all),
//             $grade, $organization (uid), $community (uid), each null when not asked
//             for; $today (date).
// Returns: uid (one row per learner). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND ($visible IS NULL OR l.uid IN $visible)
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
