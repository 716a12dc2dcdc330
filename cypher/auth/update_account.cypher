// Purpose: an admin changes an account by hand (role, person, organization): from then on
//          it is 'manual', and a provider sign-in no longer brings it up to date with the
//          roster. A parameter left null keeps what the account has.
// Parameters: $email (lower-cased), $role, $person_uid, $org_uid, $now.
// Returns: a (the account). Write.
MATCH (a:Account {email: $email})
SET a.role = coalesce($role, a.role), a.person_uid = coalesce($person_uid, a.person_uid),
    a.org_uid = coalesce($org_uid, a.org_uid), a.origin = 'manual', a.updated_at = $now
RETURN a
