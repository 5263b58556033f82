/**
 * Development OpenID Connect provider (oidc-provider v9) with a simple login page
 * and fixed demo users. Never for production: it refuses NODE_ENV=production.
 */
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import express, { type Request, type Response } from 'express';
import type { LineLogger } from './log.js';

export interface DemoUser {
  username: string;
  password: string;
  subject: string;
  role: 'registrant' | 'provider' | 'employer' | 'staff' | 'municipality';
  name: string;
  email: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'registrant',
    password: 'demo-registrant',
    subject: 'demo-registrant',
    role: 'registrant',
    name: 'Sanne de Vries',
    email: 'sanne.devries@example.nl',
  },
  {
    username: 'provider',
    password: 'demo-provider',
    subject: 'demo-provider',
    role: 'provider',
    name: 'Opleidingscentrum Noord – Karim Bakker',
    email: 'karim.bakker@example.nl',
  },
  {
    username: 'employer',
    password: 'demo-employer',
    subject: 'demo-employer',
    role: 'employer',
    name: 'Welzijn Oost – Linda Jansen',
    email: 'linda.jansen@example.nl',
  },
  {
    username: 'staff',
    password: 'demo-staff',
    subject: 'demo-staff',
    role: 'staff',
    name: 'Registerbeheer – Pieter van den Berg',
    email: 'pieter.vandenberg@example.nl',
  },
  {
    username: 'municipality',
    password: 'demo-municipality',
    subject: 'demo-municipality',
    role: 'municipality',
    name: 'Gemeente Utrecht – Fatma Yılmaz',
    email: 'fatma.yilmaz@example.nl',
  },
];

/** Any `nieuw-…` username with this password logs in as a brand-new subject. */
const NEW_USER_PATTERN = /^nieuw-[a-z0-9-]{1,40}$/;
const NEW_USER_PASSWORD = 'demo-nieuw';

const ROLE_LABELS: Record<DemoUser['role'], { nl: string; en: string }> = {
  registrant: { nl: 'Geregistreerde professional', en: 'registrant' },
  provider: { nl: 'Opleider', en: 'training provider' },
  employer: { nl: 'Werkgever', en: 'employer' },
  staff: { nl: 'Medewerker registerbeheer', en: 'register staff' },
  municipality: { nl: 'Gemeente', en: 'municipality' },
};

interface AccountClaims {
  sub: string;
  name: string;
  email: string;
  email_verified: boolean;
}

