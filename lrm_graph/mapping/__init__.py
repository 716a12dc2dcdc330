"""Relationship mapping rounds: staff mark the learners they know, learners name the adults
they trust, and each round is compared with the one before.
"""
