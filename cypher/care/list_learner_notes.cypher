// Purpose: one page of the notes about a learner that a caller may read, newest first
//          (created_at, then uid, descending): their own, and those whose visibility is
//          one the caller's place around the learner opens (lrm_graph/care/notes.py).
// Parameters: $learner_uid, $author_uid (the caller), $visibilities (list), $since,
//             $until (datetimes bounding created_at, or null), $before_at, $before_uid
//             (the last row of the previous page, or null), $limit.
// Returns: n (the Note), author_name. Read.
MATCH (n:Note {learner_uid: $learner_uid})
WHERE (n.author_uid = $author_uid OR n.visibility IN $visibilities)
  AND ($since IS NULL OR n.created_at >= $since) AND ($until IS NULL OR n.created_at < $until)
  AND ($before_at IS NULL OR n.created_at < $before_at
       OR (n.created_at = $before_at AND n.uid < $before_uid))
WITH n
ORDER BY n.created_at DESC, n.uid DESC
LIMIT $limit
OPTIONAL MATCH (a:Entity {uid: n.author_uid})
RETURN n, a.name AS author_name
ORDER BY n.created_at DESC, n.uid DESC
