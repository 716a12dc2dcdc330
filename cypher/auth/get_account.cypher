// Purpose: one account by email, for sign-in and the CLI.
// Parameters: $email (lower-cased). Returns: a. Read.
MATCH (a:Account {email: $email})
RETURN a
