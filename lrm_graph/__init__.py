"""LRM Graph: the relationships around each learner, kept in Neo4j."""

__version__ = "0.1.0"
