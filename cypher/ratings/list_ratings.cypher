// Purpose: the ratings of one relationship, newest first.
// Parameters: $relationship_uid. Returns: rating (the node's properties). Read.
MATCH (r:RelationshipRating {relationship_uid: $relationship_uid})
RETURN r AS rating
ORDER BY r.rated_at DESC, r.uid DESC
