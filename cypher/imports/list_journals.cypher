// Purpose: the imports that have a journal left (lrm_graph.imports.journal), with the
//          status of their job (none for loads that keep no job), so that the history
//          can settle them: roll back one whose process is gone, drop one that succeeded.
// Parameters: none.
// Returns: import_id, runner (host:pid that wrote its newest batch), heartbeat_at (that
//          batch's now), created_at (null), status (its job's, or null); one row per
//          import. Read.
MATCH (j:ImportJournal)
WITH j.import_id AS import_id, max(j.seq) AS newest
MATCH (j:ImportJournal {import_id: import_id, seq: newest})
OPTIONAL MATCH (job:ImportJob {id: import_id})
RETURN import_id, j.runner AS runner, j.now AS heartbeat_at, null AS created_at,
       job.status AS status
