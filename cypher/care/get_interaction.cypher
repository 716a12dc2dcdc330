// Purpose: the nodes of one logged interaction (one per learner it touched), found by the
//          interaction_uid index, with the author's name.
// Parameters: $interaction_uid.
// Returns: i (the Interaction node), author_name (null when the author is no node). Read.
MATCH (i:Interaction {interaction_uid: $interaction_uid})
OPTIONAL MATCH (a:Entity {uid: i.author_uid})
RETURN i, a.name AS author_name
ORDER BY i.learner_uid
