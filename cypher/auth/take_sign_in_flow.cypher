// Purpose: take a started provider sign-in by its state, once: the flow is deleted as it
//          is read, so a replayed callback finds nothing.
// Parameters: $state_hash. Returns: provider, nonce, code_verifier, redirect_uri, then,
//             invitation_hash, expires_at. Write.
MATCH (f:SignInFlow {state_hash: $state_hash})
WITH f, properties(f) AS flow
DELETE f
RETURN flow.provider AS provider, flow.nonce AS nonce, flow.code_verifier AS code_verifier,
       flow.redirect_uri AS redirect_uri, flow.then AS then,
       flow.invitation_hash AS invitation_hash, flow.expires_at AS expires_at
