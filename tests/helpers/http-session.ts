/**
 * A minimal browser-like HTTP client for integration tests: keeps cookies per origin and follows redirects
 * by hand, so a test can walk the real OIDC authorization code flow against the dev provider.
 */
export class HttpSession {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(origin, cookies);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const headers = new Headers(init.headers);
    const cookies = this.jar.get(origin);
    if (cookies?.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = /max-age=0|expires=Thu, 01 Jan 1970/i.test(header);
      const jar = this.jar.get(origin) ?? new Map<string, string>();
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
      this.jar.set(origin, jar);
    }
    return res;
  }

  /** Follows redirects (GET after a 30x), returning the final response and the URL it came from. */
  async follow(url: string, init: RequestInit = {}, max = 15): Promise<{ res: Response; url: string }> {
    let current = url;
    let res = await this.fetch(current, init);
    for (let i = 0; i < max && res.status >= 300 && res.status < 400; i++) {
      const location = res.headers.get('location');
      if (!location) break;
      current = new URL(location, current).toString();
      await res.arrayBuffer();
      res = await this.fetch(current);
    }
    return { res, url: current };
  }
}

/** Logs in through the app's /auth/login and the dev provider's login form; returns the session. */
export async function oidcLogin(appUrl: string, username: string, password: string, session = new HttpSession()): Promise<{ session: HttpSession; landedOn: string; loginPage: string }> {
  const { res: formRes, url: formUrl } = await session.follow(`${appUrl}/auth/login`);
  const loginPage = await formRes.text();
  if (formRes.status !== 200) throw new Error(`login form: HTTP ${formRes.status} at ${formUrl}`);
  const forms = [...loginPage.matchAll(/<form method="post" action="([^"]+)" autocomplete="off">/g)];
  const action = forms[0]?.[1];
  if (!action) throw new Error(`no login form at ${formUrl}: ${loginPage.slice(0, 300)}`);
  const { res, url } = await session.follow(new URL(action.replace(/&amp;/g, '&'), formUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  await res.arrayBuffer();
  return { session, landedOn: url, loginPage };
}
