// Fragment: members(group, on, up_to)
// Purpose: how many people a group has, written once: its relationships active on `on`
//          with not-archived learners, adults and experts (a school's enrolled and staff,
//          a community's members and teachers, an interest's people), counted up to
//          `up_to` (a count below it is exact; the count stops there, so telling a hub
//          from a group costs at most `up_to` ties, not a school's 2,000). A group of more
//          than the caller's bound (setting network_hub_members) is a hub: a network shows
//          it as one node with its count, a path goes through it only when asked, and
//          the brief's walk to goal links goes no further through it.
// Arguments: group (a node variable of the query), on (a date: a $parameter), up_to (an
//            integer $parameter: the most members to count).
// Used where a query writes {{members(<variable>, <$date>, <$most>)}}:
//      questions/expand_network, fragments/path_step, care/expand_support
//      (lrm_graph/records/network.py holds the bound and the kinds).
COUNT { MATCH ({group})-[hub_tie]-(hub_member:Learner|Adult|Expert)
        WHERE (hub_tie.until IS NULL OR hub_tie.until > {on})
          AND hub_member.archived_at IS NULL
        RETURN hub_member LIMIT {up_to} }
