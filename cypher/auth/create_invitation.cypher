// Purpose: store a guardian's invitation (only the digest of its one-time link's token).
// Parameters: $uid, $token_hash, $learner_uid, $guardian_uid, $email, $invited_by
//             (account uid), $expires_at, $now. Returns: uid, expires_at. Write.
CREATE (i:Invitation {uid: $uid, token_hash: $token_hash})
SET i.learner_uid = $learner_uid, i.guardian_uid = $guardian_uid, i.email = $email,
    i.invited_by = $invited_by, i.expires_at = $expires_at, i.created_at = $now
RETURN i.uid AS uid, i.expires_at AS expires_at
