// A real OpenID provider for the test session: panva's oidc-provider (OpenID certified),
// on a loopback port, with a plain sign-in form instead of the library's dev screens.
//
// Started by tests/oidc_server.py as `node provider.mjs`, configured through one JSON
// environment variable, OIDC_TEST_CONFIG:
//   {"port": 45123,
//    "clients": [{"client_id", "client_secret", "redirect_uris", "backchannel_logout_uri"}],
//    "accounts": {"<sub>": "<email>", ...}}
// It prints "ready <issuer>" on stdout once it listens.
//
// Tests may ask it to misbehave once, to show that LRM Graph refuses what it should:
// POST /__test/tamper {"mode": "forged"|"expired"|"audience"|"nonce", "nonce"?: "..."}
// changes the ID token of the next token response: "forged" signs it with a key the
// provider never published; "expired", "audience" and "nonce" sign it with the provider's
// real key but with an expiry in the past, another client's audience, or the given nonce
// (one used in an earlier flow: a replay).
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG);
const issuer = `http://127.0.0.1:${config.port}`;
const emails = config.accounts;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
let tamper = null;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    backchannel_logout_session_required: true,
    ...client,
  })),
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['test-cookie-key-not-a-secret'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: {
    devInteractions: { enabled: false },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
      },
    },
  },
  pkce: { required: () => true },
  // The provider's own calls out (back-channel logout): its guard against requests to
  // special-use addresses refuses loopback, where everything of the tests runs, and its
  // 2.5 s limit is short on a busy test machine.
  fetch: (url, options) => {
    const { dispatcher, ...rest } = options;
    return globalThis.fetch(url, { ...rest, signal: AbortSignal.timeout(60000) });
  },
  findAccount: async (ctx, sub) => (emails[sub] ? {
    accountId: sub,
    claims: async () => ({ sub, email: emails[sub], email_verified: true }),
  } : undefined),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: {
    AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600,
    Session: 86400, Grant: 86400,
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Provider error', `<p>${escape(out.error)}: ${escape(out.error_description)}</p>`);
  },
});

async function signInForm(ctx, uid, problem) {
  ctx.type = 'html';
  ctx.body = page('Sign in to the test provider', `${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Email <input type="email" name="email" autocomplete="username" required></label>
<button type="submit">Sign in</button></form>`);
}

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

// Consent is given at once: the district's own provider does not ask its staff.
async function grantConsent(ctx, details) {
  const { prompt: { details: missing }, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  ctx.respond = false;
}

async function retouch(idToken) {
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = privateKey;
  if (tamper.mode === 'forged') {
    key = (await generateKeyPair('RS256')).privateKey;
    claims.email = 'someone-else@example.org';
  } else if (tamper.mode === 'expired') {
    Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  } else if (tamper.mode === 'audience') {
    Object.assign(claims, { aud: 'another-client', azp: 'another-client' });
  } else if (tamper.mode === 'nonce') {
    claims.nonce = tamper.nonce;
  }
  const header = decodeProtectedHeader(idToken);
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ }).sign(key);
}

provider.use(async (ctx, next) => {
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (ctx.method === 'POST' && ctx.path === '/__test/tamper') {
    tamper = JSON.parse(await readBody(ctx));
    ctx.status = 204;
    return;
  }
  if (interaction && ctx.method === 'GET') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'consent') return grantConsent(ctx, details);
    return signInForm(ctx, details.uid);
  }
  if (interaction && ctx.method === 'POST') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const email = (new URLSearchParams(await readBody(ctx)).get('email') || '').trim().toLowerCase();
    const sub = Object.keys(emails).find((key) => emails[key] === email);
    if (!sub) return signInForm(ctx, details.uid, 'No account with that email at this provider.');
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    ctx.respond = false;
    return;
  }
  await next();
  if (ctx.path === '/token' && tamper && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: await retouch(ctx.body.id_token) };
    tamper = null;
  }
});

// Failed back-channel calls go to the log the tests show when something fails.
provider.on('backchannel.error', (ctx, error, client) => {
  console.error(`backchannel logout to ${client.clientId} failed: ${error} (${error.cause})`);
});

provider.listen(config.port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
