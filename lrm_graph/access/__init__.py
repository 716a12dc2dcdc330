"""Who may see and do what: which learners a caller sees, the policy tables, the checks
that apply them to one request, safeguarding of outside experts, and the audit log.
"""
