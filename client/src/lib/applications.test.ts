import { expect } from 'chai';
import type { MyRegistration } from '../api/types.js';
import { generalist, specialist } from './criteria.fixtures.js';
import {
  buildChecklist,
  checkFile,
  cycleProgress,
  DIPLOMA_EVIDENCE_ID,
  fieldDomId,
  parseIssueDetails,
  addDaysToPlainDate,
  todayInAmsterdam,
} from './applications.js';
import { variantAvailability } from '../registrant/apply/Apply.js';


const MAX = 10 * 1024 * 1024;

describe('checkFile', () => {
  it('accepts PDF, JPEG and PNG up to 10 MB', () => {
    expect(checkFile({ name: 'diploma.PDF', size: 1000, type: 'application/pdf' }, MAX)).to.equal(null);
    expect(checkFile({ name: 'vog.jpeg', size: MAX, type: 'image/jpeg' }, MAX)).to.equal(null);
    expect(checkFile({ name: 'scan.png', size: 5, type: '' }, MAX)).to.equal(null);
  });
  it('refuses other types, empty and too large files', () => {
    expect(checkFile({ name: 'cv.docx', size: 1000, type: 'application/msword' }, MAX)).to.equal('unsupported_file_type');
    expect(checkFile({ name: 'fake.pdf', size: 1000, type: 'text/html' }, MAX)).to.equal('unsupported_file_type');
    expect(checkFile({ name: 'empty.pdf', size: 0, type: 'application/pdf' }, MAX)).to.equal('empty');
    expect(checkFile({ name: 'big.pdf', size: MAX + 1, type: 'application/pdf' }, MAX)).to.equal('file_too_large');
  });
});

describe('addDaysToPlainDate', () => {
  it('adds calendar days to a legal date, and refuses what is not one', () => {
    expect(addDaysToPlainDate('2031-03-31', 1)).to.equal('2031-04-01');
    expect(addDaysToPlainDate('not a date', 1)).to.equal(null);
  });
});

describe('cycleProgress', () => {
  const cycle = { startsOn: '2025-01-01', endsOn: '2030-01-01', reregistrationOn: '2030-01-01', deadline: '2029-12-31' };
  it('counts elapsed days of the cycle', () => {
    const p = cycleProgress(cycle, '2025-01-11');
    expect(p).to.include({ totalDays: 1826, elapsedDays: 10, started: true, deadlinePassed: false, ended: false });
  });
  it('clamps before the start and after the end', () => {
    expect(cycleProgress(cycle, '2024-12-01')?.elapsedDays).to.equal(0);
    const after = cycleProgress(cycle, '2030-06-01');
    expect(after?.elapsedDays).to.equal(1826);
    expect(after?.deadlinePassed).to.equal(true);
    expect(after?.ended).to.equal(true);
  });
  it('is null for impossible cycles', () => {
    expect(cycleProgress({ startsOn: 'x', endsOn: '2030-01-01', reregistrationOn: '2030-01-02', deadline: '2029-12-31' }, '2025-01-01')).to.equal(null);
  });
  it('knows today in Amsterdam', () => {
    expect(todayInAmsterdam(new Date('2024-12-31T23:30:00Z'))).to.equal('2025-01-01');
  });
});

