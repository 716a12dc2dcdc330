// Purpose: the catalogue interest with this name, compared without regard to case (the
//          oldest, should there be several); archived ones are left out.
// Parameters: $name. Returns: uid (no row when there is none). Read.
MATCH (n:Interest)
WHERE toLower(n.name) = toLower($name) AND n.archived_at IS NULL
RETURN n.uid AS uid
ORDER BY n.created_at, n.uid
LIMIT 1
