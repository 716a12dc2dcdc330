// Purpose: the relationships of the analytics projection: every active relationship of the
//          support, goal, interest and resource types between two live nodes. Types are
//          static here (a dynamic type in MATCH scans everything). An expert's edge to a
//          learner is left out unless it is an active connection (lrm_graph/safeguarding).
// Parameters: $today (date; active means until IS NULL OR until > $today).
// Returns: from_uid, to_uid, type (one row per relationship, streamed). Read.
MATCH (a:Entity)-[r:MENTORS|ADVISES|COACHES|COUNSELS|TEACHES|GUARDIAN_OF|TRUSTS|PEER_OF|
                    PEER_MENTORS|MEMBER_OF|PURSUES|IN_INDUSTRY|INTERESTED_IN|WORKS_IN|
                    SUPPORTS|USES]->(b:Entity)
WHERE (r.until IS NULL OR r.until > $today)
  AND a.archived_at IS NULL AND b.archived_at IS NULL
  // An expert's edge to a learner counts only as an active connection (safeguarding).
  AND (a.node_kind <> 'expert' OR b.node_kind <> 'learner'
       OR coalesce(r.connection_status, 'active') = 'active')
RETURN a.uid AS from_uid, b.uid AS to_uid, type(r) AS type
