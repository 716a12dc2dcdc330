// Purpose: record a new import job, so that any API instance can answer for it (the API
//          keeps no state of its own). ImportJob nodes are records of work, not part of
//          the learner graph: they carry no Entity label.
// Parameters: $id, $kind ('oneroster'), $source (the uploaded file's name), $now (datetime),
//             $props (map: by (who asked), runner (host:pid of the process that runs it),
//             strict, max_skipped, check_only).
// Returns: job (map). Write.
CREATE (j:ImportJob {id: $id, kind: $kind, source: $source, status: 'queued',
                     counts_json: '{}', errors_json: '[]', created_at: $now, updated_at: $now})
SET j += $props
RETURN properties(j) AS job
