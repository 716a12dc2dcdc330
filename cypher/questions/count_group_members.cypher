// Purpose: how many people each node many share is tied to (a community, an organization,
//          an interest, an industry, a resource, an adult's or expert's caseload): its active
//          relationships with not-archived learners, adults and experts, counted, never
//          listed. One above the caller's bound is shown as one node, not walked through.
// Parameters: $uids (group uids), $today (date), $people (node kinds that count).
// Returns: uid, members (int), one row per group found. Read.
UNWIND $uids AS uid
MATCH (g:Entity {uid: uid})
RETURN uid,
       COUNT {
         MATCH (g)-[r]-(p:Entity)
         WHERE (r.until IS NULL OR r.until > $today)
           AND p.archived_at IS NULL AND p.node_kind IN $people
       } AS members