function lookupAccount(sub: string): AccountClaims | undefined {
  const demo = DEMO_USERS.find((u) => u.subject === sub);
  if (demo) return { sub, name: demo.name, email: demo.email, email_verified: true };
  if (NEW_USER_PATTERN.test(sub)) {
    return { sub, name: 'Nieuwe Gebruiker', email: `${sub}@example.nl`, email_verified: true };
  }
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Returns the subject for valid credentials, otherwise null. */
function authenticate(usernameInput: string, password: string): string | null {
  const username = usernameInput.trim().toLowerCase();
  const demo = DEMO_USERS.find((u) => u.username === username);
  if (demo) return safeEqual(password, demo.password) ? demo.subject : null;
  if (NEW_USER_PATTERN.test(username) && safeEqual(password, NEW_USER_PASSWORD)) return username;
  return null;
}

function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  *{box-sizing:border-box}
  body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f3f5f8;color:#1a1a1a;line-height:1.5}
  main{max-width:52rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
  h1{font-size:1.6rem;margin:0} h2{font-size:1.2rem;margin-top:2rem}
  .en{color:#555;font-size:.9em} .sub{color:#555;margin:.1rem 0 1rem}
  .notice{background:#fff7e0;border-left:4px solid #c98a00;padding:.6rem .9rem}
  .error{background:#fdecec;border-left:4px solid #b3261e;padding:.6rem .9rem;color:#7a1410}
  label{display:block;font-weight:600;margin-top:1rem}
  input[type=text],input[type=password]{font:inherit;width:100%;max-width:24rem;padding:.45rem .6rem;border:2px solid #667;border-radius:4px}
  button{font:inherit;margin-top:1rem;padding:.5rem 1.1rem;border:0;border-radius:4px;background:#0b4f9c;color:#fff;cursor:pointer}
  button.small{margin:0;padding:.3rem .7rem;font-size:.9em}
  :focus-visible{outline:3px solid #f5a623;outline-offset:2px}
  table{border-collapse:collapse;width:100%;margin-top:.5rem} caption{text-align:left;color:#555;padding-bottom:.3rem}
  th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:middle}
  th{background:#eef2f7} code{font-size:1em}
  .visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function loginPage(opts: { uid: string; clientId: string; username?: string; error?: boolean }): string {
  const action = `/interaction/${encodeURIComponent(opts.uid)}/login`;
  const rows = DEMO_USERS.map(
    (u) => `<tr>
  <td>${esc(ROLE_LABELS[u.role].nl)} <span class="en" lang="en">(${esc(ROLE_LABELS[u.role].en)})</span></td>
  <td>${esc(u.name)}</td>
  <td><code>${esc(u.username)}</code></td>
  <td><code>${esc(u.password)}</code></td>
  <td><form method="post" action="${esc(action)}">
    <input type="hidden" name="username" value="${esc(u.username)}">
    <input type="hidden" name="password" value="${esc(u.password)}">
    <button class="small" type="submit">Inloggen als ${esc(u.username)}<span class="visually-hidden"> (${esc(u.name)})</span></button>
  </form></td>
</tr>`,
  ).join('\n');
  const errorId = 'login-error';
  const invalid = opts.error ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  return layout(
    'Inloggen – Vakregister (ontwikkeling)',
    `<h1>Inloggen bij het Vakregister</h1>
<p class="sub" lang="en">Sign in to Vakregister</p>
<p class="notice">Dit is een nep-inlogdienst voor ontwikkeling en tests; gebruik nooit echte wachtwoorden.
<span class="en" lang="en">This is a fake identity provider for development and testing; never use real passwords.</span></p>
<p>Applicatie <span class="en" lang="en">(client)</span>: <code>${esc(opts.clientId)}</code></p>
${
  opts.error
    ? `<div id="${errorId}" class="error" role="alert">Onbekende gebruikersnaam of verkeerd wachtwoord. <span lang="en">Unknown username or wrong password.</span></div>`
    : ''
}
<form method="post" action="${esc(action)}" autocomplete="off">
  <label for="username">Gebruikersnaam <span class="en" lang="en">(username)</span></label>
  <input type="text" id="username" name="username" required autocapitalize="none" spellcheck="false" value="${esc(opts.username ?? '')}"${invalid}${opts.username ? '' : ' autofocus'}>
  <label for="password">Wachtwoord <span class="en" lang="en">(password)</span></label>
  <input type="password" id="password" name="password" required${invalid}${opts.username ? ' autofocus' : ''}>
  <div><button type="submit">Inloggen <span lang="en">(sign in)</span></button></div>
</form>
<h2>Demo-gebruikers <span class="en" lang="en">(demo users)</span></h2>
<table>
<caption>Eén testaccount per rol. <span lang="en">One test account per role.</span></caption>
<thead><tr>
  <th scope="col">Rol <span class="en" lang="en">(role)</span></th>
  <th scope="col">Naam <span class="en" lang="en">(name)</span></th>
  <th scope="col">Gebruikersnaam <span class="en" lang="en">(username)</span></th>
  <th scope="col">Wachtwoord <span class="en" lang="en">(password)</span></th>
  <th scope="col"><span class="visually-hidden">Actie (action)</span></th>
</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Eerste keer inloggen proberen? Gebruik een gebruikersnaam als <code>nieuw-jouwnaam</code> (kleine letters, cijfers en streepjes) met wachtwoord <code>${NEW_USER_PASSWORD}</code>.
<span class="en" lang="en">To try a first-time login, use a username like <code>nieuw-yourname</code> with password <code>${NEW_USER_PASSWORD}</code>.</span></p>`,
  );
}

function messagePage(title: string, titleEn: string, text: string, textEn: string): string {
  return layout(
    `${title} – Vakregister (ontwikkeling)`,
    `<h1>${esc(title)}</h1>
<p class="sub" lang="en">${esc(titleEn)}</p>
<p>${esc(text)} <span class="en" lang="en">${esc(textEn)}</span></p>`,
  );
}

function sendHtml(res: Response, status: number, body: string): void {
  res
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // No form-action: Chrome would also apply it to the redirect back to the client.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    })
    .send(body);
}

// Minimal structural types for the parts of oidc-provider we use (it ships no types).
interface OidcGrant {
  accountId?: string;
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}
interface OidcInteraction {
  uid: string;
  prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface OidcProvider {
  Grant: { new (init: { accountId: string; clientId: string }): OidcGrant; find(id: string): Promise<OidcGrant | undefined> };
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<OidcInteraction>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  on(event: string, listener: (...args: never[]) => void): unknown;
}
type ProviderCtor = new (issuer: string, config: Record<string, unknown>) => OidcProvider;

/**
 * oidc-provider prints its notices with console.info/warn (e.g. "Unsupported
 * runtime" on Node 20, in-memory adapter warning). Route those through `log`.
 */
async function withOidcNotices<T>(log: LineLogger, fn: () => T | Promise<T>): Promise<T> {
  const { info, warn } = console;
  const route =
    (orig: (...a: unknown[]) => void) =>
    (...args: unknown[]) => {
      // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes of oidc-provider's notices
      const first = typeof args[0] === 'string' ? args[0].replace(/\x1b\[[0-9;]*m/g, '') : '';
      if (first.startsWith('oidc-provider ')) log(first);
      else orig.apply(console, args);
    };
  console.info = route(info);
  console.warn = route(warn);
  try {
    return await fn();
  } finally {
    console.info = info;
    console.warn = warn;
  }
}

function listenOn(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}

export async function startDevOidc(opts: {
  port: number;
  clients: Array<{ clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] }>;
  log: LineLogger;
}): Promise<{ issuer: string; stop: () => Promise<void> }> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development OIDC provider must not run with NODE_ENV=production.');
  }
  const { port, log } = opts;
  const issuer = `http://localhost:${port}`;

  const specifier: string = 'oidc-provider';
  const mod = (await withOidcNotices(log, () => import(specifier))) as { Provider: ProviderCtor };

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${randomUUID()}`, alg: 'RS256', use: 'sig' };

  const ttlSeconds = (s: number) => () => s;

  const config: Record<string, unknown> = {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // client_secret_post is accepted as well: oidc-provider v9 treats the two as interchangeable.
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    // Put the granted profile/email claims in the ID token too (not only in userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => false },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx: { body: string }, form: string) {
          ctx.body = layout(
            'Uitloggen – Vakregister (ontwikkeling)',
            `<h1>Uitloggen?</h1>
<p class="sub" lang="en">Sign out?</p>
<p>Wil je uitloggen bij de ontwikkel-inlogdienst? <span class="en" lang="en">Do you want to sign out of the development identity provider?</span></p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen <span lang="en">(Yes, sign me out)</span></button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven <span lang="en">(No, stay signed in)</span></button>`,
          );
        },
        postLogoutSuccessSource(ctx: { body: string }) {
          ctx.body = messagePage('Uitgelogd', 'Signed out', 'Je bent uitgelogd.', 'You have been signed out.');
        },
      },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount(_ctx: unknown, sub: string) {
      const claims = lookupAccount(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: () => claims };
    },
    clientBasedCORS: () => false,
    renderError(ctx: { type: string; body: string; status: number }, out: Record<string, unknown>) {
      ctx.type = 'html';
      const details = Object.entries(out)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</dd>`)
        .join('');
      ctx.body = layout(
        'Fout – Vakregister (ontwikkeling)',
        `<h1>Er ging iets mis</h1>
<p class="sub" lang="en">Something went wrong</p>
<div class="error" role="alert"><dl>${details}</dl></div>`,
      );
    },
    ttl: {
      AccessToken: ttlSeconds(60 * 60),
      AuthorizationCode: ttlSeconds(60),
      IdToken: ttlSeconds(60 * 60),
      Interaction: ttlSeconds(60 * 60),
      Session: ttlSeconds(24 * 60 * 60),
      Grant: ttlSeconds(24 * 60 * 60),
      RefreshToken: ttlSeconds(24 * 60 * 60),
      ClientCredentials: ttlSeconds(10 * 60),
      DeviceCode: ttlSeconds(10 * 60),
      BackchannelAuthenticationRequest: ttlSeconds(10 * 60),
      PreAuthorizedCode: ttlSeconds(10 * 60),
    },
  };

  const provider = await withOidcNotices(log, () => new mod.Provider(issuer, config));

  // Log provider errors instead of crashing / printing to stderr.
  provider.on('server_error', (_ctx: unknown, err: Error) => log(`server_error: ${err.stack ?? err.message}`));
  provider.on('error', (err: Error) => log(`error: ${err.stack ?? err.message}`));
  for (const ev of [
    'authorization.error',
    'grant.error',
    'end_session.error',
    'userinfo.error',
    'introspection.error',
    'revocation.error',
    'jwks.error',
    'discovery.error',
  ]) {
    provider.on(ev, (_ctx: unknown, err: Error & { error_description?: string }) =>
      log(`${ev}: ${err.message}${err.error_description ? ` (${err.error_description})` : ''}`),
    );
  }

  /** Login (optional) + consent in one go: grant whatever the client asked for. */
  async function finish(req: Request, res: Response, details: OidcInteraction, loginAccountId?: string): Promise<void> {
    const accountId = loginAccountId ?? details.session?.accountId;
    if (!accountId) throw new Error('no account for consent');
    const clientId = String(details.params.client_id);
    let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    if (!grant || grant.accountId !== accountId) grant = new provider.Grant({ accountId, clientId });
    const scope = typeof details.params.scope === 'string' ? details.params.scope : 'openid';
    grant.addOIDCScope(scope);
    const d = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (d.missingOIDCScope?.length) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims?.length) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    if (loginAccountId) {
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } else {
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
  }

  function interactionError(res: Response, err: unknown): void {
    const name = (err as { name?: string }).name;
    if (name === 'SessionNotFound') {
      sendHtml(
        res,
        400,
        messagePage(
          'Inlogsessie verlopen',
          'Sign-in session expired',
          'Deze inlogpoging is verlopen of onbekend. Ga terug naar de applicatie en log opnieuw in.',
          'This sign-in attempt expired or is unknown. Go back to the application and sign in again.',
        ),
      );
      return;
    }
    log(`interaction error: ${(err as Error).stack ?? String(err)}`);
    sendHtml(res, 500, messagePage('Er ging iets mis', 'Something went wrong', 'Probeer het opnieuw.', 'Please try again.'));
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/', (_req, res) => {
    sendHtml(
      res,
      200,
      layout(
        'Ontwikkel-inlogdienst – Vakregister',
        `<h1>Ontwikkel-inlogdienst (dev OIDC)</h1>
<p class="sub" lang="en">Development OpenID Connect provider</p>
<p>Issuer: <code>${esc(issuer)}</code> — <a href="/.well-known/openid-configuration">openid-configuration</a></p>
<p>Log in via de applicatie; demo-gebruikers: ${DEMO_USERS.map((u) => `<code>${esc(u.username)}</code>`).join(', ')} (wachtwoord <code>demo-&lt;gebruikersnaam&gt;</code>).</p>`,
      ),
    );
  });

  app.get('/interaction/:uid', async (req, res) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid) {
        sendHtml(res, 400, messagePage('Ongeldige aanvraag', 'Invalid request', 'Onbekende inlogpoging.', 'Unknown sign-in attempt.'));
        return;
      }
      if (details.prompt.name === 'login') {
        const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
        sendHtml(res, 200, loginPage({ uid: details.uid, clientId: String(details.params.client_id), username: hint }));
        return;
      }
      if (details.prompt.name === 'consent') {
        await finish(req, res, details);
        return;
      }
      sendHtml(res, 400, messagePage('Niet ondersteund', 'Not supported', `Onbekende stap: ${details.prompt.name}.`, 'Unknown prompt.'));
    } catch (err) {
      interactionError(res, err);
    }
  });

  app.post('/interaction/:uid/login', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid) {
        sendHtml(res, 400, messagePage('Ongeldige aanvraag', 'Invalid request', 'Onbekende inlogpoging.', 'Unknown sign-in attempt.'));
        return;
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (details.prompt.name !== 'login') {
        await finish(req, res, details);
        return;
      }
      const subject = authenticate(username, password);
      if (!subject) {
        log(`login failed for username "${username.slice(0, 60)}"`);
        sendHtml(res, 200, loginPage({ uid: details.uid, clientId: String(details.params.client_id), username, error: true }));
        return;
      }
      log(`login ${subject} for client ${String(details.params.client_id)}`);
      await finish(req, res, details, subject);
    } catch (err) {
      interactionError(res, err);
    }
  });

  const oidcCallback = provider.callback();
  app.use((req, res) => {
    void oidcCallback(req, res);
  });

  // Listen on IPv4 loopback, and on IPv6 loopback when available, since
  // "localhost" may resolve to either.
  const servers: http.Server[] = [];
  const v4 = http.createServer(app);
  try {
    await listenOn(v4, port, '127.0.0.1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} on 127.0.0.1 is already in use, so the development OIDC provider cannot start.`, { cause: err });
    }
    throw err;
  }
  servers.push(v4);
  const v6 = http.createServer(app);
  try {
    await listenOn(v6, port, '::1');
    servers.push(v6);
  } catch {
    // no IPv6 loopback (or port taken there): IPv4 only
  }

  log(`ready: ${issuer} (clients: ${opts.clients.map((c) => c.clientId).join(', ')})`);

  let stopping: Promise<void> | null = null;
  return {
    issuer,
    stop: () => {
      stopping ??= (async () => {
        await Promise.all(
          servers.map(
            (s) =>
              new Promise<void>((resolve) => {
                s.close(() => resolve());
                s.closeAllConnections();
              }),
          ),
        );
        log('dev OIDC provider stopped');
      })();
      return stopping;
    },
  };
}
