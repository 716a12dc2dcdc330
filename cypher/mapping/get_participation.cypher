// Purpose: how a caller takes part in the mapping rounds of organizations: `manages` (an
//          organization role's own organization, or a school actively PART_OF it),
//          `works_at` (the person actively WORKS_AT it), `cares` (the person has an active
//          caring relationship, of $caring_types, to a learner actively ENROLLED_AT it; an
//          expert's only while screened, cleared and an active connection, as access has
//          it), `enrolled` (the person is a learner actively ENROLLED_AT it).
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
// Parameters: $org_uid (the caller's organization, or null), $person_uid (or null),
//             $caring_types (list of type names), $only (an organization uid, or null for
//             every one), $today (date).
// Returns: organization_uid, manages, works_at, cares, enrolled (bools); one row per
//          organization the caller takes part in at all. Read.
CALL () {
  MATCH (o:Organization {uid: $org_uid})
  RETURN o.uid AS organization_uid, 'manages' AS how
  UNION
  MATCH (s:Organization)-[p:PART_OF]->(:Organization {uid: $org_uid})
  WHERE p.until IS NULL OR p.until > $today
  RETURN s.uid AS organization_uid, 'manages' AS how
  UNION
  MATCH (:Entity {uid: $person_uid})-[w:WORKS_AT]->(o:Organization)
  WHERE w.until IS NULL OR w.until > $today
  RETURN o.uid AS organization_uid, 'works_at' AS how
  UNION
  MATCH (p:Entity {uid: $person_uid})-[r]->(:Learner)-[e:ENROLLED_AT]->(o:Organization)
  WHERE type(r) IN $caring_types AND (r.until IS NULL OR r.until > $today)
    AND (e.until IS NULL OR e.until > $today)
    AND (p.node_kind <> 'expert' OR (
      {{screened(p, $today)}}
      AND coalesce(r.connection_status, 'active') = 'active'))
  RETURN o.uid AS organization_uid, 'cares' AS how
  UNION
  MATCH (:Learner {uid: $person_uid})-[e:ENROLLED_AT]->(o:Organization)
  WHERE e.until IS NULL OR e.until > $today
  RETURN o.uid AS organization_uid, 'enrolled' AS how
}
WITH organization_uid, collect(how) AS hows
WHERE $only IS NULL OR organization_uid = $only
RETURN organization_uid, 'manages' IN hows AS manages, 'works_at' IN hows AS works_at,
       'cares' IN hows AS cares, 'enrolled' IN hows AS enrolled
