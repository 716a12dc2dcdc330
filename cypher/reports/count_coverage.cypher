// Purpose: coverage per organization and grade as of a date: how many learners, and how
//          many with at least one caring adult, at least two, a community, a goal, and a
//          goal WITH A CONNECTION. Everything is read as of $as_of: a relationship counts
//          when (since is null or since <= $as_of) and (until is null or until > $as_of);
//          a node counts unless archived on or before $as_of. Grade is the learner's
//          current grade_level. A learner enrolled at two organizations counts in both;
//          one enrolled nowhere counts under a null organization.
//          A goal has a connection when the learner PURSUES it and
//            (a) a Resource SUPPORTS the goal itself, or the goal is IN_INDUSTRY an
//                Industry tied to the learner's network at one or two hops:
//            (b) a caring adult or expert of the learner WORKS_IN it,
//            (c) an adult or expert who shares a community with the learner WORKS_IN it,
//            (d) a community the learner is MEMBER_OF is IN_INDUSTRY it, or
//            (e) a resource the learner USES SUPPORTS it.
// An expert's relationship counts only as an active connection with a cleared, current
// screening (safeguarding:
// a proposed or revoked one is not yet, or no longer, a relationship), as in analytics.
// Fragments: screened (cypher/fragments/screened.cypher), an expert's screening.
// Parameters: $as_of (date), $caring_types (list of type names), $visible (uids of the
//             learners the caller may see, or null for all: only they are counted), $grade,
//             $organization (Organization uid), $community (Community uid); a filter is
//             null when not asked for.
// Returns: the fields of CoverageRow (lrm_graph/reports/rows.py) but the shares, which
//          the report works out from the counts; by organization name then grade. Read.
// Who works in which industry, as "<adult uid> <industry uid>" pairs, and which industries
// each community reaches through its adult and expert members, as "<community uid>
// <industry uid>" pairs: found once (few: people and communities x industries), so that
// rules (b), (c) and (d) are set lookups per learner, never walks over an industry's
// workers or a community's members.
CALL () {
  MATCH (a:Adult|Expert)-[w:WORKS_IN]->(i:Industry)
  WHERE (a.archived_at IS NULL OR date(a.archived_at) > $as_of)
    AND (w.since IS NULL OR w.since <= $as_of) AND (w.until IS NULL OR w.until > $as_of)
  OPTIONAL MATCH (a)-[n:MEMBER_OF]->(c:Community)
  WHERE (n.since IS NULL OR n.since <= $as_of) AND (n.until IS NULL OR n.until > $as_of)
  RETURN collect(DISTINCT a.uid + ' ' + i.uid) AS worker_industries,
         collect(DISTINCT c.uid + ' ' + i.uid) AS member_industries
}
// Which industries each community is itself IN_INDUSTRY, as "<community uid> <industry
// uid>" pairs (few): rule (d) is then a set lookup per learner, not a walk from each of
// the learner's communities (a class holds hundreds) into the industry.
CALL () {
  MATCH (c:Community)-[ci:IN_INDUSTRY]->(i:Industry)
  WHERE (ci.since IS NULL OR ci.since <= $as_of) AND (ci.until IS NULL OR ci.until > $as_of)
  RETURN collect(DISTINCT c.uid + ' ' + i.uid) AS own_industries
}
// Rules (c) and (d) ask the same of a learner's communities: one set holds both.
WITH worker_industries, member_industries + own_industries AS community_industries
MATCH (l:Learner)
WHERE (l.archived_at IS NULL OR date(l.archived_at) > $as_of)
  AND ($visible IS NULL OR l.uid IN $visible)
  AND ($grade IS NULL OR l.grade_level = $grade)
  AND ($organization IS NULL OR EXISTS {
    (l)-[e:ENROLLED_AT]->(o:Organization {uid: $organization})
    WHERE (e.since IS NULL OR e.since <= $as_of) AND (e.until IS NULL OR e.until > $as_of)
  })
  AND ($community IS NULL OR EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community {uid: $community})
    WHERE (m.since IS NULL OR m.since <= $as_of) AND (m.until IS NULL OR m.until > $as_of)
  })
