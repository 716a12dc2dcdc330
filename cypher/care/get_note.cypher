// Purpose: one note, by uid, with its author's name.
// Parameters: $uid.
// Returns: n (the Note), author_name (null when the author is no node). Read.
MATCH (n:Note {uid: $uid})
OPTIONAL MATCH (a:Entity {uid: n.author_uid})
RETURN n, a.name AS author_name
