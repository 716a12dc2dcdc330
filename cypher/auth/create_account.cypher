// Purpose: create one sign-in account (the email is unique; the constraint says 409):
//          by hand (origin 'manual') or for a guardian who accepted an invitation
//          (origin 'invitation', with a password or none: provider sign-in).
// Parameters: $uid, $email (lower-cased), $role, $person_uid, $org_uid, $password_hash
//             (or null), $origin, $now. Returns: a (the account). Write.
CREATE (a:Account {uid: $uid, email: $email})
SET a.role = $role, a.person_uid = $person_uid, a.org_uid = $org_uid,
    a.password_hash = $password_hash, a.origin = $origin, a.disabled = false,
    a.failed_signins = 0, a.created_at = $now, a.updated_at = $now
RETURN a
