// Purpose: the import jobs still queued, running or rolling back, to tell whether the
//          process that runs each one is alive (`history.reap`).
// Parameters: none. Returns: id, status, runner (host:pid, null for jobs older than it),
//          heartbeat_at, created_at; one row per job. Read.
MATCH (j:ImportJob)
WHERE j.status IN ['queued', 'running', 'rolling back']
RETURN j.id AS id, j.status AS status, j.runner AS runner, j.heartbeat_at AS heartbeat_at,
       j.created_at AS created_at
