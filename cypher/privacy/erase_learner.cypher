// Purpose: erase one learner for good: the node, every relationship, the goals only they
//          pursued, their sign-in accounts and tokens, and every record of relationship
//          work about them (issue 6's labels, by learner_uid). What stays is de-identified:
//          one more in the ErasedLearners tally of their school (latest enrollment) and
//          grade, the audit entries, which name them by uid only, and (when they came from
//          another system) an ErasedSource tombstone: a keyed hash of their source id, so
//          imports skip them. Import jobs that quoted their source id get it replaced.
//          The audit entries their own accounts made keep the account's uid as actor_id
//          (a pseudonym once the account is gone) but lose the sign-in email: actor
//          becomes $pseudonym. Interests they added to the catalogue themself
//          (added_by_learner_uid) go when no one else is tied to them; the others only
//          lose the mark.
// Parameters: $uid, $tombstone (the keyed hash, or null), $jobs (list of {id,
//             errors_json, report_json, detail}: the import jobs that named them, as
//             rewritten), $pseudonym (the actor text of their own audit entries).
// Returns: relationships, goals, accounts, records, import_jobs, audit_entries,
//          catalogue_entries (counts removed or rewritten; no row when there is no
//          such learner). Write.
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
  WITH collect(a.uid) AS ids
  OPTIONAL MATCH (e:AuditEntry)
  WHERE e.actor_id IN ids
  SET e.actor = $pseudonym
  RETURN count(e) AS audit_entries
}
CALL (l) {
  OPTIONAL MATCH (i:Interest {added_by_learner_uid: l.uid})
  WITH collect(i) AS added
  WITH [i IN added WHERE NOT EXISTS { (i)--(other) WHERE other <> l }] AS orphans, added
  FOREACH (i IN added | REMOVE i.added_by_learner_uid)
  FOREACH (i IN orphans | DETACH DELETE i)
  RETURN size(orphans) AS catalogue_entries
}
CALL (l) {
  OPTIONAL MATCH (a:Account {person_uid: l.uid})
  OPTIONAL MATCH (t:AccessToken {account_uid: a.uid})
  WITH collect(DISTINCT a) AS accounts, collect(DISTINCT t) AS tokens
  FOREACH (t IN tokens | DETACH DELETE t)
  FOREACH (a IN accounts | DETACH DELETE a)
  RETURN size(accounts) AS accounts
}
CALL (l) {
  CALL (l) {
    MATCH (x:Interaction {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:Note {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:Intervention {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:MentorRequest {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:JoinRequest {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:RelationshipRating {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:MappingMark {learner_uid: l.uid}) RETURN x
    UNION ALL
    MATCH (x:Invitation {learner_uid: l.uid}) RETURN x
  }
  WITH collect(x) AS found
  FOREACH (x IN found | DETACH DELETE x)
  RETURN size(found) AS records
}
CALL () {
  UNWIND $jobs AS job
  MATCH (j:ImportJob {id: job.id})
  SET j.errors_json = job.errors_json, j.detail = job.detail, j.report_json = job.report_json
  RETURN count(j) AS import_jobs
}
FOREACH (h IN CASE WHEN $tombstone IS NULL THEN [] ELSE [$tombstone] END |
  MERGE (:ErasedSource {hash: h}))
DETACH DELETE l
RETURN relationships, goals, accounts, records, import_jobs, audit_entries, catalogue_entries
