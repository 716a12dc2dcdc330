// Purpose: how many nodes the district's analytics projection would hold (the nodes of
//          project_district, counted, not returned): checked against analytics_max_nodes
//          before a district-wide analytic streams anything.
// Parameters: $kinds (list of NodeKind values).
// Returns: nodes (one row). Read.
MATCH (n:Entity)
WHERE n.node_kind IN $kinds AND n.archived_at IS NULL
RETURN count(n) AS nodes