describe('issue fields', () => {
  it('maps the server fields to form controls', () => {
    expect(fieldDomId('person', generalist)).to.equal('f-person-givenNames');
    expect(fieldDomId('person.email', generalist)).to.equal('f-person-email');
    expect(fieldDomId('application.diplomaYear', generalist)).to.equal('f-diplomaYear');
    expect(fieldDomId('evidence.diploma', generalist)).to.equal(DIPLOMA_EVIDENCE_ID);
    expect(fieldDomId('evidence.evc-certificate', generalist)).to.equal(DIPLOMA_EVIDENCE_ID);
    expect(fieldDomId('evidence.vog', generalist)).to.equal('f-evidence-vog');
    expect(fieldDomId('declarations.tuchtrecht', generalist)).to.equal('f-declarations-tuchtrecht');
    expect(fieldDomId('requirements.experience-hours', specialist)).to.equal('f-requirements-experience-hours');
    expect(fieldDomId('requirements.employer-statement', specialist)).to.equal('f-evidence-employer-statement');
    expect(fieldDomId('variant', specialist)).to.equal(null);
  });

  it('builds a checklist where an item is done when no issue refers to it', () => {
    const items = buildChecklist(specialist, [
      { field: 'requirements.experience-hours', code: 'minimum_not_met', message: '' },
      { field: 'evidence.employer-statement', code: 'evidence_required', message: '' },
      { field: 'variant', code: 'generalist_required', message: '' },
    ], []);
    expect(items.map((i) => i.id)).to.deep.equal([
      'person',
      'vog',
      'vogEvidence',
      'declaration-beroepscode',
      'requirement-experience-hours',
      'requirement-employer-statement',
      'other-variant',
    ]);
    expect(items.filter((i) => i.issues.length === 0).length).to.equal(4);
    expect(buildChecklist(generalist, [], ['diploma', 'vog']).length).to.equal(8);
  });

  it('keeps the diploma upload open while nothing is uploaded, even if only the choice is reported (defect 7)', () => {
    // What the server said before the fix: the missing choice, nothing about the upload.
    const issues = [{ field: 'diplomaCode', code: 'required', message: '' }];
    const proof = (kinds: string[]) => buildChecklist(generalist, issues, kinds).find((i) => i.id === 'diplomaEvidence')!;
    expect(proof(['vog']).issues.map((i) => `${i.field}:${i.code}`)).to.deep.equal(['evidence.diploma:evidence_required']);
    expect(proof(['diploma']).issues, 'an uploaded diploma counts').to.deep.equal([]);
    expect(proof(['evc-certificate']).issues, 'so does an EVC certificate').to.deep.equal([]);
    // The server's own issue is kept as it is, not doubled.
    const both = buildChecklist(generalist, [...issues, { field: 'evidence.diploma', code: 'evidence_required', message: 'Upload' }], []);
    expect(both.find((i) => i.id === 'diplomaEvidence')!.issues).to.deep.equal([{ field: 'evidence.diploma', code: 'evidence_required', message: 'Upload' }]);
  });

  it('reads issues from submit details and from zod-style invalid_input details', () => {
    expect(parseIssueDetails([{ field: 'vogIssuedOn', code: 'vog_too_old', message: 'old' }])).to.deep.equal([
      { field: 'vogIssuedOn', code: 'vog_too_old', message: 'old' },
    ]);
    expect(parseIssueDetails([{ path: 'person.email', code: 'invalid_format', message: 'bad' }])).to.deep.equal([
      { field: 'person.email', code: 'invalid_format', message: 'bad' },
    ]);
    expect(parseIssueDetails([{ path: ['application', 'diplomaYear'], message: 'x' }])[0]?.field).to.equal('application.diplomaYear');
    expect(parseIssueDetails(null)).to.deep.equal([]);
  });
});

describe('variantAvailability', () => {
  const variant = (code: string, kind: 'generalist' | 'specialist', parentCode: string | null = null) => ({
    code,
    name: code,
    nameEn: code,
    kind,
    parentCode,
    criteria: generalist,
  });
  const reg = (code: string, kind: 'generalist' | 'specialist', status: MyRegistration['status']) => ({
    id: `${code}-${status}`,
    variant: { code, name: code, nameEn: code, kind },
    status,
    createdAt: '2025-01-01T00:00:00Z',
    submittedAt: null,
    registeredOn: null,
    cycle: null,
    staffQuestion: null,
    conceptExpiresOn: null,
    nextStep: 'none' as const,
    registrationNumber: null,
    can: { edit: false, upload: false, submit: false, decide: false },
  });

  const open = (...codes: Array<[string, 'generalist' | 'specialist']>) => codes.map(([variantCode, kind]) => ({ variantCode, kind }));

  it('offers what the server says is open, and says why the others are not', () => {
    expect(variantAvailability(variant('sw', 'generalist'), { items: [], can: { apply: open(['sw', 'generalist']) } })).to.deep.equal({ available: true });
    // A lapsed registration is still live: the server does not offer the variant again.
    expect(variantAvailability(variant('sw', 'generalist'), { items: [reg('sw', 'generalist', 'lapsed')], can: { apply: [] } })).to.deep.equal({
      available: false,
      reason: 'exists',
      existingId: 'sw-lapsed',
    });
    const jeugd = variant('jeugd', 'specialist', 'sw');
    expect(variantAvailability(jeugd, { items: [reg('sw', 'generalist', 'submitted')], can: { apply: [] } })).to.include({ reason: 'needsGeneralist' });
    expect(variantAvailability(jeugd, { items: [reg('sw', 'generalist', 'registered')], can: { apply: open(['jeugd', 'specialist']) } }).available).to.equal(true);
  });
});
