import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { clearCpdQueue, daysAgo, insertActivity, insertActivityEvidence, insertOrganisation, registeredPersons } from '../helpers/staff-cpd.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Staff work the CPD queue as they do every day: the tabs and the late marker, an activity opened from the queue
 * with its evidence, an adjustment refused until it is below the claim and has a reason, and back to the queue.
 */
describe('browser: staff CPD review', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let activityId = '';

  before(async () => {
    app = await startTestApp();
    const db = app.runtime.dataSource;
    await resetDatabase(db, app.config.oidc.issuer, 8);
    await clearCpdQueue(db);
    const [person] = await registeredPersons(db, 1);
    activityId = await insertActivity(db, { personId: person!.id, registerId: person!.registerId, title: 'Congres armoede en schulden', points: 10, createdAt: daysAgo(20) });
    await insertActivityEvidence(db, app.config.evidenceDir, activityId, 'deelnamebewijs.pdf');
    await insertActivity(db, { personId: person!.id, registerId: person!.registerId, title: 'Intervisie team Oost', kind: 'intervision', category: 'reflectie', subcategory: null, points: 2, sessionMinutes: 120, createdAt: daysAgo(2) });
    await insertOrganisation(db, { name: 'Stichting Leren Doe Je Samen', requestedAt: daysAgo(4) });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    errors = trackPageErrors(page);
    await loginThroughProvider(page, app.url, 'staff', 'demo-staff');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, this.currentTest.title);
    expect(errors, 'no script errors or CSP violations').to.deep.equal([]);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows the queue oldest first with counts per kind and the late item marked', async () => {
    await page.goto(`${app.url}/staff`);
    await page.getByRole('link', { name: 'CPD-beoordeling' }).click();
    await page.waitForURL(/\/staff\/cpd$/);
    await page.getByText('3 items.').waitFor();
    await page.getByText('Streeftermijn: 14 dagen').waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).to.equal(3);
    expect(await rows.nth(0).textContent()).to.contain('Congres armoede en schulden').and.contain('langer dan 14 dagen');
    expect(await rows.nth(1).textContent()).to.contain('Stichting Leren Doe Je Samen');
    expect(await page.getByRole('link', { name: /Activiteiten\s*2\s*1 te laat/ }).count()).to.equal(1);
    await page.locator('.cpd-tab', { hasText: 'Organisaties' }).click();
    await page.waitForURL(/kind=organisation/);
    await page.getByText('1 item.').waitFor();
    expect(await page.getByRole('link', { name: 'Stichting Leren Doe Je Samen' }).getAttribute('href')).to.match(/^\/staff\/organisations\/[0-9a-f-]{36}$/);
  });

  it('opens the activity with its evidence, refuses a bad adjustment, records a good one and returns to the queue', async () => {
    await page.goto(`${app.url}/staff/cpd?kind=activity`);
    await page.getByRole('link', { name: 'Congres armoede en schulden' }).click();
    await page.waitForURL(new RegExp(`/staff/cpd/activities/${activityId}$`));
    await page.getByText('Bij goedkeuren krijgt de deelnemer 10 punten.').waitFor();
    expect(await page.getByRole('link', { name: /deelnamebewijs\.pdf/ }).getAttribute('href')).to.match(new RegExp(`/api/staff/cpd/activities/${activityId}/evidence/`));

    await page.getByRole('radio', { name: 'Aanpassen' }).check();
    await page.getByLabel('Toe te kennen punten').fill('10');
    await page.getByRole('button', { name: 'Besluit controleren' }).click();
    await page.getByText('Ken minder toe dan de opgegeven 10 punten.', { exact: false }).waitFor();
    await page.getByText('Vul een reden in.').waitFor();

    await page.getByLabel('Toe te kennen punten').fill('6,5');
    await page.getByLabel('Reden van de aanpassing').fill('De lunch en de pauzes tellen niet mee.');
    await page.getByRole('button', { name: 'Besluit controleren' }).click();
    await page.getByText('De deelnemer krijgt 6,5 punten van de opgegeven 10 punten', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ja, vastleggen' }).click();

    await page.waitForURL(/\/staff\/cpd$/);
    await page.getByText('is aangepast goedgekeurd', { exact: false }).waitFor();
    // The queue may show its cached page first; the fresh one has two items left.
    await page.getByText('2 items.').waitFor();
    expect(await page.locator('tbody tr').count()).to.equal(2);
    const [row] = (await app.runtime.dataSource.query(`SELECT status, approved_points, staff_reason FROM cpd_activities WHERE id = $1`, [activityId])) as Array<Record<string, string>>;
    expect(row).to.deep.equal({ status: 'adjusted', approved_points: '6.50', staff_reason: 'De lunch en de pauzes tellen niet mee.' });
  });

  it('says so when someone else decided first, records nothing, and shows the decision after a reload', async () => {
    const db = app.runtime.dataSource;
    const [person] = await registeredPersons(db, 1);
    const id = await insertActivity(db, { personId: person!.id, registerId: person!.registerId, title: 'Workshop huisbezoeken', points: 3 });
    await page.goto(`${app.url}/staff/cpd/activities/${id}`);
    await page.getByText('Bij goedkeuren krijgt de deelnemer 3 punten.').waitFor();
    await db.query(`UPDATE cpd_activities SET status = 'rejected', staff_reason = 'Al door een collega afgewezen.', decided_at = now() WHERE id = $1`, [id]);
    await page.getByRole('radio', { name: 'Goedkeuren' }).check();
    await page.getByRole('button', { name: 'Besluit controleren' }).click();
    await page.getByRole('button', { name: 'Ja, vastleggen' }).click();
    await page.getByText('Iemand anders heeft deze activiteit intussen beoordeeld of gewijzigd').waitFor();
    await page.getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.getByText('Al door een collega afgewezen.').waitFor();
    expect(await page.getByRole('button', { name: 'Besluit controleren' }).count()).to.equal(0);
    const decisions = (await db.query(`SELECT action FROM audit_events WHERE subject_id = $1 AND action NOT LIKE '%viewed'`, [id])) as unknown[];
    expect(decisions).to.deep.equal([]);
    const [row] = (await db.query(`SELECT status, approved_points FROM cpd_activities WHERE id = $1`, [id])) as Array<Record<string, unknown>>;
    expect(row).to.deep.equal({ status: 'rejected', approved_points: null });
  });
});
