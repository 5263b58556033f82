import { expect } from 'chai';
import type { EntryCriteria } from '../../api/types.js';
import { generalist, specialist } from '../../lib/criteria.fixtures.js';
import { applicationFormSchema, flattenErrors, formErrorCode, formValuesFromDetail, issueFieldOf, type ApplicationFormValues } from './application-form.js';


const empty = formValuesFromDetail({ person: null, application: {} });
const parse = (values: ApplicationFormValues, criteria: EntryCriteria) => applicationFormSchema(criteria, 2026).safeParse(values);
/** Issue field → our error code, as the form shows them. */
function errorCodes(values: ApplicationFormValues, criteria: EntryCriteria): Record<string, string> {
  const result = parse(values, criteria);
  expect(result.success, 'the values are refused').to.equal(false);
  const out: Record<string, string> = {};
  for (const issue of result.error!.issues) {
    const path = issue.path.join('.');
    const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)[k as PropertyKey], values);
    out[issueFieldOf(path)] = formErrorCode(issueFieldOf(path), issue.code, value);
  }
  return out;
}

describe('application form schema', () => {
  it('sends only answers while personal details are empty', () => {
    const result = parse(empty, generalist);
    expect(result.success).to.equal(true);
    expect(result.data).to.deep.equal({ application: { declarations: { beroepscode: false, tuchtrecht: false, publication: false } } });
  });

  it('sends complete personal details and typed answers, checked by the server schemas', () => {
    const values: ApplicationFormValues = {
      ...empty,
      person: { givenNames: ' Sanne ', prefix: 'de', familyName: 'Vries', email: 'sanne@example.nl ' },
      diplomaCode: 'hbo-social-work',
      diplomaYear: '2019',
      vogIssuedOn: '2026-01-15',
      declarations: { beroepscode: true },
    };
    const result = parse(values, generalist);
    expect(result.data).to.deep.equal({
      person: { givenNames: 'Sanne', prefix: 'de', familyName: 'Vries', email: 'sanne@example.nl' },
      application: {
        diplomaCode: 'hbo-social-work',
        diplomaYear: 2019,
        vogIssuedOn: '2026-01-15',
        declarations: { beroepscode: true, tuchtrecht: false, publication: false },
      },
    });
    // An empty prefix is sent as null, as the server stores it.
    expect(parse({ ...values, person: { ...values.person, prefix: ' ' } }, generalist).data?.person?.prefix).to.equal(null);
  });

  it('reports partly filled personal details, bad numbers and a year after this one', () => {
    const values: ApplicationFormValues = {
      ...empty,
      person: { givenNames: 'Sanne', prefix: '', familyName: '', email: 'nope' },
      diplomaYear: '19',
      requirements: { 'experience-hours': { hours: 'veel' } },
    };
    expect(errorCodes(values, specialist)).to.deep.equal({
      'person.familyName': 'required',
      'person.email': 'invalid_email',
      diplomaYear: 'invalid_year',
      'requirements.experience-hours': 'invalid_hours',
    });
    expect(errorCodes({ ...empty, diplomaYear: '2027' }, generalist)).to.deep.equal({ diplomaYear: 'invalid_year' });
    expect(errorCodes({ ...empty, person: { givenNames: 'Sanne', prefix: '', familyName: 'Vries', email: ' ' } }, generalist)).to.deep.equal({
      'person.email': 'required',
    });
  });

  it('round-trips hours (a decimal comma is accepted) and ignores requirements of other kinds', () => {
    const values = formValuesFromDetail({ person: null, application: { requirements: { 'experience-hours': { hours: 2080 } } } });
    expect(values.requirements).to.deep.equal({ 'experience-hours': { hours: '2080' } });
    const result = parse({ ...values, requirements: { 'experience-hours': { hours: '12,5' }, 'employer-statement': { hours: '3' } } }, specialist);
    expect(result.data?.application.requirements).to.deep.equal({ 'experience-hours': { hours: 12.5 } });
  });

  it('flattens react-hook-form errors to issue fields', () => {
    const errors = { person: { email: { type: 'invalid_format', message: 'x', ref: {} } }, requirements: { 'experience-hours': { hours: { type: 'invalid_type', message: 'y' } } } };
    expect(flattenErrors(errors).map((e) => [issueFieldOf(e.path), e.type])).to.deep.equal([
      ['person.email', 'invalid_format'],
      ['requirements.experience-hours', 'invalid_type'],
    ]);
  });
});
