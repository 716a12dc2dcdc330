// Purpose: one relationship mapping round, with its organization's name.
// Parameters: $uid. Returns: round (map: uid, name, organization_uid, status, opened_at,
//             closed_at, opened_by, closed_by), organization_name. Read.
MATCH (r:MappingRound {uid: $uid})
OPTIONAL MATCH (o:Organization {uid: r.organization_uid})
RETURN r {.uid, .name, .organization_uid, .status, .opened_at, .closed_at, .opened_by,
          .closed_by} AS round,
       o.name AS organization_name
