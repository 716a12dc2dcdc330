"""The graph's records: nodes and their fields, relationships, relationship ratings, and
the questions that walk them (network, caseload, paths, search).
"""
