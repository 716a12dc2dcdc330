// Purpose: tie a goal to one industry, or to none: end (history kept) its active
//          IN_INDUSTRY to any other industry and create one to $industry_uid unless it is
//          tied there already. The goal is written first, so two changes at once queue.
// Parameters: $goal_uid, $industry_uid (or null: no industry), $tie_uid (uid of a new
//             relationship), $tie (map: since, source), $reason (ended_reason),
//             $today (date), $now (datetime).
// Returns: uid (the goal's), ended (ties ended), tied (an active tie to $industry_uid
//          exists now). No row when the goal, or a named industry, is missing. Write.
MATCH (g:Entity {uid: $goal_uid})
WHERE g:Goal
OPTIONAL MATCH (i:Entity {uid: $industry_uid})
WHERE i:Industry AND i.archived_at IS NULL
WITH g, i
WHERE $industry_uid IS NULL OR i IS NOT NULL
SET g.updated_at = $now
WITH g, i
OPTIONAL MATCH (g)-[t:IN_INDUSTRY]->(other:Industry)
WHERE (t.until IS NULL OR t.until > $today) AND (i IS NULL OR other <> i)
SET t.until = $today, t.ended_reason = $reason, t.updated_at = $now
WITH g, i, count(t) AS ended
OPTIONAL MATCH (g)-[kept:IN_INDUSTRY]->(i)
WHERE kept.until IS NULL OR kept.until > $today
WITH g, i, ended, count(kept) AS kept
FOREACH (_ IN CASE WHEN i IS NOT NULL AND kept = 0 THEN [1] ELSE [] END |
  CREATE (g)-[n:IN_INDUSTRY {uid: $tie_uid}]->(i)
  SET n += $tie, n.created_at = $now, n.updated_at = $now
)
RETURN g.uid AS uid, ended, i IS NOT NULL AS tied
