// Purpose: the communities an adult is in: those they actively belong to (MEMBER_OF, as
//          member or leader) or TEACH, not archived, by name, with their active members.
// Parameters: $adult_uid, $today (date).
// Returns: community (map: uid, name, kind), ties (list of: 'member', 'leader',
//          'teaches'), members (count of active learner members). Read.
MATCH (a:Entity {uid: $adult_uid})-[r:MEMBER_OF|TEACHES]->(c:Community)
WHERE c.archived_at IS NULL
  AND (r.since IS NULL OR r.since <= $today) AND (r.until IS NULL OR r.until > $today)
WITH c, collect(DISTINCT CASE type(r) WHEN 'TEACHES' THEN 'teaches'
                       ELSE coalesce(r.role, 'member') END) AS ties
CALL (c) {
  OPTIONAL MATCH (l:Learner)-[m:MEMBER_OF]->(c)
  WHERE l.archived_at IS NULL
    AND (m.since IS NULL OR m.since <= $today) AND (m.until IS NULL OR m.until > $today)
  RETURN count(l) AS members
}
RETURN c {.uid, .name, .kind} AS community, ties, members
ORDER BY c.name, c.uid
