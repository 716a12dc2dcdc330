// Purpose: change the text or visibility of one note.
// Parameters: $uid, $props (map: text and/or visibility), $now (datetime).
// Returns: n (the Note; no row when it is gone). Write.
MATCH (n:Note {uid: $uid})
SET n += $props, n.updated_at = $now
RETURN n
