// Purpose: the ties of some mapping rounds: each adult-learner pair marked by the adult or
//          named by the learner, with who said so and the adult's name.
// Parameters: $round_uids (list of round uids), $visible (learner uids, or null for all).
// Returns: round_uid, learner_uid, learner_name, adult_uid, adult_name, by (list:
//          'adult', 'learner'), in round, learner, adult order. Read.
UNWIND $round_uids AS round_uid
MATCH (m:MappingMark {round_uid: round_uid})
WHERE $visible IS NULL OR m.learner_uid IN $visible
WITH round_uid, m.learner_uid AS learner_uid, m.adult_uid AS adult_uid, collect(DISTINCT m.by) AS by
OPTIONAL MATCH (a:Entity {uid: adult_uid})
OPTIONAL MATCH (l:Entity {uid: learner_uid})
RETURN round_uid, learner_uid, l.name AS learner_name, adult_uid, a.name AS adult_name,
       by
ORDER BY round_uid, learner_uid, adult_uid
