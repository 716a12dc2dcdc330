"""A family's rights over a learner's record (export, erase) and the tombstones that keep
an erased learner from coming back with the next import.
"""
