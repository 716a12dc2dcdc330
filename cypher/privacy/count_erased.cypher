// Purpose: the de-identified counts erasure keeps: how many learners were erased, per
//          organization (their school, '' when none) and grade ('' when none).
// Parameters: none. Returns: organization_uid, grade_level, learners. Read.
MATCH (t:ErasedLearners)
RETURN t.organization_uid AS organization_uid, t.grade_level AS grade_level,
       sum(t.learners) AS learners
ORDER BY organization_uid, grade_level
