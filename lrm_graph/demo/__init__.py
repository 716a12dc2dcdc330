"""Synthetic data: the demo school (`lrm demo`), its sign-ins, and the district generator
(`lrm generate`).
"""
