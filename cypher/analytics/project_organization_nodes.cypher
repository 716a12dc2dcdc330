// Purpose: the nodes of one organization's analytics projection (a school's, for its
//          counselors): its people (learners ENROLLED_AT it, adults and experts WORKS_AT or
//          WORKS_FOR it, active), every live node one projected relationship away from
//          one of them (their mentors, peers, communities, goals, interests, resources),
//          the industries of the goals and of the people met, the resources that support
//          any of these and the communities in those industries (a suggestion for a
//          learner). Organizations are left out, as in project_nodes.
// Parameters: $organization (uid), $kinds (list of NodeKind values), $today (date).
// Returns: the columns of project_nodes (one row per node, streamed). Read.
MATCH (o:Organization {uid: $organization})<-[m:ENROLLED_AT|WORKS_AT|WORKS_FOR]-(member:Entity)
WHERE (m.until IS NULL OR m.until > $today)
  AND member.archived_at IS NULL AND member.node_kind IN $kinds
WITH collect(DISTINCT member) AS members
CALL (members) {
  UNWIND members AS member
  MATCH (member)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
                   PEER_MENTORS|MEMBER_OF|PURSUES|INTERESTED_IN|WORKS_IN|USES]-(near:Entity)
  WHERE (r.until IS NULL OR r.until > $today)
    AND near.archived_at IS NULL AND near.node_kind IN $kinds
  RETURN collect(DISTINCT near) AS met
}
WITH members + met AS found
CALL (found) {
  UNWIND found AS n
  MATCH (n)-[r:IN_INDUSTRY|WORKS_IN]->(industry:Industry)
  WHERE (r.until IS NULL OR r.until > $today) AND industry.archived_at IS NULL
  RETURN collect(DISTINCT industry) AS industries
}
CALL (found, industries) {
  UNWIND found + industries AS n
  MATCH (n)<-[r:SUPPORTS|IN_INDUSTRY]-(far:Resource|Community)
  WHERE (r.until IS NULL OR r.until > $today) AND far.archived_at IS NULL
    AND (type(r) = 'SUPPORTS' OR far:Community)
  RETURN collect(DISTINCT far) AS farther
}
UNWIND found + industries + farther AS n
WITH DISTINCT n
RETURN n.uid AS uid, n.node_kind AS node_kind, n.name AS name,
       n.grade_level AS grade_level, n.roles AS roles,
       n.caseload_capacity AS caseload_capacity,
       n.screening_status AS screening_status,
       n.screening_expires_on AS screening_expires_on,
       n.kind AS kind, n.open AS open
