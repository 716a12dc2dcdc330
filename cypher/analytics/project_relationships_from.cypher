// Purpose: the relationships of an organization's analytics projection: those the
//          projection keeps (fragment projected_tie) that start at one of $uids (the
//          subgraph's nodes: project_organization_nodes). Their far ends may lie outside
//          the subgraph; the caller keeps those between two of its nodes.
// Fragments: projected_tie (cypher/fragments/projected_tie.cypher).
// Parameters: $uids (list of uids), $today (date).
// Returns: from_uid, to_uid, type (one row per relationship, streamed). Read.
UNWIND $uids AS uid
MATCH (a:Entity {uid: uid})-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|
                             PEER_OF|PEER_MENTORS|MEMBER_OF|PURSUES|IN_INDUSTRY|
                             INTERESTED_IN|WORKS_IN|SUPPORTS|USES]->(b:Entity)
WHERE {{projected_tie(a, r, b, $today)}}
RETURN a.uid AS from_uid, b.uid AS to_uid, type(r) AS type
