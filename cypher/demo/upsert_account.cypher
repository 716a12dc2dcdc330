// Purpose: create a demo sign-in account, or bring an existing one back to what the demo
//          says (role, person, organization, password; enabled and unlocked). The email
//          is unique (constraint), so MERGE leaves one account per email.
// Parameters: $uid (used only when creating), $email, $role, $person_uid, $org_uid,
//             $password_hash, $now. Returns: a (the account). Write.
MERGE (a:Account {email: $email})
ON CREATE SET a.uid = $uid, a.created_at = $now
SET a.role = $role, a.person_uid = $person_uid, a.org_uid = $org_uid,
    a.password_hash = $password_hash, a.disabled = false, a.failed_signins = 0,
    a.locked_until = null, a.updated_at = $now
RETURN a
