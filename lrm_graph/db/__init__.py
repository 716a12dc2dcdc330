"""Graph access: the driver, the named queries of `cypher/`, the schema, cursor pages and
the embedded Neo4j's runtime.
"""
