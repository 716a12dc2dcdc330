// Purpose: one intervention, by uid, with its owner's name.
// Parameters: $uid.
// Returns: v (the Intervention), owner_name (null when the owner is no node). Read.
MATCH (v:Intervention {uid: $uid})
OPTIONAL MATCH (o:Entity {uid: v.owner_uid})
RETURN v, o.name AS owner_name
