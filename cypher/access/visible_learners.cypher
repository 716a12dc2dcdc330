// Purpose: the learners a caller may see, each with the purpose that grants it (the
//          first, for a learner seen for two reasons). The rule is the fragment visible
//          (cypher/fragments/visible.cypher): the ONE place the access policy lives; a
//          question that meets learners applies it in its own query.
// Fragments: visible (cypher/fragments/visible.cypher).
// Parameters: $org_uid, $person_uid, $types (relationship types from the person to the
//             learner), $via_classes (bool), $screened_only (bool), $self_uid, $only
//             (list of learner uids to check, or null for all), $today.
// Returns: uid, purpose (one row per visible learner). Read.
UNWIND {{visible($only, $org_uid, $person_uid, $types, $via_classes, $screened_only, $self_uid, $today)}} AS seen
WITH seen.uid AS uid, collect(seen.purpose)[0] AS purpose
RETURN uid, purpose
