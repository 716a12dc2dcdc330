"""Loading many records at once: the bulk format (`POST /v1/bulk`, `lrm import lrm`) and
OneRoster CSV sets (`/v1/imports/oneroster`, `lrm import oneroster`).
"""
