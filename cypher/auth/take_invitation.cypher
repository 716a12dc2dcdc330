// Purpose: use a guardian's invitation once: mark it used if it is neither used nor
//          expired. The lock is taken first (SET taken_at) so that two uses at once
//          cannot both find it unused.
// Parameters: $token_hash, $now.
// Returns: uid, learner_uid, guardian_uid, email, expired, used_before (no row: no such
//          invitation). Write.
MATCH (i:Invitation {token_hash: $token_hash})
SET i.taken_at = $now
WITH i, i.used_at IS NOT NULL AS used_before, i.expires_at <= $now AS expired
SET i.used_at = CASE WHEN used_before OR expired THEN i.used_at ELSE $now END
RETURN i.uid AS uid, i.learner_uid AS learner_uid, i.guardian_uid AS guardian_uid,
       i.email AS email, expired, used_before
