// Purpose: the no-community report's summary, in one aggregate query: how many learners
//          each section lists, by grade and school. Who is listed is the rule of
//          find_no_community.cypher (kept equal to it by tests/reports/test_summaries.py):
//          `no_home_base`, no active membership of a non-archived $home_base_kind
//          community; `no_community`, those of them in no non-archived community at all.
// Fragments: reported (cypher/fragments/reported.cypher), the learners a report looks at.
//            schools (cypher/fragments/schools.cypher), the schools a learner counts at.
// Parameters: $today (date), $home_base_kind (a CommunityKind value), $visible (uids of
//             the learners the caller may see, or null for all), $grade, $organization
//             (Organization uid), $community (Community uid); a filter is null when not
//             asked for.
// Returns: section, reason (null), grade_level, schools (list of {uid, name}, by uid;
//          empty when enrolled nowhere), count (learners). Read.
MATCH (l:Learner)
WHERE l.archived_at IS NULL
  AND {{reported(l, $today)}}
  AND NOT EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community)
    WHERE c.kind = $home_base_kind AND c.archived_at IS NULL
      AND (m.until IS NULL OR m.until > $today)
  }
WITH l, EXISTS {
  (l)-[m:MEMBER_OF]->(c:Community)
  WHERE c.archived_at IS NULL AND (m.until IS NULL OR m.until > $today)
} AS in_a_community
WITH l, in_a_community, {{schools(l, $today)}} AS schools
UNWIND CASE WHEN in_a_community THEN ['no_home_base']
            ELSE ['no_community', 'no_home_base'] END AS section
RETURN section, null AS reason, l.grade_level AS grade_level, schools, count(*) AS count
