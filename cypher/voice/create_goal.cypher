// Purpose: create a learner's own goal in one transaction: the Goal node, the learner's
//          PURSUES of it and, when an industry is named, the goal's IN_INDUSTRY to it.
//          Nothing is written when the learner or the named industry is missing or
//          archived.
// Parameters: $learner_uid, $industry_uid (or null), $goal_uid, $props (map: the goal's
//             fields and name), $pursuit_uid, $industry_tie_uid (relationship uids),
//             $tie (map: since, source), $now (datetime).
// Returns: uid (the new goal's; no row when nothing was written). Write.
MATCH (l:Entity {uid: $learner_uid})
WHERE l:Learner AND l.archived_at IS NULL
OPTIONAL MATCH (i:Entity {uid: $industry_uid})
WHERE i:Industry AND i.archived_at IS NULL
WITH l, i
WHERE $industry_uid IS NULL OR i IS NOT NULL
CREATE (g:Entity:Goal {uid: $goal_uid})
SET g += $props, g.node_kind = 'goal', g.created_at = $now, g.updated_at = $now
CREATE (l)-[p:PURSUES {uid: $pursuit_uid}]->(g)
SET p += $tie, p.created_at = $now, p.updated_at = $now
FOREACH (_ IN CASE WHEN i IS NULL THEN [] ELSE [1] END |
  CREATE (g)-[t:IN_INDUSTRY {uid: $industry_tie_uid}]->(i)
  SET t += $tie, t.created_at = $now, t.updated_at = $now
)
RETURN g.uid AS uid
