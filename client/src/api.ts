/** Typed client for the Vakregister HTTP API. */

export type VariantKind = 'generalist' | 'specialist';

export interface PublicMeasure {
  type: string;
  body: string;
  decisionDate: string;
  final: boolean;
  startsOn: string | null;
  endsOn: string | null;
  publicUntil: string | null;
}

export interface PublicEntry {
  registrationNumber: string;
  name: string;
  status: string;
  register: { code: string; name: string };
  variants: Array<{ code: string; name: string; kind: VariantKind }>;
  registeredSince: string | null;
  validUntil: string | null;
  measures: PublicMeasure[];
}

export interface RegisterSearchResult {
  items: PublicEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Me {
  account: { id: string; displayName: string; email: string | null };
  roles: string[];
  person: { registrationNumber: string | null; name: string } | null;
}

/** Error codes produced by this client itself (no usable server message). */
export const CLIENT_ERROR_CODES = ['network_error', 'http_error', 'invalid_response'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, requestId?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }

  /** True when the message came from the server and may be shown to the user. */
  get hasServerMessage(): boolean {
    return !(CLIENT_ERROR_CODES as readonly string[]).includes(this.code) && this.message.length > 0;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse the `{ error: { code, message, details?, requestId } }` body of a failed response. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && isRecord(body.error)) {
    const err = body.error;
    const code = typeof err.code === 'string' ? err.code : 'http_error';
    const message = typeof err.message === 'string' ? err.message : '';
    const requestId = typeof err.requestId === 'string' ? err.requestId : undefined;
    return new ApiError(res.status, code, message, requestId, err.details);
  }
  return new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', '');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'invalid_response', '');
  }
}

export const DEFAULT_PAGE_SIZE = 20;

export function searchRegister(
  q: string,
  page = 1,
  pageSize = DEFAULT_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<RegisterSearchResult> {
  const params = new URLSearchParams({ q, page: String(page), pageSize: String(pageSize) });
  return request<RegisterSearchResult>(`/api/public/register?${params.toString()}`, { signal: signal ?? null });
}

export function getPublicEntry(registrationNumber: string, signal?: AbortSignal): Promise<PublicEntry> {
  return request<PublicEntry>(`/api/public/register/${encodeURIComponent(registrationNumber)}`, {
    signal: signal ?? null,
  });
}

/** Returns the current user, or null when not logged in (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await request<Me>('/api/me', { signal: signal ?? null });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export async function logout(): Promise<void> {
  await request<void>('/auth/logout', { method: 'POST' });
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
