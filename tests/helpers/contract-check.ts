import { ERROR_CODES, errorBody, type ErrorCode } from '../../server/contract/errors.js';
import { COMMON_ERRORS, ROUTES, type RouteContract, type RouteName } from '../../server/contract/routes.js';
import { ERROR_STATUS } from '../../server/http/error-status.js';

const matchers = (Object.keys(ROUTES) as RouteName[]).map((name) => {
  const route: RouteContract = ROUTES[name];
  const pattern = new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
  return { name, route, pattern };
});

export function routeFor(method: string, pathname: string): { name: RouteName; route: RouteContract } | null {
  return matchers.find((m) => m.route.method === method.toUpperCase() && m.pattern.test(pathname)) ?? null;
}

/** Codes every route may answer with besides its own: bad input, rate limit (public), CSRF and body parsing. */
const ANY_ROUTE: ReadonlySet<ErrorCode> = new Set([...COMMON_ERRORS, 'payload_too_large', 'malformed_body', 'unsupported_encoding', 'unsupported_charset', 'csrf_origin_missing', 'csrf_origin_mismatch', 'rate_limited']);

/**
 * Checks one answer of the app against the contract: a success against the route's response schema, an error
 * against the error shape, with a documented code for that route and the status that code means. Throws saying what
 * differs, so the test that received the answer fails.
 */
export function checkAgainstContract(method: string, pathname: string, status: number, contentType: string | null, text: string): void {
  const where = `${method} ${pathname} → ${status}`;
  const found = routeFor(method, pathname);
  const json = contentType?.includes('application/json') ? (JSON.parse(text) as unknown) : undefined;
  // 431 comes from Node's HTTP parser (headers or URL too large) before the app sees the request.
  if (status === 431) return;
  if (status >= 400) {
    if (json === undefined) throw new Error(`${where}: an error without a JSON body`);
    const parsed = errorBody.safeParse(json);
    if (!parsed.success) throw new Error(`${where}: not the error shape: ${parsed.error.message}`);
    const code = parsed.data.error.code;
    if (!(code in ERROR_CODES)) throw new Error(`${where}: undocumented error code ${code}`);
    if (ERROR_STATUS[code as ErrorCode] !== status) throw new Error(`${where}: code ${code} means ${ERROR_STATUS[code as ErrorCode]}`);
    if (found && !ANY_ROUTE.has(code as ErrorCode) && !found.route.errors.includes(code as ErrorCode)) {
      throw new Error(`${where}: error code ${code} is not documented for route ${found.name}`);
    }
    return;
  }
  if (!found) return;
  const success = found.route.success;
  if ('json' in success) {
    if (status !== success.status && !(found.name === 'health' && status === 503)) throw new Error(`${where}: the contract says ${success.status}`);
    const parsed = success.json.safeParse(json);
    if (!parsed.success) throw new Error(`${where}: the body does not match the contract: ${parsed.error.message}`);
  } else if (status !== success.status && !(status === 302 && 'redirect' in success)) {
    throw new Error(`${where}: the contract says ${success.status}`);
  }
}

let installed = false;

/** Every fetch a test makes to the app is checked against the contract (see checkAgainstContract). */
export function checkResponsesOf(isApp: (origin: string) => boolean): void {
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await original(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    const inApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/auth/') || url.pathname === '/healthz';
    if (inApi && isApp(url.origin)) {
      const method = init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET');
      const text = await res.clone().text();
      checkAgainstContract(method, url.pathname, res.status, res.headers.get('content-type'), text);
    }
    return res;
  };
}
