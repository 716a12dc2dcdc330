"""networkx analytics over a projection of the graph: goal gaps, bridges and isolation,
mentor match suggestions, community suggestions.

A leaf, like networkx itself: pure functions `f(G, *, ...)` over the projection
(`analytics.projection` gives its shape) that do no I/O, return plain Python values and
import nothing of the project. `lrm_graph.analysis` builds the projection from the
database and calls them; never the reverse. (The functions are not re-exported here:
`analytics.goal_gaps` stays the module.)
"""

__all__ = ["communities", "goal_gaps", "matches", "projection", "structure"]