WITH l, worker_industries, community_industries,
  COUNT {
    MATCH (l)-[r]-(a:Adult|Expert)
    WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active'
      AND (a:Adult OR {{screened(a, $as_of)}})
      AND (a.archived_at IS NULL OR date(a.archived_at) > $as_of)
      AND (r.since IS NULL OR r.since <= $as_of) AND (r.until IS NULL OR r.until > $as_of)
    RETURN DISTINCT a
    LIMIT 2
  } AS caring_adults,
  EXISTS {
    (l)-[m:MEMBER_OF]->(c:Community)
    WHERE (c.archived_at IS NULL OR date(c.archived_at) > $as_of)
      AND (m.since IS NULL OR m.since <= $as_of) AND (m.until IS NULL OR m.until > $as_of)
  } AS in_a_community,
  EXISTS {
    (l)-[p:PURSUES]->(g:Goal)
    WHERE (g.archived_at IS NULL OR date(g.archived_at) > $as_of)
      AND (p.since IS NULL OR p.since <= $as_of) AND (p.until IS NULL OR p.until > $as_of)
  } AS has_goal
WITH l, worker_industries, community_industries, caring_adults, in_a_community, has_goal,
  has_goal AND EXISTS {
    MATCH (l)-[p:PURSUES]->(g:Goal)
    WHERE (g.archived_at IS NULL OR date(g.archived_at) > $as_of)
      AND (p.since IS NULL OR p.since <= $as_of) AND (p.until IS NULL OR p.until > $as_of)
      AND (
        // (a) a resource supports the goal itself
        EXISTS {
          (g)<-[s:SUPPORTS]-(res:Resource)
          WHERE (res.archived_at IS NULL OR date(res.archived_at) > $as_of)
            AND (s.since IS NULL OR s.since <= $as_of) AND (s.until IS NULL OR s.until > $as_of)
        }
        OR EXISTS {
          MATCH (g)-[gi:IN_INDUSTRY]->(i:Industry)
          WHERE (i.archived_at IS NULL OR date(i.archived_at) > $as_of)
            AND (gi.since IS NULL OR gi.since <= $as_of)
            AND (gi.until IS NULL OR gi.until > $as_of)
            AND (
              // (b) a caring adult or expert works in the industry
              EXISTS {
                (l)-[r]-(a:Adult|Expert)
                WHERE type(r) IN $caring_types AND coalesce(r.connection_status, 'active') = 'active'
                  AND (a:Adult OR {{screened(a, $as_of)}})
                  AND (a.archived_at IS NULL OR date(a.archived_at) > $as_of)
                  AND (r.since IS NULL OR r.since <= $as_of)
                  AND (r.until IS NULL OR r.until > $as_of)
                  AND a.uid + ' ' + i.uid IN worker_industries
              }
              // (e) a resource the learner uses supports the industry
              OR EXISTS {
                (l)-[u:USES]->(res:Resource)-[s:SUPPORTS]->(i)
                WHERE (res.archived_at IS NULL OR date(res.archived_at) > $as_of)
                  AND (u.since IS NULL OR u.since <= $as_of)
                  AND (u.until IS NULL OR u.until > $as_of)
                  AND (s.since IS NULL OR s.since <= $as_of)
                  AND (s.until IS NULL OR s.until > $as_of)
              }
              // (c) someone who shares a community with the learner works in the
              // industry, or (d) one of the learner's communities is in the industry
              OR EXISTS {
                (l)-[m:MEMBER_OF]->(c:Community)
                WHERE (c.archived_at IS NULL OR date(c.archived_at) > $as_of)
                  AND (m.since IS NULL OR m.since <= $as_of)
                  AND (m.until IS NULL OR m.until > $as_of)
                  AND c.uid + ' ' + i.uid IN community_industries
              }
            )
        }
      )
  } AS connected_goal
OPTIONAL MATCH (l)-[e:ENROLLED_AT]->(o:Organization)
WHERE (e.since IS NULL OR e.since <= $as_of) AND (e.until IS NULL OR e.until > $as_of)
  AND ($organization IS NULL OR o.uid = $organization)
RETURN o.uid AS organization_uid, o.name AS organization_name, l.grade_level AS grade_level,
       count(l) AS learners,
       count(CASE WHEN caring_adults >= 1 THEN 1 END) AS with_caring_adult,
       count(CASE WHEN caring_adults >= 2 THEN 1 END) AS with_two_caring_adults,
       count(CASE WHEN in_a_community THEN 1 END) AS with_community,
       count(CASE WHEN has_goal THEN 1 END) AS with_goal,
       count(CASE WHEN connected_goal THEN 1 END) AS with_connected_goal
ORDER BY organization_name, organization_uid, grade_level
