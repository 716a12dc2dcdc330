// Purpose: one page of a learner's interactions, newest first (at, then uid, descending),
//          each with the learners its interaction touched and the author's name.
// Parameters: $learner_uid, $since, $until (datetimes bounding `at`, or null), $before_at (datetime of the last row of the previous page, or
//             null), $before_uid (its uid, or null), $limit.
// Returns: i (the learner's Interaction node), learner_uids (every learner the logged
//          interaction touched), author_name. Read.
MATCH (i:Interaction {learner_uid: $learner_uid})
WHERE ($since IS NULL OR i.at >= $since) AND ($until IS NULL OR i.at < $until)
  AND ($before_at IS NULL OR i.at < $before_at OR (i.at = $before_at AND i.uid < $before_uid))
WITH i
ORDER BY i.at DESC, i.uid DESC
LIMIT $limit
OPTIONAL MATCH (a:Entity {uid: i.author_uid})
RETURN i, a.name AS author_name,
       COLLECT { MATCH (s:Interaction {interaction_uid: i.interaction_uid})
                 RETURN s.learner_uid ORDER BY s.learner_uid } AS learner_uids
ORDER BY i.at DESC, i.uid DESC
