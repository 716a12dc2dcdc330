"""networkx analytics over a projection of the graph: goal gaps, bridges and isolation,
mentor match suggestions, community suggestions.

`analytics.projection` is the one module that talks to the database; every other module
here holds pure functions `f(G, *, ...)` over the projection that do no I/O and return
plain Python values. `lrm_graph.analysis.runner` is the glue the API and the CLI call. (The
functions are not re-exported here: `analytics.goal_gaps` stays the module.)
"""

__all__ = ["communities", "goal_gaps", "matches", "projection", "structure"]
