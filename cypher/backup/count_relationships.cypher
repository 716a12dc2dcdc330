// Purpose: count the database's relationships by type, to record in a backup and to
//          check a restore against.
// Parameters: none.
// Returns: type, count; one row per relationship type. Read.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
