"""Benchmarks of a synthetic district on a fresh embedded Neo4j; see bench/README.md."""
