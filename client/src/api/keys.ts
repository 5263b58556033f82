import type { StaffQueueQuery } from './client.js';

/**
 * Every query key in one place. Keys are hierarchical so that one prefix invalidates a family:
 * `myRegistrations.all` covers the list and every application, `staff.queues` every page and filter of the queue.
 */
export const queryKeys = {
  me: ['me'] as const,
  variants: ['variants'] as const,
  public: {
    search: (q: string, page: number) => ['public', 'register', 'search', { q, page }] as const,
    entry: (registrationNumber: string) => ['public', 'register', 'entry', registrationNumber] as const,
    verify: (registrationNumber: string, code: string | null) => ['public', 'verify', registrationNumber, code] as const,
  },
  myRegistrations: {
    all: ['my', 'registrations'] as const,
    list: ['my', 'registrations', 'list'] as const,
    detail: (id: string) => ['my', 'registrations', 'detail', id] as const,
  },
  certificateStatus: ['my', 'certificate', 'status'] as const,
  staff: {
    all: ['staff'] as const,
    queues: ['staff', 'applications', 'queue'] as const,
    queue: (query: StaffQueueQuery) => ['staff', 'applications', 'queue', query] as const,
    application: (id: string) => ['staff', 'applications', 'detail', id] as const,
    /** The CPD review queue (every page and filter) and one activity under review. */
    cpdQueues: ['staff', 'cpd', 'queue'] as const,
    cpdQueue: (query: object) => ['staff', 'cpd', 'queue', query] as const,
    cpdActivity: (id: string) => ['staff', 'cpd', 'activity', id] as const,
  },
};
