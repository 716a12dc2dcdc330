// Purpose: the relationships of the analytics projection of the district: every
//          relationship of the support, goal, interest and resource types that the
//          projection keeps (fragment projected_tie: active, between live nodes, an
//          expert's tie to a learner only as an active connection). Types are static here
//          (a dynamic type in MATCH scans everything).
// Fragments: projected_tie (cypher/fragments/projected_tie.cypher).
// Parameters: $today (date; active means until IS NULL OR until > $today).
// Returns: from_uid, to_uid, type (one row per relationship, streamed). Read.
MATCH (a:Entity)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
                    PEER_MENTORS|MEMBER_OF|PURSUES|IN_INDUSTRY|INTERESTED_IN|WORKS_IN|
                    SUPPORTS|USES]->(b:Entity)
WHERE {{projected_tie(a, r, b, $today)}}
RETURN a.uid AS from_uid, b.uid AS to_uid, type(r) AS type
