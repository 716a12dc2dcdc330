// Purpose: delete one note for good.
// Parameters: $uid.
// Returns: deleted (0 or 1). Write.
MATCH (n:Note {uid: $uid})
WITH n, n.uid AS uid
DETACH DELETE n
RETURN count(uid) AS deleted
