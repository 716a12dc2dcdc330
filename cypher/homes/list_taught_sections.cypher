// Purpose: a teacher's classes: the class sections (and other communities) they actively
//          TEACH, each with its active, not archived learner members, by name; and the
//          learners they TEACH directly, as a section with no community (section null).
// Parameters: $teacher_uid, $today (date).
// Returns: section (map: uid, name, kind, or null for learners taught directly),
//          learners (list of maps: uid, name, grade_level). Read.
MATCH (t:Entity {uid: $teacher_uid})-[taught:TEACHES]->(c:Community)
WHERE t.node_kind = 'adult' AND c.archived_at IS NULL
  AND (taught.since IS NULL OR taught.since <= $today)
  AND (taught.until IS NULL OR taught.until > $today)
OPTIONAL MATCH (l:Learner)-[m:MEMBER_OF]->(c)
WHERE l.archived_at IS NULL
  AND (m.since IS NULL OR m.since <= $today) AND (m.until IS NULL OR m.until > $today)
WITH c, l ORDER BY l.name, l.uid
WITH c, collect(l {.uid, .name, .grade_level}) AS learners
RETURN c {.uid, .name, .kind} AS section, learners
ORDER BY c.name, c.uid
UNION ALL
MATCH (t:Entity {uid: $teacher_uid})-[taught:TEACHES]->(l:Learner)
WHERE t.node_kind = 'adult' AND l.archived_at IS NULL
  AND (taught.since IS NULL OR taught.since <= $today)
  AND (taught.until IS NULL OR taught.until > $today)
WITH l ORDER BY l.name, l.uid
WITH collect(l {.uid, .name, .grade_level}) AS learners
WHERE size(learners) > 0
RETURN null AS section, learners
