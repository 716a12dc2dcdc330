// Purpose: one page of relationship mapping rounds in uid order, of the organizations the
//          caller may see rounds of.
// Parameters: $organizations (list of organization uids, or null for all), $organization
//             (an organization uid or null), $status ('open', 'closed' or null), $after
//             (last uid of the previous page, or ''), $limit.
// Returns: round (map: uid, name, organization_uid, status, opened_at, closed_at,
//          opened_by, closed_by), organization_name. Read.
MATCH (r:MappingRound)
WHERE r.uid > $after
  AND ($organizations IS NULL OR r.organization_uid IN $organizations)
  AND ($organization IS NULL OR r.organization_uid = $organization)
  AND ($status IS NULL OR r.status = $status)
OPTIONAL MATCH (o:Organization {uid: r.organization_uid})
RETURN r {.uid, .name, .organization_uid, .status, .opened_at, .closed_at, .opened_by,
          .closed_by} AS round,
       o.name AS organization_name
ORDER BY r.uid
LIMIT $limit
