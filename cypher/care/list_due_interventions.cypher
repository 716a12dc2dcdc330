// Purpose: an owner's open interventions whose next check-in is due before a day: the
//          last check-in (or, with none, the start) plus cadence_days is before $before
//          (today: the overdue ones; a week ahead: the week's). Most overdue first.
// Parameters: $owner_uid, $before (date), $limit.
// Returns: v (the Intervention), owner_name, due_on (date the check-in was due). Read.
MATCH (v:Intervention {owner_uid: $owner_uid})
WHERE v.status = 'open'
WITH v, coalesce(date(v.last_check_in_at), v.start) + duration({days: v.cadence_days}) AS due_on
WHERE due_on < $before
OPTIONAL MATCH (o:Entity {uid: v.owner_uid})
RETURN v, o.name AS owner_name, due_on
ORDER BY due_on, v.uid
LIMIT $limit
