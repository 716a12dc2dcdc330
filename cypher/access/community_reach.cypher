// Purpose: whether a learner may join a community of their own accord, as far as where it
//          belongs: not a class section or advisory (those are the school's to fill), and
//          tied to no organization, or actively PART_OF an organization the learner is
//          actively ENROLLED_AT or that such a school is actively PART_OF (a district club).
// Parameters: $learner_uid, $community_uid, $today (date).
// Returns: within (bool); no row for an unknown community. Read.
MATCH (c:Community {uid: $community_uid})
OPTIONAL MATCH (c)-[p:PART_OF]->(o:Organization)
WHERE p.until IS NULL OR p.until > $today
WITH c, collect(o) AS orgs
RETURN NOT coalesce(c.kind, '') IN ['class_section', 'advisory'] AND (size(orgs) = 0 OR any(o IN orgs WHERE EXISTS {
  MATCH (:Learner {uid: $learner_uid})-[e:ENROLLED_AT]->(school:Organization)
  WHERE (e.until IS NULL OR e.until > $today)
    AND (school = o OR EXISTS { (school)-[q:PART_OF]->(o) WHERE q.until IS NULL OR q.until > $today })
})) AS within
