// Purpose: every account, by email, for `lrm users list` (no password hashes leave).
// Parameters: none. Returns: uid, email, role, person_uid, org_uid, disabled, created_at. Read.
MATCH (a:Account)
RETURN a.uid AS uid, a.email AS email, a.role AS role, a.person_uid AS person_uid,
       a.org_uid AS org_uid, a.disabled AS disabled, a.created_at AS created_at
ORDER BY a.email
