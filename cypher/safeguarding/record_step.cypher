// Purpose: move one expert-learner connection one step on (approve, consent, revoke, or
//          note who proposed it), only from the statuses the step starts from, so that two
//          people acting at once cannot both move it. A revoke also ends the relationship
//          today (history kept); an activation starts it today.
// Parameters: $expert_uid, $uid, $statuses (the statuses the step starts from; a
//             relationship without a status counts as active), $props (map:
//             connection_status and the step's <step>_by, <step>_by_role, <step>_at,
//             ...), $end (bool: revoke), $activate (bool),
//             $today (date), $now (datetime).
// Returns: uid (no row when the connection is not in one of the $statuses). Write.
MATCH (e:Entity {uid: $expert_uid})-[r:MENTORS|COACHES]->(l:Learner)
WHERE r.uid = $uid AND e.node_kind = 'expert'
// Lock the relationship first, then read its status: a step taken meanwhile is seen.
SET r.updated_at = $now
WITH r
WHERE coalesce(r.connection_status, 'active') IN $statuses
SET r += $props
SET r.since = CASE WHEN $activate THEN $today ELSE r.since END
SET r.ended_reason = CASE WHEN $end AND (r.until IS NULL OR r.until > $today) THEN 'revoked'
                          ELSE r.ended_reason END
SET r.until = CASE WHEN $end AND (r.until IS NULL OR r.until > $today) THEN $today
                   ELSE r.until END
RETURN r.uid AS uid
