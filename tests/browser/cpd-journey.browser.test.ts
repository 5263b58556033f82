import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { JPEG } from '../helpers/files.js';
import { readPdf } from '../helpers/pdf.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 8's journey end to end, every step through the built client as its user does it: the demo provider requests
 * accreditation, staff approve it from the CPD queue, the provider uploads the attendance list of a run naming Sanne
 * de Vries, and Sanne sees the points in the right category and the accreditation's competence on her map; she logs
 * an activity without a code with a photo from the camera on a phone-sized screen, staff adjust it with a reason,
 * she sees the reason and her numbers move by exactly what was granted, and her portfolio PDF (made by the worker)
 * names the activity and the reason.
 *
 * The competence is "Ondersteunt vrijwilligers en mantelzorgers": no seeded activity of Sanne covers it, so the map
 * can only turn it green through this accreditation.
 */
describe('browser: CPD journey from accreditation request to portfolio', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Array<{ page: Page; errors: string[] }> = [];
  const today = todayIn('Europe/Amsterdam');
  const tag = Date.now().toString(36);
  const accreditationTitle = `Vrijwilligers en mantelzorgers ondersteunen ${tag}`;
  const competence = 'Ondersteunt vrijwilligers en mantelzorgers';
  const activityTitle = `Workshop mantelzorgcafé ${tag}`;
  const adjustReason = 'Op het bewijs staan 4 netto contacturen; de lunch telt niet mee.';
  /** What the register's rounding rule makes of 7.8 net contact hours (shown to provider and staff as such). */
  const accreditedPoints = 7.5;
  const claimedPoints = 6;
  const grantedPoints = 4;

  let sanne: Page;
  let provider: Page;
  let staff: Page;
  let sanneNumber = '';
  let providerUrl = '';

  async function newPage(width: number): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    // Every wait is on a condition; a step that does not come within this fails the test instead of stalling the suite.
    page.setDefaultTimeout(15_000);
    pages.push({ page, errors: trackPageErrors(page) });
    return page;
  }
  /** Logs in and waits for the account page the login lands on to settle (it asks a registrant's registrations only). */
  async function login(page: Page, username: string, password: string): Promise<void> {
    await loginThroughProvider(page, app.url, username, password);
    await page.waitForLoadState('networkidle');
  }
  /** "7,5" and "1.400" as Dutch users read them. */
  const dutchNumber = (s: string): number => Number(s.replace(/\./g, '').replace(',', '.'));
  /** The generalist norm's "Deskundigheidsbevordering" on Sanne's progress screen. */
  const professionalDevelopment = (page: Page): Locator =>
    page
      .locator('section.cpd-norm', { has: page.getByRole('heading', { name: 'Basisnorm: Sociaal werker' }) })
      .locator('section.cpd-category', { has: page.getByRole('heading', { name: 'Deskundigheidsbevordering', exact: true }) });
  /** Counted and pending as the category says them: "43 van de 60 punten tellen mee · 8 punten in behandeling". */
  async function numbersOf(category: Locator): Promise<{ counted: number; pending: number }> {
    const text = (await category.locator('p.cpd-numbers').first().innerText()).replace(/\s+/g, ' ');
    const counted = /([\d.,]+) van de [\d.,]+ punten tel(?:t|len) mee/.exec(text);
    expect(counted, `numbers in "${text}"`).to.not.equal(null);
    const pending = /([\d.,]+) punten in behandeling/.exec(text);
    return { counted: dutchNumber(counted![1]!), pending: pending ? dutchNumber(pending[1]!) : 0 };
  }
  const competenceCell = (page: Page): Locator => page.locator('li.cpd-cell', { has: page.getByRole('heading', { name: competence, exact: true }) });
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal scrolling').to.be.at.most(await page.evaluate(() => window.innerWidth));

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 8, app.config.evidenceDir);
    browser = await launchChromium();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') for (const [i, { page }] of pages.entries()) await screenshotOnFailure(page, `cpd-journey-${this.currentTest.title}-${i}`);
    for (const { errors } of pages) expect(errors, 'no script errors or CSP violations').to.deep.equal([]);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  let before0 = { counted: 0, pending: 0 };
  let coveredBefore = 0;

  it('Sanne, on a 360 px phone, has her number, her progress and the competence not yet covered', async () => {
    sanne = await newPage(360);
    await login(sanne, 'registrant', 'demo-registrant');
    sanneNumber = ((await sanne.locator('dl.details a.mono').first().textContent()) ?? '').trim();
    expect(sanneNumber).to.match(/^\d{9}$/);

    await sanne.getByRole('link', { name: 'Naar mijn punten' }).click();
    await sanne.waitForURL(`${app.url}/cpd`);
    await professionalDevelopment(sanne).waitFor();
    before0 = await numbersOf(professionalDevelopment(sanne));
    expect(await professionalDevelopment(sanne).getByRole('link', { name: accreditationTitle }).count()).to.equal(0);

    await sanne.getByRole('link', { name: 'Mijn competentiekaart' }).click();
    await sanne.waitForURL(`${app.url}/cpd/competences`);
    await competenceCell(sanne).waitFor();
    expect(await competenceCell(sanne).locator('.cpd-cell__state').innerText()).to.contain('Nog niet gedekt');
    coveredBefore = Number(/(\d+) van 10 competenties gedekt/.exec(await sanne.locator('main').innerText())?.[1]);
    expect(coveredBefore).to.be.within(1, 9);
  });

  it('the provider requests accreditation for a run that took place yesterday', async () => {
    provider = await newPage(1280);
    await login(provider, 'provider', 'demo-provider');
    await provider.getByRole('link', { name: 'Accreditaties' }).first().click();
    await provider.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
    await provider.getByLabel('Titel').fill(accreditationTitle);
    await provider.getByLabel('Beschrijving').fill('Training: vrijwilligers en mantelzorgers toerusten en ontlasten.');
    await provider.getByLabel('Vorm').selectOption('training');
    await provider.getByLabel('Netto contacturen').fill('7.8');
    await provider.getByLabel('Sociaal werker', { exact: true }).check();
    await provider.getByLabel(competence).check();
    await provider.getByLabel('Eerste dag').fill(addDays(today, -1));
    await provider.getByLabel('Laatste dag').fill(addDays(today, -1));
    await provider.getByLabel('Plaats').fill('Emmen');
    await provider.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await provider.waitForURL(/\/provider\/accreditations\/[0-9a-f-]{36}$/);
    await provider.getByText('Ingediend', { exact: true }).first().waitFor();
    await provider.getByText(/volgens de rekenregel 7,5 punten/).waitFor();
    providerUrl = provider.url();
  });

  it('staff open the request from the CPD queue and approve it', async () => {
    staff = await newPage(1280);
    await login(staff, 'staff', 'demo-staff');
    await staff.getByRole('link', { name: 'CPD-beoordeling' }).click();
    await staff.waitForURL(/\/staff\/cpd$/);
    await staff.locator('.cpd-tab', { hasText: 'Accreditatieaanvragen' }).click();
    await staff.waitForURL(/kind=accreditation/);
    await staff.getByRole('link', { name: accreditationTitle }).click();
    await staff.waitForURL(providerUrl.replace(/.*\/provider\/accreditations\//, `${app.url}/staff/accreditations/`));
    await staff.getByLabel('Accrediteren').check();
    await staff.getByText(/7,8 netto contacturen geven volgens de rekenregel van het register 7,5 punten/).waitFor();
    await staff.getByLabel('Geldigheid').selectOption('1');
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await staff.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
    expect((await staff.locator('dd.mono').first().textContent())?.trim()).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('the provider uploads the attendance list of the run and sees Sanne got the points', async () => {
    await provider.reload();
    await provider.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
    const run = provider.locator('li.card', { has: provider.getByRole('heading', { name: /Emmen/ }) });
    const csv = `\uFEFFregistratienummer;naam\n${sanneNumber};Sanne de Vries\n`;
    await run.getByLabel('CSV-bestand').setInputFiles({ name: 'presentie-emmen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await run.getByRole('button', { name: 'Bestand uploaden' }).click();
    await run.getByText('1 van 1 regels kregen punten').waitFor();
    await run.getByText('1 deelnemer met punten').waitFor();
    const booked = run.getByRole('row', { name: new RegExp(sanneNumber) });
    await booked.waitFor();
    expect(await booked.innerText()).to.contain('Sanne de Vries').and.contain('7,5');
  });

  let afterAccreditation = { counted: 0, pending: 0 };

  it('Sanne sees the points under professional development and the competence covered', async () => {
    // She comes back to the register later (a fresh visit: the client keeps what it fetched for half a minute).
    await sanne.goto(`${app.url}/cpd`);
    const category = professionalDevelopment(sanne);
    const item = category.locator('li.cpd-item', { has: sanne.getByRole('link', { name: accreditationTitle }) });
    await item.waitFor();
    expect((await item.innerText()).replace(/\s+/g, ' ')).to.contain('Goedgekeurd').and.contain('7,5 van de 7,5 punten tellen mee');
    afterAccreditation = await numbersOf(category);
    expect(afterAccreditation.counted).to.equal(before0.counted + accreditedPoints);
    expect(afterAccreditation.pending).to.equal(before0.pending);
    // In no other category of the generalist norm.
    expect(await sanne.locator('section.cpd-norm', { has: sanne.getByRole('heading', { name: 'Basisnorm: Sociaal werker' }) }).locator('section.cpd-category', { has: sanne.getByRole('link', { name: accreditationTitle }) }).count()).to.equal(1);

    await sanne.getByRole('link', { name: 'Mijn competentiekaart' }).click();
    await sanne.waitForURL(`${app.url}/cpd/competences`);
    const cell = competenceCell(sanne);
    await cell.getByRole('link', { name: accreditationTitle }).waitFor();
    expect(await cell.locator('.cpd-cell__state').innerText()).to.contain('Gedekt').and.not.contain('Nog niet');
    expect(await sanne.locator('main').innerText()).to.contain(`${coveredBefore + 1} van 10 competenties gedekt`);
    await noSideways(sanne);
  });

  let activityUrl = '';

  it('Sanne logs an activity without a code with a photo from the camera, and it waits for review', async () => {
    await sanne.getByRole('link', { name: 'Terug naar mijn punten' }).click();
    await sanne.getByRole('link', { name: 'Activiteit toevoegen' }).click();
    await sanne.waitForURL(`${app.url}/cpd/activities/new`);
    await sanne.getByLabel('Nee, geen accreditatiecode').check();
    await sanne.getByLabel('Soort activiteit').selectOption('formal_learning');
    await sanne.getByLabel('Titel').fill(activityTitle);
    await sanne.getByLabel('Aanbieder').fill('Steunpunt Mantelzorg Emmen');
    await sanne.getByLabel('Datum voltooid').fill(today);
    await sanne.getByLabel('Punten').fill(String(claimedPoints));
    const camera = sanne.getByLabel('Foto maken');
    expect(await camera.getAttribute('capture')).to.equal('environment');
    await camera.setInputFiles({ name: 'certificaat-foto.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await sanne.getByText('Gekozen: certificaat-foto.jpg').waitFor();
    await noSideways(sanne);
    await sanne.getByRole('button', { name: 'Opslaan' }).click();
    await sanne.waitForURL(/\/cpd\/activities\/[0-9a-f-]{36}$/);
    activityUrl = sanne.url();
    await sanne.getByRole('heading', { name: activityTitle }).waitFor();
    await sanne.getByRole('link', { name: 'certificaat-foto.jpg' }).waitFor();
    expect(await sanne.locator('main').innerText()).to.contain('In behandeling');

    await sanne.getByRole('link', { name: 'Terug naar mijn punten' }).click();
    const category = professionalDevelopment(sanne);
    await category.getByRole('link', { name: activityTitle }).waitFor();
    const now = await numbersOf(category);
    expect(now).to.deep.equal({ counted: afterAccreditation.counted, pending: afterAccreditation.pending + claimedPoints });
  });

  it('staff find it in the CPD queue, see the photo, and adjust it with a reason', async () => {
    await staff.getByRole('link', { name: 'CPD-beoordeling' }).click();
    await staff.waitForURL(/\/staff\/cpd$/);
    await staff.locator('.cpd-tab', { hasText: 'Activiteiten' }).click();
    await staff.waitForURL(/kind=activity/);
    await staff.getByLabel('Zoeken op naam, registratienummer of titel').fill(activityTitle);
    await staff.getByRole('button', { name: 'Filteren' }).click();
    await staff.getByText('1 item.').waitFor();
    await staff.getByRole('link', { name: activityTitle }).click();
    await staff.waitForURL(activityUrl.replace(/.*\/cpd\/activities\//, `${app.url}/staff/cpd/activities/`));
    await staff.getByText(`Bij goedkeuren krijgt de deelnemer ${claimedPoints} punten.`).waitFor();
    await staff.getByRole('link', { name: /certificaat-foto\.jpg/ }).waitFor();

    await staff.getByRole('radio', { name: 'Aanpassen' }).check();
    await staff.getByLabel('Toe te kennen punten').fill(String(grantedPoints));
    await staff.getByLabel('Reden van de aanpassing').fill(adjustReason);
    await staff.getByRole('button', { name: 'Besluit controleren' }).click();
    await staff.getByText(`De deelnemer krijgt ${grantedPoints} punten van de opgegeven ${claimedPoints} punten`, { exact: false }).waitFor();
    await staff.getByRole('button', { name: 'Ja, vastleggen' }).click();
    await staff.waitForURL(/\/staff\/cpd$/);
    await staff.getByText(`De activiteit ‘${activityTitle}’ is aangepast goedgekeurd.`, { exact: false }).waitFor();
  });

  it('Sanne sees the reason, and her numbers move by exactly what staff granted', async () => {
    // Her next visit (the client keeps what it fetched for half a minute; staff decided meanwhile).
    await sanne.goto(`${app.url}/cpd`);
    const category = professionalDevelopment(sanne);
    const item = category.locator('li.cpd-item', { has: sanne.getByRole('link', { name: activityTitle }) });
    await item.getByText('Aangepast', { exact: true }).waitFor();
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    expect(text).to.contain(`${grantedPoints} van de ${claimedPoints} punten tellen mee`);
    expect(text).to.contain(`${claimedPoints - grantedPoints} punten tellen niet mee: aangepast door het register.`);
    expect(text).to.contain(`Reden van het register: ${adjustReason}`);
    const now = await numbersOf(category);
    expect(now.counted - afterAccreditation.counted).to.equal(grantedPoints);
    expect(now.pending).to.equal(afterAccreditation.pending);
    expect(now.counted - before0.counted).to.equal(accreditedPoints + grantedPoints);
    await noSideways(sanne);

    await item.getByRole('link', { name: activityTitle }).click();
    await sanne.waitForURL(activityUrl);
    const decision = sanne.locator('.notice', { hasText: 'Reden van het register' });
    await decision.getByText(adjustReason).waitFor();
    expect(await sanne.locator('main').innerText()).to.contain('Aangepast');
    await noSideways(sanne);
    await sanne.getByRole('link', { name: 'Terug naar mijn punten' }).click();
    await sanne.waitForURL(`${app.url}/cpd`);
  });

  it('Sanne downloads her portfolio PDF, made by the worker, with the adjusted activity and its reason', async () => {
    await sanne.getByRole('button', { name: 'Portfolio als PDF' }).click();
    const link = sanne.getByRole('link', { name: 'PDF downloaden' });
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([sanne.waitForEvent('download'), link.click()]);
    const pdf = await readPdf(await readFile((await download.path())!));
    expect(pdf.pages).to.be.at.least(1);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).to.include(activityTitle);
    expect(text).to.include(adjustReason);
    expect(text).to.include(accreditationTitle);
  });
});
