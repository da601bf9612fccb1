// A real OpenID provider for the tests: panva's oidc-provider (certified by the OpenID
// Foundation), configured as HelseID and ID-porten are: pushed authorization requests, PKCE,
// private_key_jwt, DPoP, the authorization response's `iss`, and HelseID-like claims.
//
//   node server.mjs CONFIG.json
//
// CONFIG: {"port", "issuer", "clients": [oidc-provider client metadata], "accounts": {"login":
// {claims}}, "par": false to offer no pushed authorization requests}. The log-in page is ours
// (below): choose an account and the level of the log-in. It prints "ready" when it listens.
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const LEVELS = {
  high: { acr: 'idporten-loa-high', security_level: '4', amr: ['BankID', 'mfa'] },
  substantial: { acr: 'idporten-loa-substantial', security_level: '3', amr: ['pwd'] },
};

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'provider-key', use: 'sig', alg: 'RS256' }] },
  clientAuthMethods: ['private_key_jwt'],
  features: {
    devInteractions: { enabled: false },
    pushedAuthorizationRequests: { enabled: config.par !== false },
    dPoP: { enabled: true },
  },
  pkce: { required: () => true },
  acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  conformIdTokenClaims: false,
  claims: {
    acr: null,
    amr: null,
    auth_time: null,
    openid: ['sub', 'pid', 'oid', 'amr'],
    profile: ['name'],
    'helseid://scopes/identity/pid': ['helseid://claims/identity/pid'],
    'helseid://scopes/identity/security_level': ['helseid://claims/identity/security_level'],
    'helseid://scopes/hpr/hpr_number': ['helseid://claims/hpr/hpr_number'],
  },
  // The account id carries the level chosen at log-in ("kari|high"), so the claims can say it.
  async findAccount(ctx, id) {
    const [login, level] = id.split('|');
    const person = config.accounts[login];
    if (!person) return undefined;
    const { security_level } = LEVELS[level] ?? LEVELS.substantial;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          name: person.name,
          pid: person.pid,
          oid: person.oid,
          'helseid://claims/identity/pid': person.pid,
          'helseid://claims/hpr/hpr_number': person.hpr,
          'helseid://claims/identity/security_level': security_level,
        };
      },
    };
  },
  // First-party client: every scope asked for is granted, so there is no consent page.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { Session: 600, Interaction: 600, Grant: 600 },
  // Two providers on one host in a test: cookies do not tell ports apart, names do.
  cookies: {
    names: {
      session: `_session${config.port}`,
      interaction: `_interaction${config.port}`,
      resume: `_interaction_resume${config.port}`,
    },
  },
});
// Behind no proxy: plain http on a loopback port, as in the tests.
provider.proxy = false;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid) {
  const options = Object.entries(config.accounts)
    .map(([login, p]) => `<option value="${escape(login)}">${escape(p.name)}</option>`)
    .join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Test-ID</title></head>
<body><main><h1>Test-ID</h1><form method="post" action="/interaction/${escape(uid)}">
<label>Person <select name="login">${options}</select></label>
<label>Nivå <select name="level"><option value="high">Høyt</option>
<option value="substantial">Betydelig</option></select></label>
<button type="submit">Logg inn</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = req.url.match(/^\/interaction\/([^/?]+)/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(page(details.uid));
    }
    const form = await readForm(req);
    const level = LEVELS[form.level] ? form.level : 'substantial';
    const result = {
      login: { accountId: `${form.login}|${level}`, acr: LEVELS[level].acr, amr: LEVELS[level].amr },
    };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  } catch (err) {
    res.statusCode = 400;
    res.end(String(err));
  }
});
server.listen(config.port, '127.0.0.1', () => console.log('ready'));
