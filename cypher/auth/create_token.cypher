// Purpose: store a new access token (only its digest) for an account; a token from a
//          provider sign-in also keeps the provider's session (sid) and subject, so that
//          the provider's back-channel logout can end it.
// Parameters: $token_hash, $account_uid, $expires_at, $provider, $sid, $subject (the last
//             three null for a password sign-in), $now. Returns: expires_at. Write.
CREATE (t:AccessToken {token_hash: $token_hash})
SET t.account_uid = $account_uid, t.expires_at = $expires_at, t.created_at = $now,
    t.provider = $provider, t.provider_sid = $sid, t.provider_subject = $subject
RETURN t.expires_at AS expires_at
