import type { EntryCriteria } from '../api/types.js';

/** Entry criteria shaped like the seeded register's, for the client's unit tests. */
export const generalist: EntryCriteria = {
  vogMaxAgeMonths: 12,
  diplomas: [{ code: 'hbo-social-work', name: 'Hbo Social Work' }],
  evcRouteAllowed: true,
  declarations: ['beroepscode', 'tuchtrecht', 'publication'],
  requirements: [],
};
export const specialist: EntryCriteria = {
  vogMaxAgeMonths: 3,
  diplomas: [],
  evcRouteAllowed: false,
  declarations: ['beroepscode'],
  requirements: [
    { code: 'experience-hours', name: { nl: 'Werkervaring', en: 'Experience' }, kind: 'hours', minimum: 2080 },
    { code: 'employer-statement', name: { nl: 'Werkgeversverklaring', en: 'Employer statement' }, kind: 'statement' },
  ],
};
