"""The learner's own voice (`/v1/me`): their record, goals, interests, trusted adults,
communities, and their requests for a mentor or to join a closed community.
"""
