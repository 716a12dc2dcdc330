"""Sign-in: accounts (argon2 passwords), revocable tokens, scoped API keys, the caller."""
