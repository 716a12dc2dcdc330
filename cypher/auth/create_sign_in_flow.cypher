// Purpose: remember a started provider sign-in (its state, nonce and PKCE verifier) until
//          the provider sends the person back; flows older than their expiry are swept.
// Parameters: $state_hash, $provider, $nonce, $code_verifier, $redirect_uri, $then
//             ('web' or 'token'), $invitation_hash (or null), $expires_at, $now.
// Returns: expires_at. Write.
CREATE (f:SignInFlow {state_hash: $state_hash})
SET f.provider = $provider, f.nonce = $nonce, f.code_verifier = $code_verifier,
    f.redirect_uri = $redirect_uri, f.then = $then, f.invitation_hash = $invitation_hash,
    f.expires_at = $expires_at, f.created_at = $now
WITH f
CALL () {
  MATCH (old:SignInFlow)
  WHERE old.expires_at < $now
  WITH old LIMIT 100
  DELETE old
}
RETURN f.expires_at AS expires_at
