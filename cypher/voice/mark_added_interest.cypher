// Purpose: mark an interest a learner added to the catalogue themself, so that erasing
//          the learner removes it when no one else is tied to it (the name may be theirs:
//          "hobby of ..."). The mark is never shown: node answers list declared fields.
// Parameters: $uid (the interest), $learner_uid. Returns: uid. Write.
MATCH (i:Interest {uid: $uid})
SET i.added_by_learner_uid = $learner_uid
RETURN i.uid AS uid
