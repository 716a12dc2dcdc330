// Purpose: the learners an analytics report on one organization is about: as
//          select_learners with $organization given, but anchored at the organization
//          (its active enrolments), not a scan of every learner of the district.
// Parameters: $organization (uid), $visible (uids of the learners the caller may see, or
//             null for all), $grade, $community (uid), each null when not asked for;
//             $today (date).
// Returns: uid (one row per learner). Read.
MATCH (:Organization {uid: $organization})<-[r:ENROLLED_AT]-(l:Learner)
WHERE (r.until IS NULL OR r.until > $today)
  AND l.archived_at IS NULL
  AND ($visible IS NULL OR l.uid IN $visible)
  AND ($grade IS NULL OR l.grade_level = $grade)
  AND ($community IS NULL OR EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community)
    WHERE c.uid = $community AND (m.until IS NULL OR m.until > $today)
  })
RETURN DISTINCT l.uid AS uid
