// Purpose: the import jobs whose problems or message name a learner's source id (a
//          rejected set's problems quote the sourcedIds they are about), for that
//          learner's export and erasure. Import jobs are few: a scan of them is cheap.
// Parameters: $needle (the learner's source id as the problems quote it, JSON-escaped as
//             errors_json and report_json store it), $user (`"user": "<source id>"` as
//             report_json stores the user a problem's row is about).
// Returns: job (map of its properties); one row per job. Read.
MATCH (j:ImportJob)
WHERE j.errors_json CONTAINS $needle OR j.detail CONTAINS $needle
   OR j.report_json CONTAINS $needle OR j.report_json CONTAINS $user
RETURN properties(j) AS job
ORDER BY j.created_at
