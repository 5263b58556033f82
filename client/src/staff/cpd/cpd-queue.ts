/** The CPD review queue's address: which page each item opens, and the filters in the URL. Pure. */
import type { CpdQueueQuery } from '../../api/staff-cpd.js';
import { CPD_QUEUE_KINDS, type CpdQueueItem, type CpdQueueKind } from '../../api/types.js';

/**
 * Where an item is worked on: activities here, accreditation requests and objections on the accreditation pages,
 * organisation requests on the organisation pages (both built by their own areas).
 */
export function queueItemPath(item: Pick<CpdQueueItem, 'kind' | 'id'>): string {
  const id = encodeURIComponent(item.id);
  switch (item.kind) {
    case 'activity':
      return `/staff/cpd/activities/${id}`;
    case 'accreditation':
    case 'objection':
      return `/staff/accreditations/${id}`;
    case 'organisation':
      return `/staff/organisations/${id}`;
    default: {
      const exhaustive: never = item.kind;
      return String(exhaustive);
    }
  }
}

export function isQueueKind(value: string): value is CpdQueueKind {
  return (CPD_QUEUE_KINDS as readonly string[]).includes(value);
}

const CATEGORY = /^[a-z0-9_-]{2,60}$/;

/** The filters from the address bar; anything the server would refuse is dropped rather than sent. */
export function parseQueueParams(params: URLSearchParams): CpdQueueQuery {
  const kind = params.get('kind') ?? '';
  const category = params.get('category') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const page = Number(params.get('page'));
  return {
    kind: isQueueKind(kind) ? kind : undefined,
    category: CATEGORY.test(category) ? category : undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    q: q || undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filters as the address bar holds them (page 1 and empty filters left out). */
export function queueParams(query: CpdQueueQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.kind) p.set('kind', query.kind);
  if (query.category) p.set('category', query.category);
  if (query.overdue) p.set('overdue', 'true');
  if (query.q) p.set('q', query.q);
  if (query.page > 1) p.set('page', String(query.page));
  return p;
}

/**
 * What the queue hands the page an item opens (router state, kept in the history entry, so a reload keeps it): the
 * queue's address as it was left, so the page's back link returns to the same tab, filters and page.
 */
export interface QueueOrigin {
  cpdQueue: string;
}

export function queueOrigin(search: string): QueueOrigin {
  return { cpdQueue: queueParams(parseQueueParams(new URLSearchParams(search))).toString() };
}

/** The queue at a tab (all kinds without one). */
export function queuePath(kind?: CpdQueueKind): string {
  const search = queueParams({ kind, page: 1 }).toString();
  return search ? `/staff/cpd?${search}` : '/staff/cpd';
}

/**
 * Where a page opened from the queue leads back: the queue as it was left (re-read through the filters, so the state
 * cannot send anyone elsewhere); null when the page was not opened from the queue (a bookmark, a mail, another list).
 */
export function queueReturnPath(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('cpdQueue' in state) || typeof state.cpdQueue !== 'string') return null;
  const search = queueParams(parseQueueParams(new URLSearchParams(state.cpdQueue))).toString();
  return search ? `/staff/cpd?${search}` : '/staff/cpd';
}
