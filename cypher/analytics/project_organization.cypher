// Purpose: one organization's analytics projection (a school's, for its counselors), in
//          one streamed answer, anchored at the organization (no scan of the district):
//          its people (learners ENROLLED_AT it, adults WORKS_AT and experts WORKS_FOR it,
//          active), every live node one projected relationship away from one of them
//          (their mentors, peers, communities, goals, interests, resources), the
//          industries of those, the resources that support any of these and the
//          communities in those industries (a suggestion for a learner). Organizations are
//          left out, as in project_district. Each node comes with the projected
//          relationships that start at it (fragment projected_tie, its end's half known
//          true: every node found is live); an end outside the subgraph is the caller's
//          to drop.
// Parameters: $organization (uid), $today (date).
// Returns: the columns of project_district (ties: a list of [to_uid, type]), one row per
//          node, streamed. Read.
MATCH (o:Organization {uid: $organization})<-[m:ENROLLED_AT|WORKS_AT|WORKS_FOR]-(member)
WHERE (m.until IS NULL OR m.until > $today) AND member.archived_at IS NULL
WITH collect(DISTINCT member) AS members
CALL (members) {
  UNWIND members AS member
  MATCH (member)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
                   PEER_MENTORS|MEMBER_OF|PURSUES|INTERESTED_IN|WORKS_IN|USES]-(near)
  WHERE (r.until IS NULL OR r.until > $today) AND near.archived_at IS NULL
  RETURN collect(DISTINCT near) AS met
}
WITH members + met AS found
CALL (found) {
  UNWIND found AS n
  WITH n WHERE n:Goal OR n:Community OR n:Adult OR n:Expert OR n:Resource
  MATCH (n)-[r:IN_INDUSTRY|WORKS_IN]->(industry)
  WHERE (r.until IS NULL OR r.until > $today) AND industry.archived_at IS NULL
  RETURN collect(DISTINCT industry) AS industries
}
CALL (found, industries) {
  UNWIND found + industries AS n
  WITH n WHERE n:Goal OR n:Industry OR n:Interest
  MATCH (n)<-[r:SUPPORTS|IN_INDUSTRY]-(far:Resource|Community)
  WHERE (r.until IS NULL OR r.until > $today) AND far.archived_at IS NULL
    AND (type(r) = 'SUPPORTS' OR far:Community)
  RETURN collect(DISTINCT far) AS farther
}
UNWIND found + industries + farther AS n
WITH DISTINCT n
WITH n, n.node_kind AS node_kind
CALL (n, node_kind) {
  MATCH (n)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
                PEER_MENTORS|MEMBER_OF|PURSUES|IN_INDUSTRY|INTERESTED_IN|WORKS_IN|
                SUPPORTS|USES]->(b)
  WHERE (r.until IS NULL OR r.until > $today)
    AND (node_kind <> 'expert' OR NOT b:Learner OR coalesce(r.connection_status, 'active') = 'active')
  RETURN collect([b.uid, type(r)]) AS ties
}
RETURN n.uid AS uid, node_kind, n.name AS name,
       CASE node_kind WHEN 'learner' THEN n.grade_level END AS grade_level,
       CASE node_kind WHEN 'adult' THEN n.roles END AS roles,
       CASE WHEN node_kind IN ['adult', 'expert'] THEN n.caseload_capacity END AS caseload_capacity,
       CASE node_kind WHEN 'expert' THEN n.screening_status END AS screening_status,
       CASE node_kind WHEN 'expert' THEN n.screening_expires_on END AS screening_expires_on,
       CASE node_kind WHEN 'community' THEN n.kind END AS kind,
       CASE node_kind WHEN 'community' THEN n.open END AS open, ties
