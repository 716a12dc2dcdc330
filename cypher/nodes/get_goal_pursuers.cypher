// Purpose: the learners who pursue (or once pursued) some goals: a goal is a learner's
//          own, so who may read it follows from who may see those learners.
// Parameters: $uids (list of goal uids). Returns: uid (a goal found), pursuers (list of
//             learner uids, maybe empty: a goal nobody ever pursued). Read.
UNWIND $uids AS goal_uid
MATCH (g:Goal {uid: goal_uid})
RETURN g.uid AS uid, [(l:Learner)-[:PURSUES]->(g) | l.uid] AS pursuers
