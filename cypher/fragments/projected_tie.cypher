// Fragment: projected_tie(start, tie, end, on)
// Purpose: the rule that a relationship is in the analytics projection, written once: it
//          is active on `on` (no end, or an end after it), both its ends are live (not
//          archived), and an expert's tie to a learner is an active connection
//          (lrm_graph/access/safeguarding). Always true or false, never null.
// Arguments: start, tie, end (variables of the query: the start node, the relationship,
//            the end node), on (a date: a $parameter).
// Used by cypher/analytics/project_district.cypher (the district); an organization's
// subgraph (project_organization.cypher) writes it out knowing both ends live.
coalesce(({tie}.until IS NULL OR {tie}.until > {on}) AND {start}.archived_at IS NULL AND {end}.archived_at IS NULL AND ({start}.node_kind <> 'expert' OR {end}.node_kind <> 'learner' OR coalesce({tie}.connection_status, 'active') = 'active'), false)
