// Purpose: how some nodes are tied to organizations, seen from one organization: a node
//          is tied to an organization it is, or actively WORKS_AT, WORKS_FOR, PART_OF or
//          ENROLLED_AT. `own`: tied to $org_uid or to an organization actively PART_OF it;
//          `above`: tied to an organization $org_uid is actively PART_OF.
// Parameters: $uids (list of node uids), $org_uid, $today (date).
// Returns: uid, node_kind, tied (bool), own (bool), above (bool); one row per node. Read.
UNWIND $uids AS node_uid
MATCH (n:Entity {uid: node_uid})
OPTIONAL MATCH (n)-[r:WORKS_AT|WORKS_FOR|PART_OF|ENROLLED_AT]->(t:Organization)
WHERE r.until IS NULL OR r.until > $today
WITH n, collect(t) + CASE WHEN n:Organization THEN [n] ELSE [] END AS ties
RETURN n.uid AS uid, n.node_kind AS node_kind, size(ties) > 0 AS tied,
       any(t IN ties WHERE t.uid = $org_uid OR EXISTS {
         (t)-[p:PART_OF]->(:Organization {uid: $org_uid}) WHERE p.until IS NULL OR p.until > $today
       }) AS own,
       any(t IN ties WHERE EXISTS {
         (:Organization {uid: $org_uid})-[p:PART_OF]->(t) WHERE p.until IS NULL OR p.until > $today
       }) AS above
