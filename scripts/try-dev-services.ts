/**
 * Self-check for the embedded development services (scripts/lib/*).
 * Starts Postgres, Redis, the dev OIDC provider and the mail sink, exercises each
 * of them, stops everything and exits 0 on success.
 *
 *   npx tsx scripts/try-dev-services.ts
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import net from 'node:net';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { DEMO_USERS, startDevOidc } from './lib/dev-oidc.js';
import { prefixedLogger } from './lib/log.js';
import { startMailSink } from './lib/mail-sink.js';
import { startEmbeddedPostgres } from './lib/postgres.js';
import { startRedis } from './lib/redis.js';

const BASE = '/tmp/vr-try';
const CLIENT_ID = 'vakregister';
const CLIENT_SECRET = 'secret';
const REDIRECT_URI = 'http://localhost:3998/cb';
const POST_LOGOUT_URI = 'http://localhost:3998/';

const log = prefixedLogger('try');

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`check failed: ${message}`);
}

// ---------------------------------------------------------------- cookie jar
class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v] = a.trim().split('=');
        return (
          (k?.toLowerCase() === 'expires' && v && new Date(v).getTime() < Date.now()) ||
          (k?.toLowerCase() === 'max-age' && Number(v) <= 0)
        );
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** fetch with manual redirects and cookies; returns the final response and the visited URLs. */
async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: URLSearchParams } = {},
  stopAt?: (url: string) => boolean,
): Promise<{ res: Response; url: string; hops: string[] }> {
  let current = url;
  let method = init.method ?? 'GET';
  let body: URLSearchParams | undefined = init.body;
  const hops: string[] = [];
  for (let i = 0; i < 15; i++) {
    hops.push(current);
    if (stopAt?.(current)) return { res: new Response(null, { status: 204 }), url: current, hops };
    const res = await fetch(current, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: jar.header(), accept: 'text/html' },
    });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get('location');
      assert(loc, `redirect without location from ${current}`);
      await res.arrayBuffer();
      current = new URL(loc, current).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    return { res, url: current, hops };
  }
  throw new Error(`too many redirects starting at ${url}`);
}

function decodeJwt(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h, p] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

function redisPing(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.write('PING\r\n'));
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) {
        s.end();
        resolve(buf.trim());
      }
    });
    s.on('error', reject);
    s.setTimeout(3000, () => reject(new Error('redis ping timeout')));
  });
}

// ---------------------------------------------------------------- OIDC flow
async function loginFlow(issuer: string, username: string, password: string, jar = new CookieJar()) {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  const state = `st-${Math.random().toString(36).slice(2)}`;
  const nonce = `n-${Math.random().toString(36).slice(2)}`;
  const authUrl = new URL(discovery.authorization_endpoint!);
  authUrl.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: REDIRECT_URI,
    state,
    nonce,
  }).toString();

  const isCallback = (u: string) => u.startsWith(REDIRECT_URI);
  let step = await browse(jar, authUrl.href, {}, isCallback);
  if (!isCallback(step.url)) {
    // Login page expected.
    assert(step.res.status === 200, `login page status ${step.res.status}`);
    const html = await step.res.text();
    assert(html.includes('lang="nl"') && html.includes('<label for="username"'), 'login page markup');
    for (const u of DEMO_USERS) assert(html.includes(u.password), `login page lists ${u.username}`);
    const action = /<form method="post" action="([^"]+)" autocomplete="off">/.exec(html)?.[1];
    assert(action, 'login form action');
    const formUrl = new URL(action.replace(/&amp;/g, '&'), step.url).href;

    // Wrong password first: re-rendered with an alert, status 200.
    const wrong = await browse(jar, formUrl, { method: 'POST', body: new URLSearchParams({ username, password: 'nope' }) });
    const wrongHtml = await wrong.res.text();
    assert(wrong.res.status === 200 && wrongHtml.includes('role="alert"'), 'wrong password re-renders with alert');

    step = await browse(jar, formUrl, { method: 'POST', body: new URLSearchParams({ username, password }) }, isCallback);
  }
  assert(isCallback(step.url), `ended at redirect_uri (got ${step.url}; hops ${step.hops.join(' -> ')})`);
  const cb = new URL(step.url);
  assert(cb.searchParams.get('state') === state, 'state round-trips');
  const code = cb.searchParams.get('code');
  assert(code, `code in callback ${step.url}`);
  return { discovery, code, nonce, jar };
}

