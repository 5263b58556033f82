import { expect } from 'chai';
import i18next from 'i18next';
import { en, nl } from '../../i18n/resources.js';
import { explainItem } from './explain.js';

async function translator(lng: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { nl: { translation: nl }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

const category = { unit: 'points' as const, caps: [], minSessionMinutes: 60 };
const item = (points: number) => ({ activityId: 'a1', points, counted: 0, notCounted: [{ points, reason: 'rejected' as const }] });

describe('CPD explanations in words (explainItem)', () => {
  it('makes the Dutch verb and unit agree with the amount', async () => {
    const t = await translator('nl');
    expect(explainItem(item(1), category, t, 'nl')).to.deep.equal(['1 punt telt niet mee: afgewezen door het register.']);
    expect(explainItem(item(6), category, t, 'nl')).to.deep.equal(['6 punten tellen niet mee: afgewezen door het register.']);
    expect(explainItem(item(0.75), category, t, 'nl')).to.deep.equal(['0,75 punten tellen niet mee: afgewezen door het register.']);
  });

  it('and the English one', async () => {
    const t = await translator('en');
    expect(explainItem(item(1), category, t, 'en')).to.deep.equal(['1 point does not count: rejected by the register.']);
    expect(explainItem(item(6), category, t, 'en')).to.deep.equal(['6 points do not count: rejected by the register.']);
  });
});
