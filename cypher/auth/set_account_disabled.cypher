// Purpose: disable (or enable) an account and revoke its tokens when disabling.
// Parameters: $email, $disabled (bool), $now. Returns: email, disabled. Write.
MATCH (a:Account {email: $email})
SET a.disabled = $disabled, a.updated_at = $now
WITH a
CALL (a) {
  OPTIONAL MATCH (t:AccessToken {account_uid: a.uid})
  WHERE $disabled AND t.revoked_at IS NULL
  SET t.revoked_at = $now
  RETURN count(t) AS revoked
}
RETURN a.email AS email, a.disabled AS disabled
