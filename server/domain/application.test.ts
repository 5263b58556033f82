import { expect } from 'chai';
import { assessApplication, type ApplicationFacts } from './application.js';
import type { EntryCriteria } from './register-rules.js';

const generalist: EntryCriteria = {
  vogMaxAgeMonths: 12,
  diplomas: [{ code: 'hbo-social-work', name: 'Hbo Social Work' }],
  evcRouteAllowed: true,
  declarations: ['beroepscode', 'tuchtrecht', 'publication'],
  requirements: [],
};
const person = { givenNames: 'Sanne', prefix: 'de', familyName: 'Vries', email: 'sanne@example.nl' };
const complete: ApplicationFacts = {
  kind: 'generalist',
  criteria: generalist,
  answers: { diplomaCode: 'hbo-social-work', vogIssuedOn: '2026-10-01', declarations: { beroepscode: true, tuchtrecht: true, publication: true } },
  person,
  evidenceKinds: new Set(['diploma', 'vog']),
  hasActiveGeneralist: false,
  today: '2026-11-22',
};
const codes = (f: ApplicationFacts) => assessApplication(f).map((i) => `${i.field}:${i.code}`);

describe('application completeness', () => {
  it('accepts a complete generalist application', () => {
    expect(assessApplication(complete)).to.deep.equal([]);
  });

  it('lists everything missing in an empty application', () => {
    expect(codes({ ...complete, answers: {}, person: null, evidenceKinds: new Set() })).to.deep.equal([
      'person:required',
      'diplomaCode:required',
      'evidence.diploma:evidence_required',
      'vogIssuedOn:required',
      'evidence.vog:evidence_required',
      'declarations.beroepscode:declaration_required',
      'declarations.tuchtrecht:declaration_required',
      'declarations.publication:declaration_required',
    ]);
  });

  it('refuses a VOG older than the variant allows, with the configured age', () => {
    const issues = assessApplication({ ...complete, answers: { ...complete.answers, vogIssuedOn: '2025-11-21' } });
    expect(issues.map((i) => i.code)).to.deep.equal(['vog_too_old']);
    expect(issues[0]!.message).to.contain('12 months');
    expect(assessApplication({ ...complete, answers: { ...complete.answers, vogIssuedOn: '2025-11-22' } })).to.deep.equal([]);
    // A stricter variant (SKJ-like 3 months) reads its own number.
    expect(codes({ ...complete, criteria: { ...generalist, vogMaxAgeMonths: 3 }, answers: { ...complete.answers, vogIssuedOn: '2026-08-01' } })).to.deep.equal(['vogIssuedOn:vog_too_old']);
  });

  it('refuses a VOG dated in the future', () => {
    expect(codes({ ...complete, answers: { ...complete.answers, vogIssuedOn: '2026-11-23' } })).to.deep.equal(['vogIssuedOn:vog_in_future']);
  });

  it('takes the EVC route with a certificate instead of a diploma', () => {
    const evc = { ...complete, answers: { ...complete.answers, diplomaCode: 'other' } };
    expect(codes({ ...evc, evidenceKinds: new Set(['vog']) })).to.deep.equal(['evidence.evc-certificate:evidence_required']);
    expect(codes({ ...evc, evidenceKinds: new Set(['vog', 'evc-certificate']) })).to.deep.equal([]);
    expect(codes({ ...evc, criteria: { ...generalist, evcRouteAllowed: false } })).to.deep.equal(['diplomaCode:diploma_not_listed']);
  });

  it('asks for the diploma upload while no diploma is chosen and nothing is uploaded (defect 7)', () => {
    const unchosen = { ...complete, answers: { ...complete.answers, diplomaCode: undefined } };
    expect(codes({ ...unchosen, evidenceKinds: new Set(['vog']) })).to.deep.equal(['diplomaCode:required', 'evidence.diploma:evidence_required']);
    expect(codes(unchosen)).to.deep.equal(['diplomaCode:required']);
    const unlisted = { ...complete, answers: { ...complete.answers, diplomaCode: 'mbo-unknown' }, evidenceKinds: new Set(['vog']) };
    expect(codes(unlisted)).to.deep.equal(['diplomaCode:diploma_not_listed', 'evidence.diploma:evidence_required']);
  });

  it('checks a specialist variant against its own configured requirements', () => {
    const specialist: EntryCriteria = {
      vogMaxAgeMonths: 12,
      diplomas: [],
      evcRouteAllowed: false,
      declarations: ['beroepscode'],
      requirements: [
        { code: 'experience-hours', name: { nl: 'Werkervaring', en: 'Experience' }, kind: 'hours', minimum: 2080 },
        { code: 'employer-statement', name: { nl: 'Werkgeversverklaring', en: 'Employer statement' }, kind: 'statement' },
      ],
    };
    const base: ApplicationFacts = { ...complete, kind: 'specialist', criteria: specialist, hasActiveGeneralist: true, evidenceKinds: new Set(['vog']), answers: { vogIssuedOn: '2026-10-01', declarations: { beroepscode: true }, requirements: { 'experience-hours': { hours: 2000 } } } };
    expect(codes(base)).to.deep.equal(['requirements.experience-hours:minimum_not_met', 'evidence.employer-statement:evidence_required']);
    expect(codes({ ...base, hasActiveGeneralist: false, answers: { ...base.answers, requirements: { 'experience-hours': { hours: 2080 } } }, evidenceKinds: new Set(['vog', 'employer-statement']) })).to.deep.equal(['variant:generalist_required']);
  });
});
