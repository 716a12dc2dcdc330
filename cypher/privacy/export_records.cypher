// Purpose: the records of relationship work kept about one learner (issue 6's labels, each
//          found by its indexed learner_uid): interactions, every note whatever its
//          visibility (an inspection request shows them all), interventions, mentor and
//          join requests, relationship ratings and mapping marks.
// Parameters: $uid (the learner's uid).
// Returns: section (which list it belongs in), record (map of its properties); one row
//          per record, in section and creation order. Read.
CALL () {
  MATCH (x:Interaction {learner_uid: $uid}) RETURN 'interactions' AS section, x
  UNION ALL
  MATCH (x:Note {learner_uid: $uid}) RETURN 'notes' AS section, x
  UNION ALL
  MATCH (x:Intervention {learner_uid: $uid}) RETURN 'interventions' AS section, x
  UNION ALL
  MATCH (x:MentorRequest {learner_uid: $uid}) RETURN 'mentor_requests' AS section, x
  UNION ALL
  MATCH (x:JoinRequest {learner_uid: $uid}) RETURN 'join_requests' AS section, x
  UNION ALL
  MATCH (x:RelationshipRating {learner_uid: $uid}) RETURN 'ratings' AS section, x
  UNION ALL
  MATCH (x:MappingMark {learner_uid: $uid}) RETURN 'mapping_marks' AS section, x
}
RETURN section, properties(x) AS record
ORDER BY section, coalesce(x.created_at, x.at, x.rated_at, x.marked_at), x.uid
