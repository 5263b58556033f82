import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { AccreditationDetail, StaffAccreditation } from '../../server/contract/accreditations.js';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { apiClient } from '../helpers/api-client.js';
import { BrowserPages, launchChromium, loginAndSettle } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin } from '../helpers/http-session.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * An objection against an approval, as the provider and staff do it in the browser: the demo provider thinks its
 * approved activity got too few points and objects on the accreditation page within the window; staff find it in the
 * CPD queue under Bezwaren, open it and grant it with corrected hours and a reason, and the provider sees the objection
 * granted with the reason and the new points. A second approval's objection is refused with a reason, and the provider
 * sees the refusal and the approval as it was. The two approvals are made through the API: requesting and approving
 * in the browser is the accreditation test's.
 */
describe('browser: objection against an approval, granted and refused', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(() => browser);
  const today = todayIn('Europe/Amsterdam');
  const tag = Date.now().toString(36);
  const granted = { title: `Gespreksvoering bij schulden ${tag}`, id: '' };
  const refused = { title: `Huisbezoeken veilig afleggen ${tag}`, id: '' };
  const grantReason = 'Volgens het programma zijn het 10 netto contacturen; de intake telde niet mee.';
  const refuseReason = 'De pauzes en de lunch tellen niet als contacturen; de uren blijven 7,8.';

  let provider: Page;
  let staff: Page;

  const providerUrl = (id: string) => `${app.url}/provider/accreditations/${id}`;
  /** One objection's card on either page, by what it was against. */
  const objectionCard = (page: Page) => page.locator('li.card', { has: page.getByRole('heading', { name: /Bezwaar tegen de toekenning/ }) });
  /** The provider's "Punten" fact as it reads. */
  const pointsShown = async (page: Page) => (await page.locator('.details__row', { has: page.locator('dt', { hasText: /^Punten$/ }) }).locator('dd').innerText()).trim();

  before(async () => {
    app = await startTestApp();
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 8);
    const providerApi = apiClient((await oidcLogin(app.url, 'provider', 'demo-provider')).session, app.url);
    const staffApi = apiClient((await oidcLogin(app.url, 'staff', 'demo-staff')).session, app.url);
    for (const a of [granted, refused]) {
      const submitted = await providerApi.post<AccreditationDetail>('/api/provider/accreditations', {
        title: a.title,
        description: 'Training voor sociaal werkers, om het bezwaar in de browser te doorlopen.',
        form: 'training',
        netContactHours: 7.8,
        variantCodes: ['sociaal-werker'],
        competenceCodes: ['verheldert-vragen'],
        runs: [{ startsOn: addDays(today, 20), endsOn: addDays(today, 20), place: 'Meppel', online: false }],
        hasFinalTest: false,
      });
      expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
      const approved = await staffApi.post<StaffAccreditation>(`/api/staff/accreditations/${submitted.body.id}/decision`, {
        decision: 'approve',
        expectedStatus: 'submitted',
        termYears: 1,
        variantCodes: ['sociaal-werker'],
      });
      expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
      expect(approved.body).to.include({ status: 'approved', points: 7.5 });
      a.id = submitted.body.id;
    }
    browser = await launchChromium();
    provider = await pages.open(360, { timeoutMs: 15_000 });
    await loginAndSettle(provider, app.url, 'provider', 'demo-provider');
    staff = await pages.open(1280, { timeoutMs: 15_000 });
    await loginAndSettle(staff, app.url, 'staff', 'demo-staff');
  });
  afterEach(async function () {
    await pages.check(this.currentTest);
  });
  after(async () => {
    await pages.close();
    await browser?.close();
    await app?.close();
  });

  /** The provider objects on the accreditation page; the approval stays in force meanwhile. */
  async function object(id: string, reason: string): Promise<void> {
    await provider.goto(providerUrl(id));
    await provider.getByRole('heading', { name: 'Bezwaar maken' }).waitFor();
    await provider.getByRole('button', { name: 'Bezwaar indienen' }).click();
    await provider.getByText('Schrijf uw bezwaar (minstens 5 tekens).').waitFor();
    await provider.getByLabel('Uw bezwaar').fill(reason);
    await provider.getByRole('button', { name: 'Bezwaar indienen' }).click();
    await provider.getByText(/Uw bezwaar tegen de toekenning ligt bij registerbeheer/).waitFor();
    const card = objectionCard(provider);
    await card.getByText('In behandeling', { exact: true }).waitFor();
    await card.getByText(reason).waitFor();
    expect(await provider.getByRole('heading', { name: 'Bezwaar maken' }).count(), 'once per decision').to.equal(0);
    // The form that had the focus is gone: the list holding the objection has it now, not the page's body.
    await provider.waitForFunction(() => document.activeElement?.id === 'objections-heading');
  }

  /** Staff open the objection from the queue's Bezwaren tab; its page leads back to that tab. */
  async function openFromQueue(a: { title: string; id: string }, reason: string): Promise<void> {
    await staff.goto(`${app.url}/staff`);
    await staff.getByRole('link', { name: 'CPD-beoordeling' }).click();
    await staff.waitForURL(/\/staff\/cpd$/);
    await staff.locator('.cpd-tab', { hasText: 'Bezwaren' }).click();
    await staff.waitForURL(/\/staff\/cpd\?kind=objection$/);
    await staff.getByRole('heading', { name: 'Bezwaren', level: 2 }).waitFor();
    await staff.getByRole('link', { name: a.title }).click();
    await staff.waitForURL(`${app.url}/staff/accreditations/${a.id}`);
    await staff.getByText(/Bezwaar tegen de toekenning, ingediend op/).first().waitFor();
    await staff.getByText(reason).first().waitFor();
    await staff.getByText('Toegekend: 7,5 punten, 1 jaar, voor Sociaal werker.', { exact: false }).waitFor();
    expect(await staff.getByRole('link', { name: 'Terug naar de CPD-wachtrij' }).getAttribute('href')).to.equal('/staff/cpd?kind=objection');
  }

  it('the provider objects to the approval (too few points) on its accreditation page', async () => {
    await object(granted.id, 'Het programma heeft 10 netto contacturen; de intake is ten onrechte afgetrokken.');
  });

  it('staff find it under Bezwaren, and grant it with corrected hours and a reason', async () => {
    await openFromQueue(granted, 'Het programma heeft 10 netto contacturen; de intake is ten onrechte afgetrokken.');
    await staff.getByLabel('Bezwaar toewijzen (nieuw besluit, dezelfde code)').check();
    await staff.getByLabel('Netto contacturen (alleen invullen als u ze corrigeert)').fill('10');
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    // Granting an objection against an approval changes an approval in use: not without a reason.
    await staff.getByText('Geef een reden (minstens 5 tekens).').waitFor();
    await staff.getByLabel('Reden van het toewijzen').fill(grantReason);
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const card = objectionCard(staff);
    await card.getByText('Toegewezen', { exact: true }).waitFor();
    await card.getByText('Nu 10 punten (10 netto contacturen), 1 jaar geldig.').waitFor();
    expect(await staff.getByRole('heading', { name: 'Besluit', exact: true }).count(), 'nothing left to decide').to.equal(0);

    await staff.getByRole('link', { name: 'Terug naar de CPD-wachtrij' }).click();
    await staff.waitForURL(/\/staff\/cpd\?kind=objection$/);
    await staff.getByRole('link', { name: granted.title }).waitFor({ state: 'detached' });
  });

  it('the provider sees the objection granted, with the reason and the new points under the same code', async () => {
    await provider.goto(providerUrl(granted.id));
    const card = objectionCard(provider);
    await card.getByText('Toegewezen', { exact: true }).waitFor();
    await card.getByText(grantReason).waitFor();
    await card.getByText('Nu 10 punten (10 netto contacturen), 1 jaar geldig.').waitFor();
    expect(await pointsShown(provider)).to.equal('10');
    await provider.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
    expect(await provider.getByRole('heading', { name: 'Bezwaar maken' }).count(), 'the decision on an objection is final').to.equal(0);
  });

  it('an objection staff refuse with a reason: the provider sees the refusal and the approval as it was', async () => {
    const objection = 'De pauzes waren werkpauzes met casusbespreking en horen bij de contacturen.';
    await object(refused.id, objection);
    await openFromQueue(refused, objection);
    await staff.getByLabel('Bezwaar afwijzen met een reden').check();
    await staff.getByLabel('Reden', { exact: true }).fill(refuseReason);
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await objectionCard(staff).getByText('Afgewezen', { exact: true }).waitFor();

    await provider.goto(providerUrl(refused.id));
    const card = objectionCard(provider);
    await card.getByText('Afgewezen', { exact: true }).waitFor();
    await card.getByText(/^Afgewezen op .*\. De reden:$/).waitFor();
    await card.getByText(refuseReason).waitFor();
    expect(await pointsShown(provider)).to.equal('7,5');
    await provider.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
  });
});
