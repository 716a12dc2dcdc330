// Purpose: the relationship-elements report's summary, in one aggregate query: how many
//          learners each section lists, by grade and school. The rule of
//          lrm_graph/reports/elements.py, in Cypher (kept equal to it by
//          tests/reports/test_summaries.py): `unrated`, no rating of an active caring
//          relationship; `lacking`, some element that no active caring relationship's
//          latest score for it (its newest rating that scores it, by either side)
//          reaches $threshold. Caring as in find_relationship_elements.cypher.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
//            reported (cypher/fragments/reported.cypher), the learners a report looks at.
//            schools (cypher/fragments/schools.cypher), the schools a learner counts at.
// Parameters: $today (date), $caring_types (list of type names), $elements (the element
//             names, RelationshipRating properties), $threshold (integer 1..5),
//             $visible (uids of the learners the caller may see, or null for all),
//             $grade, $organization (Organization uid), $community (Community uid); a
//             filter is null when not asked for.
// Returns: section, reason (null), grade_level, schools (list of {uid, name}, by uid;
//          empty when enrolled nowhere), count (learners). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
// A learner with no rating at all is unrated: their relationships are not read.
WITH l, EXISTS { MATCH (:RelationshipRating {learner_uid: l.uid}) } AS rated
WITH l, COLLECT {
  MATCH (l)-[r]-(a:Adult|Expert)
  WHERE rated AND type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active'
    AND (a:Adult OR {{screened(a, $today)}})
    AND a.archived_at IS NULL AND (r.until IS NULL OR r.until > $today)
  RETURN DISTINCT r.uid
} AS caring
WITH l, caring, COLLECT {
  MATCH (rt:RelationshipRating {learner_uid: l.uid})
  WHERE rt.relationship_uid IN caring
  RETURN rt
  ORDER BY rt.rated_at DESC
} AS ratings
WITH l, CASE
  WHEN size(ratings) = 0 THEN 'unrated'
  WHEN any(element IN $elements WHERE NOT any(rel IN caring WHERE coalesce(head(
         [rt IN ratings WHERE rt.relationship_uid = rel AND rt[element] IS NOT NULL
          | rt[element]]), 0) >= $threshold))
    THEN 'lacking'
END AS section
WHERE section IS NOT NULL
WITH l, section, {{schools(l, $today)}} AS schools
RETURN section, null AS reason, l.grade_level AS grade_level, schools, count(*) AS count
