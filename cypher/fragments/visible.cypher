// Fragment: visible(only, org_uid, person_uid, types, via_classes, screened_only, self_uid, on)
// Purpose: the learners a caller may see, each with the purpose that grants it: the ONE
//          place the access policy lives (a list of maps {uid, purpose}; a learner seen for
//          two reasons comes twice, the first is the purpose recorded). Organization scope:
//          learners actively ENROLLED_AT the organization or a school PART_OF it. Person
//          scope: the person's own active relationships to the learner of the given
//          types, or (teachers, advisors, coaches, mentors) a class community they TEACHES
//          that the learner is an active MEMBER_OF; an expert only while screened
//          (cleared, an expiry on record and not past), through an active connection.
//          Self scope: the learner themself.
// Arguments: only (a list of learner uids to check, or null for all), org_uid,
//            person_uid, types (relationship types from the person to the learner),
//            via_classes (bool), screened_only (bool), self_uid (lrm_graph.access.visibility
//            .LearnerScope, as $parameters), on (a date: a $parameter). `only` may be a
//            variable of the query: a question asks about the learners it met.
// Used where a query writes {{visible(...)}}: access/visible_learners (the learners a
//      caller sees), questions/expand_network (those a network meets, in the question).
COLLECT {
  MATCH (seen_org:Organization {uid: {org_uid}})
  MATCH (seen_learner:Learner)-[seen_at:ENROLLED_AT]->(seen_school:Organization)
  WHERE (seen_school = seen_org
         OR EXISTS { (seen_school)-[seen_part:PART_OF]->(seen_org)
                     WHERE seen_part.until IS NULL OR seen_part.until > {on} })
    AND (seen_at.until IS NULL OR seen_at.until > {on})
    AND ({only} IS NULL OR seen_learner.uid IN {only})
  RETURN {uid: seen_learner.uid, purpose: 'organization ' + seen_org.uid} AS seen_for
  UNION
  MATCH (seen_person:Entity {uid: {person_uid}})-[seen_tie]->(seen_learner:Learner)
  WHERE type(seen_tie) IN {types} AND (seen_tie.until IS NULL OR seen_tie.until > {on})
    AND ({only} IS NULL OR seen_learner.uid IN {only})
    AND (NOT {screened_only} OR (
      {{screened(seen_person, {on})}}
      AND coalesce(seen_tie.connection_status, 'active') = 'active'))
  RETURN {uid: seen_learner.uid, purpose: type(seen_tie)} AS seen_for
  UNION
  MATCH (seen_person:Entity {uid: {person_uid}})-[seen_teaches:TEACHES]->(seen_class:Community)
        <-[seen_member:MEMBER_OF]-(seen_learner:Learner)
  WHERE {via_classes}
    AND (seen_teaches.until IS NULL OR seen_teaches.until > {on})
    AND (seen_member.until IS NULL OR seen_member.until > {on})
    AND ({only} IS NULL OR seen_learner.uid IN {only})
  RETURN {uid: seen_learner.uid, purpose: 'TEACHES ' + seen_class.uid} AS seen_for
  UNION
  MATCH (seen_learner:Learner {uid: {self_uid}})
  WHERE {only} IS NULL OR seen_learner.uid IN {only}
  RETURN {uid: seen_learner.uid, purpose: 'self'} AS seen_for
}
