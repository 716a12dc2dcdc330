"""The analytics as the API and the CLI ask for them: project the graph, run the pure
functions of `analytics/`, shape each answer for its caller.
"""
