// Fragment: path_step(rel, node, on, end, through_hubs, hub_kinds, most, up_to)
// Purpose: whether a path may take one step: along `rel`, active on `on`, to `node`, not
//          archived and, unless `through_hubs`, no hub (a node of `hub_kinds` with more
//          than `most` members: fragment members, counted up to `up_to`, which is
//          `most` + 1) unless it is the path's `end` (uid). A node with no more ties than
//          `most` (its degree, read from the store, not by walking its ties) has no more
//          members either, so most nodes are never counted.
// Arguments: rel, node (variables of a quantified path pattern), on (a date), end (a uid),
//            through_hubs (bool), hub_kinds (node kinds that are groups), most, up_to
//            (integers): each a $parameter.
// Used by questions/shortest_path, once per bound of the path's length.
({rel}.until IS NULL OR {rel}.until > {on}) AND {node}.archived_at IS NULL
AND ({through_hubs} OR {node}.uid = {end} OR NOT {node}.node_kind IN {hub_kinds}
     OR COUNT { ({node})--() } <= {most} OR {{members({node}, {on}, {up_to})}} <= {most})
