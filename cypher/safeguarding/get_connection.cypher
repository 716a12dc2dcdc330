// Purpose: one expert-learner connection (the expert's MENTORS or COACHES relationship to
//          the learner), found by expanding from the expert (a relationship's uid begins
//          with its start node's uid, which is indexed).
// Parameters: $expert_uid (the uid's prefix), $uid. Returns: r, type, expert (map: uid,
//             name, screening_status, screening_expires_on), learner_uid,
//             learner_birth_date. Read.
MATCH (e:Entity {uid: $expert_uid})-[r:MENTORS|COACHES]->(l:Learner)
WHERE r.uid = $uid AND e.node_kind = 'expert'
RETURN r, type(r) AS type,
       e {.uid, .name, .screening_status, .screening_expires_on} AS expert,
       l.uid AS learner_uid, l.birth_date AS learner_birth_date
