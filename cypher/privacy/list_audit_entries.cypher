// Purpose: every audit entry about one learner, oldest first: who read or wrote their
//          data, when, from where and why (for an export; the paged log is audit/).
// Parameters: $uid (the learner's uid). Returns: e (one row per entry). Read.
MATCH (e:AuditEntry)
WHERE e.learner_uid = $uid
RETURN e
ORDER BY e.at, e.uid
