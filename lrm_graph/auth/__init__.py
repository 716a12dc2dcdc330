"""Sign-in: accounts (argon2 passwords, or made from the roster), revocable tokens, scoped
API keys, the caller, the OpenID Connect protocol and the web session's cookie."""
