"""The repositories: what a node of each kind holds (fields), reading and writing nodes and
relationships, and the bulk batches that write many at once. Below `access` (whose checks
read through them) and above `db`; the use cases in `records`, `imports` and the other
capabilities call `access` first, then these.
"""
