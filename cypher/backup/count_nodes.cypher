// Purpose: count the database's nodes by label (a node counts once per label it has),
//          to record in a backup and to check a restore against.
// Parameters: none.
// Returns: label, count; one row per label. Read.
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
