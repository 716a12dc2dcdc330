// Fragment: members(group, on)
// Purpose: how many people a group has, written once: its relationships active on `on`
//          with not-archived learners, adults and experts (a school's enrolled and staff,
//          a community's members and teachers, an interest's people). A group of more
//          than the caller's bound (setting network_hub_members) is a hub: a network shows
//          it as one node with this count, and a path goes through it only when asked.
// Arguments: group (a node variable of the query), on (a date: a $parameter).
// Used where a query writes {{members(<variable>, <$date>)}}: questions/expand_network,
// questions/shortest_path (lrm_graph/records/network.py holds the bound and the kinds).
COUNT { ({group})-[hub_tie]-(hub_member:Learner|Adult|Expert)
        WHERE (hub_tie.until IS NULL OR hub_tie.until > {on})
          AND hub_member.archived_at IS NULL }
