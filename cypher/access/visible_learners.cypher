// Purpose: the learners a caller may see, each with the purpose that grants it: the ONE
//          place the access policy lives. Organization scope: learners actively
//          ENROLLED_AT the organization or a school PART_OF it. Person scope: the person's
//          own active relationships to the learner of the given types, or (teachers,
//          advisors, coaches, mentors) a class community they TEACHES that the learner is
//          an active MEMBER_OF; an expert only while screened (cleared, an expiry on
//          record and not past), through an active connection. Self scope: the learner
//          themself.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
// Parameters: $org_uid, $person_uid, $types (relationship types from the person to the
//             learner), $via_classes (bool), $screened_only (bool), $self_uid, $only
//             (list of learner uids to check, or null for all), $today.
// Returns: uid, purpose (one row per visible learner). Read.
CALL () {
  MATCH (o:Organization {uid: $org_uid})
  MATCH (l:Learner)-[e:ENROLLED_AT]->(school:Organization)
  WHERE (school = o OR EXISTS { (school)-[p:PART_OF]->(o) WHERE p.until IS NULL OR p.until > $today })
    AND (e.until IS NULL OR e.until > $today)
    AND ($only IS NULL OR l.uid IN $only)
  RETURN l.uid AS uid, 'organization ' + o.uid AS purpose
  UNION
  MATCH (p:Entity {uid: $person_uid})-[r]->(l:Learner)
  WHERE type(r) IN $types AND (r.until IS NULL OR r.until > $today)
    AND ($only IS NULL OR l.uid IN $only)
    AND (NOT $screened_only OR (
      {{screened(p, $today)}}
      AND coalesce(r.connection_status, 'active') = 'active'))
  RETURN l.uid AS uid, type(r) AS purpose
  UNION
  MATCH (p:Entity {uid: $person_uid})-[t:TEACHES]->(c:Community)<-[m:MEMBER_OF]-(l:Learner)
  WHERE $via_classes
    AND (t.until IS NULL OR t.until > $today) AND (m.until IS NULL OR m.until > $today)
    AND ($only IS NULL OR l.uid IN $only)
  RETURN l.uid AS uid, 'TEACHES ' + c.uid AS purpose
  UNION
  MATCH (l:Learner {uid: $self_uid})
  WHERE $only IS NULL OR l.uid IN $only
  RETURN l.uid AS uid, 'self' AS purpose
}
WITH uid, collect(purpose)[0] AS purpose
RETURN uid, purpose
