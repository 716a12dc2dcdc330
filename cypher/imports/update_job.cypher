// Purpose: change an import job's status, counts, errors or message.
// Parameters: $id, $props (map: status, counts_json, errors_json, detail, finished_at...),
//             $now (datetime).
// Returns: job (map), none when no job has that id. Write.
MATCH (j:ImportJob {id: $id})
SET j += $props, j.updated_at = $now
RETURN properties(j) AS job
