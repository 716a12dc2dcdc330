// Purpose: the district's analytics projection in one streamed answer, one row per node:
//          every live (not archived) node of the kinds the analyses look at, with only
//          the properties they use, and the projected relationships that start at it
//          (fragment projected_tie: active, between live nodes, an expert's tie to a
//          learner only as an active connection). One row per node, not one per
//          relationship: the driver decodes a fifth of the records (at 100,000 learners
//          439,485 rows, not 2.56M), the same values. Organizations are left out: they
//          only filter learners (see select_learners); a tie to a node that has no row
//          (an organization) is the caller's to drop. Types are static here (a dynamic
//          type in MATCH scans everything).
// Fragments: projected_tie (cypher/fragments/projected_tie.cypher).
// Parameters: $kinds (list of NodeKind values), $today (date; active means until IS NULL
//             OR until > $today).
// Returns: uid, node_kind, name, grade_level, roles, caseload_capacity, screening_status,
//          screening_expires_on, kind, open (null where a kind has no such field), ties
//          (a list of [to_uid, type]). Read.
MATCH (a:Entity)
WHERE a.node_kind IN $kinds AND a.archived_at IS NULL
CALL (a) {
  MATCH (a)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
               PEER_MENTORS|MEMBER_OF|PURSUES|IN_INDUSTRY|INTERESTED_IN|WORKS_IN|
               SUPPORTS|USES]->(b:Entity)
  WHERE {{projected_tie(a, r, b, $today)}}
  RETURN collect([b.uid, type(r)]) AS ties
}
RETURN a.uid AS uid, a.node_kind AS node_kind, a.name AS name,
       a.grade_level AS grade_level, a.roles AS roles,
       a.caseload_capacity AS caseload_capacity,
       a.screening_status AS screening_status,
       a.screening_expires_on AS screening_expires_on,
       a.kind AS kind, a.open AS open, ties
