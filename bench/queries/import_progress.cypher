// Purpose: how far the newest import job has gone (rows written of rows to write): the
//          progress of a long load whose write step is one transaction, so that the graph
//          shows nothing of it until it commits.
// Parameters: none.
// Returns: status, rows_done, rows_total (at most one row). Read.
MATCH (j:ImportJob)
RETURN j.status AS status, j.rows_done AS rows_done, j.rows_total AS rows_total
ORDER BY j.created_at DESC
LIMIT 1
