// Purpose: open a relationship mapping round at an organization, unless one is open there
//          already. The organization node is locked first (a property set and removed in
//          the same transaction changes nothing), so two people opening a round at once
//          cannot both succeed.
// Parameters: $organization_uid, $uid (the new round's uid), $name, $opened_by (a person
//             or account uid), $now (datetime).
// Returns: uid (null when a round is open there already), open_uid (the open round's uid,
//          or null). No row when the organization does not exist. Write.
MATCH (o:Organization {uid: $organization_uid})
SET o.mapping_round_lock = true
REMOVE o.mapping_round_lock
WITH o
OPTIONAL MATCH (open:MappingRound {organization_uid: o.uid, status: 'open'})
WITH o, collect(open.uid)[0] AS open_uid
FOREACH (_ IN CASE WHEN open_uid IS NULL THEN [1] ELSE [] END |
  CREATE (r:MappingRound {uid: $uid})
  SET r.name = $name, r.organization_uid = o.uid, r.status = 'open',
      r.opened_at = $now, r.opened_by = $opened_by
)
RETURN CASE WHEN open_uid IS NULL THEN $uid END AS uid, open_uid
