// Purpose: claim an unfinished import job whose process is gone, so that this process
//          alone rolls it back (history.reap): the job is locked first (a property set to
//          its own value), then claimed only if it is still as it was read (same status
//          and runner); two listings at once never roll it back twice.
// Parameters: $id, $status and $runner (as read), $me (this process: host:pid), $now.
// Returns: id, one row when claimed; none when another process changed it first. Write.
MATCH (j:ImportJob {id: $id})
SET j.id = j.id
WITH j
WHERE j.status = $status AND coalesce(j.runner, '') = coalesce($runner, '')
SET j.status = 'rolling back', j.runner = $me, j.heartbeat_at = $now, j.updated_at = $now
RETURN j.id AS id
