// Purpose: append audit entries (the record of disclosures). Nothing in the code updates
//          or deletes an AuditEntry: the log is append-only.
// Parameters: $entries (list of maps: uid, at, actor_kind, actor_id, actor, actor_role,
//             learner_uid, action, what, purpose, ip, outcome). Returns: recorded. Write.
UNWIND $entries AS entry
CREATE (a:AuditEntry)
SET a = entry
RETURN count(a) AS recorded
