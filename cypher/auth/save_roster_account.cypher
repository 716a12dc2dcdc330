// Purpose: make the account of a person the roster knows, or bring one made from the
//          roster up to date with it (role, person, organization). An account an admin
//          made or changed by hand (origin 'manual') keeps what the admin set.
// Parameters: $uid (for a new account), $email (lower-cased), $role, $person_uid,
//             $org_uid, $now. Returns: a (the account). Write.
MERGE (a:Account {email: $email})
ON CREATE SET a.uid = $uid, a.origin = 'roster', a.disabled = false, a.failed_signins = 0,
              a.created_at = $now
WITH a
SET a.role = CASE WHEN a.origin = 'roster' THEN $role ELSE a.role END,
    a.person_uid = CASE WHEN a.origin = 'roster' THEN $person_uid ELSE a.person_uid END,
    a.org_uid = CASE WHEN a.origin = 'roster' THEN $org_uid ELSE a.org_uid END,
    a.updated_at = $now
RETURN a
