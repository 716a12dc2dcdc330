// Purpose: the communities whose join requests a person or an organization decides: those
//          actively PART_OF the organization (or of a school PART_OF it), and those the
//          person actively leads (MEMBER_OF, role leader) or TEACHES.
// Parameters: $org_uid (or null), $person_uid (or null), $today (date).
// Returns: uid (one row per community). Read.
CALL () {
  MATCH (o:Entity {uid: $org_uid})
  WHERE o:Organization
  MATCH (c:Community)-[p:PART_OF]->(t:Organization)
  WHERE (p.until IS NULL OR p.until > $today)
    AND (t = o OR EXISTS { (t)-[q:PART_OF]->(o) WHERE q.until IS NULL OR q.until > $today })
  RETURN c.uid AS uid
  UNION
  MATCH (a:Entity {uid: $person_uid})-[r:MEMBER_OF|TEACHES]->(c:Community)
  WHERE (r.until IS NULL OR r.until > $today) AND (type(r) = 'TEACHES' OR r.role = 'leader')
  RETURN c.uid AS uid
}
RETURN DISTINCT uid
