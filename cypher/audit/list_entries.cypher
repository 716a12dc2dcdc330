// Purpose: one page of the audit log, newest first, optionally for one learner or actor.
// Parameters: $learner_uid, $actor_id, $since, $until (datetimes or null), $before (the
//             `at|uid` key of the last row of the previous page, or null), $limit.
// Returns: e (the entry), key (its place in the order, the next page's $before). Read.
MATCH (e:AuditEntry)
WHERE ($learner_uid IS NULL OR e.learner_uid = $learner_uid)
  AND ($actor_id IS NULL OR e.actor_id = $actor_id)
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at < $until)
  AND ($before IS NULL OR toString(e.at) + '|' + e.uid < $before)
WITH e, toString(e.at) + '|' + e.uid AS key
RETURN e, key
ORDER BY key DESC
LIMIT $limit
