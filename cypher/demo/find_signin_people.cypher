// Purpose: the people of the demo school that the demo sign-ins stand for: the first
//          school, its counselor, a mentor with an active mentee there, that mentee, a
//          teacher of one of the mentee's class sections, and the mentee's guardian (each
//          the first by source_id, so the same every run).
// Parameters: $school_source_id. Returns: school_uid, counselor_uid, counselor_name,
//             teacher_uid, teacher_name, mentor_uid, mentor_name, learner_uid,
//             learner_name, guardian_uid, guardian_name (no row before the demo school is
//             loaded). Read.
MATCH (school:Entity {node_kind: 'organization', source_id: $school_source_id})
MATCH (counselor:Adult)-[:WORKS_AT]->(school)
WHERE 'counselor' IN counselor.roles
WITH school, counselor
ORDER BY counselor.source_id
LIMIT 1
MATCH (mentor:Adult)-[m:MENTORS]->(learner:Learner)-[e:ENROLLED_AT]->(school)
WHERE 'mentor' IN mentor.roles AND m.until IS NULL AND e.until IS NULL
  AND EXISTS { (:Adult)-[g:GUARDIAN_OF]->(learner) WHERE g.until IS NULL }
  AND EXISTS {
    (learner)-[c:MEMBER_OF]->(s:Community)<-[t:TEACHES]-(:Adult)
    WHERE s.kind = 'class_section' AND c.until IS NULL AND t.until IS NULL
  }
WITH school, counselor, mentor, learner
ORDER BY mentor.source_id, learner.source_id
LIMIT 1
MATCH (learner)-[c:MEMBER_OF]->(section:Community)<-[t:TEACHES]-(teacher:Adult)
WHERE section.kind = 'class_section' AND c.until IS NULL AND t.until IS NULL
  AND 'teacher' IN teacher.roles
WITH school, counselor, mentor, learner, teacher
ORDER BY teacher.source_id
LIMIT 1
MATCH (guardian:Adult)-[g:GUARDIAN_OF]->(learner)
WHERE g.until IS NULL
WITH school, counselor, teacher, mentor, learner, guardian
ORDER BY guardian.source_id
LIMIT 1
RETURN school.uid AS school_uid, counselor.uid AS counselor_uid,
       counselor.name AS counselor_name, teacher.uid AS teacher_uid,
       teacher.name AS teacher_name, mentor.uid AS mentor_uid, mentor.name AS mentor_name,
       learner.uid AS learner_uid, learner.name AS learner_name,
       guardian.uid AS guardian_uid, guardian.name AS guardian_name
