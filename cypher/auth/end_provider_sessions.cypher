// Purpose: back-channel logout: revoke the live tokens a provider session gave (by sid),
//          or, when the provider names no session, every token of that subject.
// Parameters: $provider, $sid (or null), $subject (or null), $now. Returns: revoked. Write.
MATCH (t:AccessToken)
WHERE t.provider = $provider AND t.revoked_at IS NULL
  AND (($sid IS NOT NULL AND t.provider_sid = $sid)
    OR ($sid IS NULL AND t.provider_subject = $subject))
SET t.revoked_at = $now
RETURN count(t) AS revoked
