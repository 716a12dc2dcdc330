// Purpose: record marks of an open mapping round in bulk: an adult marks learners they have
//          a positive relationship with, or a learner names adults they trust. Idempotent:
//          a mark's uid is derived from (round, by, adult, learner), so marking twice keeps
//          one mark. The round is locked first (updated_at), then its status read: a round
//          closed meanwhile takes no marks.
// Parameters: $round_uid, $by ('adult' or 'learner'), $rows (list of maps: uid,
//             learner_uid, adult_uid), $now (datetime).
// Returns: status (the round's status); marked (list of maps: learner_uid, adult_uid, new)
//          when it is open, else an empty list. No row when the round does not exist. Write.
MATCH (r:MappingRound {uid: $round_uid})
SET r.updated_at = $now
WITH r, r.status AS status
CALL (r, status) {
  UNWIND CASE WHEN status = 'open' THEN $rows ELSE [] END AS row
  MERGE (m:MappingMark {uid: row.uid})
  ON CREATE SET m.round_uid = r.uid, m.learner_uid = row.learner_uid,
                m.adult_uid = row.adult_uid, m.by = $by, m.marked_at = $now
  RETURN collect({learner_uid: m.learner_uid, adult_uid: m.adult_uid,
                  new: m.marked_at = $now}) AS marked
}
RETURN status, marked
