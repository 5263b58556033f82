import { expect } from 'chai';
import { activityFormSchema, EMPTY_ACTIVITY_FORM, toLogRequest } from './activity-form.js';

const kinds = [
  { code: 'formal_learning', measure: 'points' as const },
  { code: 'intervision', measure: 'session' as const },
  { code: 'supervision', measure: 'supervision' as const },
  { code: 'work_experience', measure: 'hours' as const },
].map((k) => ({ ...k, name: { nl: k.code, en: k.code }, category: 'x', subcategory: null, minSessionMinutes: null }));

describe('CPD log form: values to request', () => {
  it('sends only the code and the date on the code path', () => {
    expect(toLogRequest({ ...EMPTY_ACTIVITY_FORM, accreditationCode: ' abcd-2345 ', completedOn: '2026-01-02', title: 'ignored' }, { kinds })).to.deep.equal({
      accreditationCode: 'abcd-2345',
      completedOn: '2026-01-02',
    });
  });

  it("sends the chosen measure's fields only, numbers with a Dutch comma read as decimals", () => {
    const base = { ...EMPTY_ACTIVITY_FORM, mode: 'kind' as const, title: 'T', completedOn: '2026-01-02', points: '2,5', hours: '45', sessionMinutes: '90', supervisees: '2', employerName: 'W', periodStartsOn: '2025-01-01' };
    expect(toLogRequest({ ...base, kind: 'formal_learning' }, { kinds })).to.deep.equal({ kind: 'formal_learning', completedOn: '2026-01-02', title: 'T', points: 2.5 });
    expect(toLogRequest({ ...base, kind: 'intervision' }, { kinds })).to.deep.equal({ kind: 'intervision', completedOn: '2026-01-02', title: 'T', sessionMinutes: 90 });
    expect(toLogRequest({ ...base, kind: 'supervision' }, { kinds })).to.deep.equal({ kind: 'supervision', completedOn: '2026-01-02', title: 'T', sessionMinutes: 90, hours: 45, supervisees: 2 });
    expect(toLogRequest({ ...base, kind: 'work_experience' }, { kinds })).to.deep.equal({ kind: 'work_experience', completedOn: '2026-01-02', title: 'T', hours: 45, periodStartsOn: '2025-01-01', employerName: 'W' });
  });

  it('asks for the code, or for the kind and title, and always the date', () => {
    const issues = (v: typeof EMPTY_ACTIVITY_FORM) => (activityFormSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.')).sort();
    expect(issues(EMPTY_ACTIVITY_FORM)).to.deep.equal(['accreditationCode', 'completedOn']);
    expect(issues({ ...EMPTY_ACTIVITY_FORM, mode: 'kind', completedOn: '2026-01-01' })).to.deep.equal(['kind', 'title']);
  });
});
