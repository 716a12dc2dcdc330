// Purpose: what a brief says about a learner themself: name, grade, how they like to
//          learn, their active interests, and the goals they actively pursue with each
//          goal's industries.
// Parameters: $learner_uid, $today (date).
// Returns: learner (map: uid, name, grade_level, learning_preferences), interests (list
//          of maps: uid, name), goals (list of maps: uid, title, kind, status, progress,
//          since, industries (list of maps: uid, name)); no row for no learner. Read.
MATCH (l:Entity {uid: $learner_uid})
WHERE l.node_kind = 'learner'
RETURN l {.uid, .name, .grade_level, .learning_preferences} AS learner,
       COLLECT {
         MATCH (l)-[r:INTERESTED_IN]->(i:Entity)
         WHERE (r.until IS NULL OR r.until > $today) AND i.archived_at IS NULL
         RETURN i {.uid, .name} AS interest ORDER BY interest.name, interest.uid
       } AS interests,
       COLLECT {
         MATCH (l)-[r:PURSUES]->(g:Entity)
         WHERE (r.until IS NULL OR r.until > $today) AND g.archived_at IS NULL
         RETURN g {.uid, title: coalesce(g.title, g.name), .kind, .status, .progress,
                   since: r.since,
                   industries: COLLECT {
                     MATCH (g)-[x:IN_INDUSTRY]->(n:Entity)
                     WHERE (x.until IS NULL OR x.until > $today) AND n.archived_at IS NULL
                     RETURN n {.uid, .name} AS industry ORDER BY industry.uid
                   }} AS goal
         ORDER BY goal.title, goal.uid
       } AS goals
