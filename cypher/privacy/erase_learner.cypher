// Purpose: erase one learner for good: the node, every relationship, the goals only they
//          pursued, their sign-in accounts and tokens. What stays is de-identified: one
//          more in the ErasedLearners tally of their school (latest enrollment) and grade,
//          and the audit entries, which name them by uid only.
// Parameters: $uid. Returns: relationships, goals, accounts (counts removed; no row when
//             there is no such learner). Write.
MATCH (l:Entity {uid: $uid})
WHERE l.node_kind = 'learner'
CALL (l) {
  OPTIONAL MATCH (l)-[e:ENROLLED_AT]->(o:Organization)
  WITH o, e
  ORDER BY coalesce(e.until, date('9999-12-31')) DESC, e.since DESC
  RETURN head(collect(o.uid)) AS organization_uid
}
MERGE (t:ErasedLearners {
  organization_uid: coalesce(organization_uid, ''), grade_level: coalesce(l.grade_level, '')
})
ON CREATE SET t.learners = 0
SET t.learners = t.learners + 1
WITH l
CALL (l) {
  OPTIONAL MATCH (l)-[r]-()
  RETURN count(r) AS relationships
}
CALL (l) {
  OPTIONAL MATCH (l)-[:PURSUES]->(g:Goal)
  WHERE NOT EXISTS { (g)<-[:PURSUES]-(other) WHERE other <> l }
  WITH collect(DISTINCT g) AS own_goals
  FOREACH (g IN own_goals | DETACH DELETE g)
  RETURN size(own_goals) AS goals
}
CALL (l) {
  OPTIONAL MATCH (a:Account {person_uid: l.uid})
  OPTIONAL MATCH (t:AccessToken {account_uid: a.uid})
  WITH collect(DISTINCT a) AS accounts, collect(DISTINCT t) AS tokens
  FOREACH (t IN tokens | DETACH DELETE t)
  FOREACH (a IN accounts | DETACH DELETE a)
  RETURN size(accounts) AS accounts
}
DETACH DELETE l
RETURN relationships, goals, accounts
