// Purpose: log one interaction: one Interaction node per learner touched (sharing
//          interaction_uid); set last_interaction_at on the author's active caring
//          relationships with each learner (either direction, a type of $caring_types,
//          the setting the reports read; by default the learner's TRUSTS of the author
//          too) when the interaction is newer; and count it as a check-in
//          of the author's open interventions for each learner that started by then.
// Parameters: $rows (list of maps: uid, learner_uid), $interaction_uid, $author_uid,
//             $kind, $summary, $at (datetime), $now (datetime), $today (date),
//             $caring_types (list of type names).
// Returns: learner_uid, relationships (touched), interventions (checked in). Write.
UNWIND $rows AS row
CREATE (i:Interaction {uid: row.uid})
SET i.interaction_uid = $interaction_uid, i.learner_uid = row.learner_uid,
    i.author_uid = $author_uid, i.kind = $kind, i.summary = $summary, i.at = $at,
    i.created_at = $now
WITH i, row
CALL (row) {
  MATCH (l:Entity {uid: row.learner_uid})-[r]-(p:Entity {uid: $author_uid})
  WHERE type(r) IN $caring_types AND (r.until IS NULL OR r.until > $today)
    AND coalesce(r.connection_status, 'active') = 'active'
    AND NOT coalesce(r.last_interaction_at >= $at, false)
  SET r.last_interaction_at = $at, r.updated_at = $now
  RETURN count(r) AS relationships
}
CALL (row) {
  MATCH (v:Intervention {learner_uid: row.learner_uid})
  WHERE v.owner_uid = $author_uid AND v.status = 'open' AND v.start <= date($at)
    AND NOT coalesce(v.last_check_in_at >= $at, false)
  SET v.last_check_in_at = $at, v.updated_at = $now
  RETURN count(v) AS interventions
}
RETURN i.learner_uid AS learner_uid, relationships, interventions
