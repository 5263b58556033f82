import { expect } from 'chai';
import { renderEmail } from './email-templates.js';

const context = (params: Record<string, unknown>) => ({ displayName: 'Sanne de Vries', publicUrl: 'https://vakregister.example', params });
const base = { activityId: 'a1', title: 'Congres wijkgericht werken', completedOn: '2026-10-01', claimed: 10, unit: 'points' };

describe('mails about the review of a CPD activity', () => {
  it('an approval names the points granted as the reader writes numbers and dates', () => {
    const nl = renderEmail('cpd_activity_approved', 'nl', context({ ...base, claimed: 12.5, approved: 12.5, reason: null }));
    expect(nl.subject).to.equal('Activiteit goedgekeurd: Congres wijkgericht werken');
    expect(nl.text).to.include('1 oktober 2026').and.include('12,5 punten').and.include('https://vakregister.example/account');
    expect(renderEmail('cpd_activity_approved', 'en', context({ ...base, approved: 12.5 })).text).to.include('12.5 points').and.include('1 October 2026');
  });

  it('an adjustment says how much of the claim counts and why; hours stay hours', () => {
    const nl = renderEmail('cpd_activity_adjusted', 'nl', context({ ...base, approved: 6, reason: 'Lunch en pauzes tellen niet mee.' }));
    expect(nl.text).to.include('6 van de 10 punten').and.include('Lunch en pauzes tellen niet mee.');
    const hours = renderEmail('cpd_activity_adjusted', 'en', context({ ...base, unit: 'hours', claimed: 1200, approved: 800, reason: 'The statement covers 800 hours.' }));
    expect(hours.text).to.include('800 of the 1,200 hours').and.include('The statement covers 800 hours.');
  });

  it('a rejection gives staff’s reason', () => {
    const nl = renderEmail('cpd_activity_rejected', 'nl', context({ ...base, approved: null, reason: 'Dit is werkoverleg, geen scholing.' }));
    expect(nl.subject).to.equal('Activiteit afgewezen: Congres wijkgericht werken');
    expect(nl.text).to.include('Dit is werkoverleg, geen scholing.').and.include('10 punten tellen niet mee');
  });
});
