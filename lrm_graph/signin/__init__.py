"""Signing in as a district does: through its identity provider, from its roster, and by a
guardian's invitation. The audited use cases over `lrm_graph.auth` (accounts, tokens, the
OpenID Connect protocol) and `lrm_graph.access` (the audit log, who sees which learner)."""