async function exchange(discovery: Record<string, string>, code: string, method: 'basic' | 'post') {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (method === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`;
  } else {
    form.set('client_id', CLIENT_ID);
    form.set('client_secret', CLIENT_SECRET);
  }
  const res = await fetch(discovery.token_endpoint!, { method: 'POST', headers, body: form });
  const json = (await res.json()) as Record<string, string>;
  assert(res.status === 200, `token endpoint (${method}) -> ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function verifyIdToken(discovery: Record<string, string>, idToken: string) {
  const { header, payload } = decodeJwt(idToken);
  assert(header.alg === 'RS256', 'id_token alg RS256');
  const jwks = (await (await fetch(discovery.jwks_uri!)).json()) as { keys: Array<JsonWebKey & { kid: string }> };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert(jwk, 'signing key in jwks');
  const [h, p, s] = idToken.split('.');
  const ok = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s!, 'base64url'));
  assert(ok, 'id_token signature valid');
  return payload;
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const stops: Array<() => Promise<void>> = [];
  const t0 = Date.now();
  try {
    const [pgSvc, redisSvc, oidc, mail] = await Promise.all([
      startEmbeddedPostgres({ dataDir: `${BASE}/pg`, port: 54399, database: 'vakregister_try', log: prefixedLogger('postgres') }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
      startRedis({ dataDir: `${BASE}/redis`, port: 63799, log: prefixedLogger('redis') }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
      startDevOidc({
        port: 3999,
        clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI] }],
        log: prefixedLogger('oidc'),
      }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
      startMailSink({ smtpPort: 2599, httpPort: 2580, log: prefixedLogger('mail') }).then((s) => {
        stops.push(s.stop);
        return s;
      }),
    ]);
    log(`all services up in ${Date.now() - t0} ms`);

    // Postgres
    assert(pgSvc.url === 'postgres://postgres:vakregister-dev@127.0.0.1:54399/vakregister_try', `pg url ${pgSvc.url}`);
    const client = new pg.Client({ connectionString: pgSvc.url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.query('CREATE TABLE IF NOT EXISTS try_runs (id serial primary key, at timestamptz default now())');
    await client.query('INSERT INTO try_runs DEFAULT VALUES');
    const runs = await client.query<{ n: string }>('SELECT count(*) AS n FROM try_runs');
    const enc = await client.query<{ server_encoding: string }>('SHOW server_encoding');
    await client.end();
    log(`postgres: ${rows[0]!.version.split(',')[0]}; encoding ${enc.rows[0]!.server_encoding}; try_runs rows: ${runs.rows[0]!.n}`);

    // Redis
    assert(redisSvc.url === 'redis://127.0.0.1:63799', `redis url ${redisSvc.url}`);
    const pong = await redisPing(63799);
    assert(pong === '+PONG', `redis PING -> ${pong}`);
    log(`redis: PING -> ${pong}`);

    // OIDC
    assert(oidc.issuer === 'http://localhost:3999', `issuer ${oidc.issuer}`);
    const discovery = (await (await fetch(`${oidc.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert(discovery.issuer === oidc.issuer, 'discovery issuer');
    log(`oidc: discovery ok; token auth methods ${JSON.stringify(discovery.token_endpoint_auth_methods_supported)}; scopes ${JSON.stringify(discovery.scopes_supported)}`);

    const flow = await loginFlow(oidc.issuer, 'staff', 'demo-staff');
    const tokens = await exchange(flow.discovery, flow.code, 'basic');
    const claims = await verifyIdToken(flow.discovery, tokens.id_token!);
    assert(claims.sub === 'demo-staff', `id_token sub ${String(claims.sub)}`);
    assert(claims.nonce === flow.nonce, 'nonce');
    assert(claims.name === 'Registerbeheer – Pieter van den Berg' && claims.email === 'pieter.vandenberg@example.nl', `id_token claims ${JSON.stringify(claims)}`);
    const userinfo = (await (await fetch(flow.discovery.userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<string, unknown>;
    assert(userinfo.sub === 'demo-staff' && userinfo.email_verified === true, `userinfo ${JSON.stringify(userinfo)}`);
    log(`oidc: code flow + client_secret_basic ok: ${JSON.stringify({ sub: claims.sub, name: claims.name, email: claims.email })}`);

    // Same browser session: SSO, no login page; exchange with client_secret_post.
    const again = await loginFlow(oidc.issuer, 'staff', 'demo-staff', flow.jar);
    const tokens2 = await exchange(again.discovery, again.code, 'post');
    const claims2 = await verifyIdToken(again.discovery, tokens2.id_token!);
    assert(claims2.sub === 'demo-staff', 'sso sub');
    log('oidc: SSO re-authorization + client_secret_post ok');

    // RP-initiated logout with the provider's page.
    const endUrl = new URL(flow.discovery.end_session_endpoint!);
    endUrl.search = new URLSearchParams({ id_token_hint: tokens2.id_token!, post_logout_redirect_uri: POST_LOGOUT_URI, state: 'bye' }).toString();
    const logoutPage = await browse(flow.jar, endUrl.href);
    const logoutHtml = await logoutPage.res.text();
    assert(logoutPage.res.status === 200, `logout page ${logoutPage.res.status}`);
    const formAction = /<form[^>]*action="([^"]+)"/.exec(logoutHtml)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutHtml)?.[1];
    assert(formAction && xsrf, 'logout form');
    const out = await browse(flow.jar, new URL(formAction, endUrl).href, { method: 'POST', body: new URLSearchParams({ xsrf, logout: 'yes' }) }, (u) => u.startsWith(POST_LOGOUT_URI));
    assert(out.url.startsWith(POST_LOGOUT_URI) && new URL(out.url).searchParams.get('state') === 'bye', `logout ended at ${out.url}`);
    log('oidc: RP-initiated logout ok');

    // First-time user (nieuw-…), fresh browser.
    const fresh = await loginFlow(oidc.issuer, 'nieuw-try-1', 'demo-nieuw');
    const t3 = await exchange(fresh.discovery, fresh.code, 'basic');
    const c3 = await verifyIdToken(fresh.discovery, t3.id_token!);
    assert(c3.sub === 'nieuw-try-1' && c3.email === 'nieuw-try-1@example.nl' && c3.name === 'Nieuwe Gebruiker', `nieuw claims ${JSON.stringify(c3)}`);
    log('oidc: nieuw-* first-time login ok');

    // Mail sink
    assert(mail.smtpUrl === 'smtp://127.0.0.1:2599', `smtp url ${mail.smtpUrl}`);
    const transport = nodemailer.createTransport(mail.smtpUrl);
    const subject = `Test <script>alert(1)</script> ${Date.now()}`;
    await transport.sendMail({
      from: 'Vakregister <noreply@example.nl>',
      to: 'sanne.devries@example.nl',
      subject,
      text: 'Hallo Sanne,\nBevestig via http://localhost:3000/verify?a=1&b=2\n',
      html: '<p>Hallo <b>Sanne</b> "quoted" &amp; <script>alert(2)</script></p>',
    });
    transport.close();
    const api = (await (await fetch(`${mail.webUrl}/api/messages`)).json()) as Array<{ id: string; subject: string; to: string[]; html: string | null }>;
    const got = api.find((m) => m.subject === subject);
    assert(got && got.to.includes('sanne.devries@example.nl') && got.html?.includes('<b>Sanne</b>'), `mail via api ${JSON.stringify(api)}`);
    assert(mail.messages()[0]?.id === got.id, 'messages() newest first');
    const listHtml = await (await fetch(`${mail.webUrl}/`)).text();
    assert(!listHtml.includes('<script>') && listHtml.includes('&lt;script&gt;'), 'list page escapes subject');
    const detailHtml = await (await fetch(`${mail.webUrl}/messages/${got.id}`)).text();
    assert(!detailHtml.includes('<script>') && detailHtml.includes('srcdoc="') && detailHtml.includes('<a href="http://localhost:3000/verify?a=1&amp;b=2"'), 'detail page escapes + links');
    const del = await fetch(`${mail.webUrl}/api/messages`, { method: 'DELETE' });
    assert(del.status === 204 && mail.messages().length === 0, 'DELETE clears');
    log('mail: send + read back + escaping + clear ok');
  } finally {
    await Promise.all(stops.map((s) => s()));
    // stop() must be safe to call twice
    await Promise.all(stops.map((s) => s()));
  }
  log(`all checks passed in ${Date.now() - t0} ms`);
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    log(`FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
