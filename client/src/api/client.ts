/** Typed client for the Vakregister HTTP API: one request() with the server's error shape, one function per endpoint. */
import type {
  CertificateStatus,
  DecisionRequest,
  DecisionResult,
  Evidence,
  Me,
  MyRegistrationDetail,
  MyRegistrations,
  OpenStatus,
  PersonDetails,
  Answers,
  PublicEntry,
  RegisterSearchResult,
  StaffApplicationDetail,
  StaffQueue,
  Variant,
  VerifyResult,
} from './types.js';

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
  let body: unknown;
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

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
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

export const ANONYMOUS: Me = { account: null, roles: [], person: null };

/** The current user; `account: null` for an anonymous visitor (the server answers 200; a 401 still means the same). */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  try {
    return await request<Me>('/api/me', { signal: signal ?? null });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return ANONYMOUS;
    throw err;
  }
}

export async function logout(): Promise<void> {
  await request<void>('/auth/logout', { method: 'POST' });
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

// ---------------------------------------------------------------------------------------------
// Registrations, applications, evidence, certificates, staff review and verification.
// ---------------------------------------------------------------------------------------------

/** The init for a GET that TanStack Query may cancel. */
export const sig = (signal?: AbortSignal) => ({ signal: signal ?? null });

export function jsonInit(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

const myRegistrationPath = (id: string) => `/api/my/registrations/${encodeURIComponent(id)}`;
const staffApplicationPath = (id: string) => `/api/staff/applications/${encodeURIComponent(id)}`;

export async function getVariants(signal?: AbortSignal): Promise<Variant[]> {
  const body = await request<{ items: Variant[] }>('/api/variants', sig(signal));
  return body.items;
}

export function getMyRegistrations(signal?: AbortSignal): Promise<MyRegistrations> {
  return request<MyRegistrations>('/api/my/registrations', sig(signal));
}

export function createRegistration(variantCode: string): Promise<MyRegistrationDetail> {
  return request<MyRegistrationDetail>('/api/my/registrations', jsonInit('POST', { variantCode }));
}

export function getMyRegistration(id: string, signal?: AbortSignal): Promise<MyRegistrationDetail> {
  return request<MyRegistrationDetail>(myRegistrationPath(id), sig(signal));
}

export function saveRegistration(
  id: string,
  body: { person?: PersonDetails; application?: Answers },
): Promise<MyRegistrationDetail> {
  return request<MyRegistrationDetail>(myRegistrationPath(id), jsonInit('PATCH', body));
}

export function submitRegistration(id: string): Promise<MyRegistrationDetail> {
  return request<MyRegistrationDetail>(`${myRegistrationPath(id)}/submit`, { method: 'POST' });
}

export function myEvidenceUrl(registrationId: string, evidenceId: string): string {
  return `${myRegistrationPath(registrationId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

export function deleteEvidence(registrationId: string, evidenceId: string): Promise<void> {
  return request<void>(myEvidenceUrl(registrationId, evidenceId), { method: 'DELETE' });
}

export interface UploadHandle<T = Evidence> {
  promise: Promise<T>;
  abort: () => void;
}

/** Parse an XHR error response into an ApiError (same rules as toApiError); a bare 413 gets `tooLargeCode`. */
function xhrError(xhr: XMLHttpRequest, tooLargeCode: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText) as unknown;
  } catch {
    body = null;
  }
  if (isRecord(body) && isRecord(body.error)) {
    const err = body.error;
    return new ApiError(
      xhr.status,
      typeof err.code === 'string' ? err.code : 'http_error',
      typeof err.message === 'string' ? err.message : '',
      typeof err.requestId === 'string' ? err.requestId : undefined,
      err.details,
    );
  }
  if (xhr.status === 413) return new ApiError(413, tooLargeCode, '');
  return new ApiError(xhr.status, 'http_error', `HTTP ${xhr.status}`);
}

/**
 * POST a multipart form with XMLHttpRequest (fetch reports no upload progress), answered with JSON or the server's
 * error shape. onProgress receives a fraction 0..1 (or null when the size is not computable); abort() rejects the
 * promise with an AbortError. A 413 without an error body (a proxy's) becomes `tooLargeCode`.
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number | null) => void,
  { tooLargeCode = 'file_too_large' }: { tooLargeCode?: string } = {},
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'invalid_response', ''));
        }
      } else {
        reject(xhrError(xhr, tooLargeCode));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', ''));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Upload one evidence file (multipart: kind, file) to a concept application, with progress. */
export function uploadEvidence(
  registrationId: string,
  kind: string,
  file: File,
  onProgress: (fraction: number | null) => void,
): UploadHandle {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return uploadForm<Evidence>(`${myRegistrationPath(registrationId)}/evidence`, form, onProgress);
}

export const MY_CERTIFICATE_URL = '/api/my/certificate';

export function getCertificateStatus(signal?: AbortSignal): Promise<CertificateStatus> {
  return request<CertificateStatus>('/api/my/certificate/status', sig(signal));
}

export interface StaffQueueQuery {
  status?: OpenStatus | undefined;
  variant?: string | undefined;
  page: number;
}

export function getStaffQueue(query: StaffQueueQuery, signal?: AbortSignal): Promise<StaffQueue> {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.variant) params.set('variant', query.variant);
  params.set('page', String(query.page));
  return request<StaffQueue>(`/api/staff/applications?${params.toString()}`, sig(signal));
}

export function getStaffApplication(id: string, signal?: AbortSignal): Promise<StaffApplicationDetail> {
  return request<StaffApplicationDetail>(staffApplicationPath(id), sig(signal));
}

export function staffEvidenceUrl(applicationId: string, evidenceId: string): string {
  return `${staffApplicationPath(applicationId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

export function decideApplication(id: string, body: DecisionRequest): Promise<DecisionResult> {
  return request<DecisionResult>(`${staffApplicationPath(id)}/decision`, jsonInit('POST', body));
}

export function verifyRegistration(registrationNumber: string, code: string | null, signal?: AbortSignal): Promise<VerifyResult> {
  const query = code ? `?${new URLSearchParams({ code }).toString()}` : '';
  return request<VerifyResult>(`/api/public/verify/${encodeURIComponent(registrationNumber)}${query}`, sig(signal));
}
