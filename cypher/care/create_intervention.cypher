// Purpose: open one intervention (a support plan) for a learner.
// Parameters: $uid, $learner_uid, $owner_uid, $what, $start (date), $cadence_days (int),
//             $created_by, $now (datetime).
// Returns: v (the Intervention). Write.
CREATE (v:Intervention {uid: $uid})
SET v.learner_uid = $learner_uid, v.owner_uid = $owner_uid, v.what = $what,
    v.start = $start, v.cadence_days = $cadence_days, v.status = 'open',
    v.created_by = $created_by, v.created_at = $now, v.updated_at = $now
RETURN v
