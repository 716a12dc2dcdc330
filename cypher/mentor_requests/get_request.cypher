// Purpose: one mentor request, with the learner's name and the goal's title.
// Parameters: $uid. Returns: request (map), learner_name, goal_title (no row when there
//             is none). Read.
MATCH (r:MentorRequest {uid: $uid})
OPTIONAL MATCH (l:Entity {uid: r.learner_uid})
OPTIONAL MATCH (g:Entity {uid: r.goal_uid})
RETURN r AS request, l.name AS learner_name, g.title AS goal_title
