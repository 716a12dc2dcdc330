// Purpose: write one note about a learner.
// Parameters: $uid, $learner_uid, $author_uid, $text, $visibility, $now (datetime).
// Returns: n (the Note), author_name (null when the author is no node). Write.
CREATE (n:Note {uid: $uid})
SET n.learner_uid = $learner_uid, n.author_uid = $author_uid, n.text = $text,
    n.visibility = $visibility, n.created_at = $now, n.updated_at = $now
WITH n
OPTIONAL MATCH (a:Entity {uid: n.author_uid})
RETURN n, a.name AS author_name
