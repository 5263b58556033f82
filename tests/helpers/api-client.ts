import type { HttpSession } from './http-session.js';

/** JSON and multipart calls as the browser client makes them: cookie session plus our own Origin. */
export function apiClient(session: HttpSession, appUrl: string) {
  const origin = new URL(appUrl).origin;
  async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await session.fetch(`${appUrl}${path}`, {
      method,
      headers: { origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }
  async function upload<T = unknown>(path: string, kind: string | null, content: Buffer, fileName: string, type = 'application/octet-stream') {
    const form = new FormData();
    if (kind !== null) form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
    const res = await session.fetch(`${appUrl}${path}`, { method: 'POST', headers: { origin }, body: form });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T };
  }
  return { call, upload, get: <T = unknown>(p: string) => call<T>('GET', p), post: <T = unknown>(p: string, b?: unknown) => call<T>('POST', p, b ?? {}), patch: <T = unknown>(p: string, b: unknown) => call<T>('PATCH', p, b) };
}
