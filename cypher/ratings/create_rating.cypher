// Purpose: record one rating of a relationship on the five elements of the Developmental
//          Relationships Framework, by one of its two ends. A new node each time: the
//          ratings of a relationship are its history, the most recent one counts.
// Parameters: $rating (map: uid, relationship_uid, learner_uid, adult_uid, rater_uid,
//             side, express_care, challenge_growth, provide_support, share_power,
//             expand_possibilities (an int 1..5 or null each), rated_at).
// Returns: rating (the node's properties). Write.
CREATE (r:RelationshipRating {uid: $rating.uid})
SET r += $rating
RETURN r AS rating
