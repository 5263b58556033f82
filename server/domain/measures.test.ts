import { expect } from 'chai';
import { isPublicOn, publicationWindow } from './measures.js';

const base = { decisionDate: '2025-01-10', final: true, publicationOrdered: false, startsOn: null, endsOn: null };

describe('measure publication', () => {
  it('never publishes a waarschuwing', () => {
    expect(publicationWindow(base, { rule: 'never' })).to.deep.equal({ public: false });
  });

  it('publishes a berisping only when ordered, for the configured years', () => {
    expect(publicationWindow(base, { rule: 'if_ordered', years: 5 })).to.deep.equal({ public: false });
    expect(publicationWindow({ ...base, publicationOrdered: true }, { rule: 'if_ordered', years: 5 })).to.deep.equal({ public: true, until: '2030-01-10' });
  });

  it('publishes a schorsing for its term plus the configured years', () => {
    const m = { ...base, startsOn: '2025-02-01', endsOn: '2025-08-01' };
    expect(publicationWindow(m, { rule: 'period_plus', years: 5 })).to.deep.equal({ public: true, until: '2030-08-01' });
    expect(isPublicOn(m, { rule: 'period_plus', years: 5 }, '2030-08-01')).to.equal(true);
    expect(isPublicOn(m, { rule: 'period_plus', years: 5 }, '2030-08-02')).to.equal(false);
  });

  it('publishes a doorhaling permanently', () => {
    expect(isPublicOn(base, { rule: 'permanent' }, '2099-01-01')).to.equal(true);
  });
});
