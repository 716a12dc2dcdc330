// Purpose: one import job by id.
// Parameters: $id. Returns: job (map), none when no job has that id. Read.
MATCH (j:ImportJob {id: $id})
RETURN properties(j) AS job
