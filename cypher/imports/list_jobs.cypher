// Purpose: one page of the import history, newest first: each job without its report
//          (`imports/get_job` gives one job with it).
// Parameters: $after_at (datetime: the created_at of the last job of the previous page, or
//             null for the first page), $after_id (that job's id, or ''), $limit.
// Returns: job (map of its properties but the report and the errors); one row per job. Read.
MATCH (j:ImportJob)
WHERE $after_at IS NULL OR j.created_at < $after_at
   OR (j.created_at = $after_at AND j.id < $after_id)
WITH j
ORDER BY j.created_at DESC, j.id DESC
LIMIT $limit
RETURN j {.*, report_json: null, errors_json: null} AS job
