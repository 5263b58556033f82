import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { todayIn } from '../../server/domain/plain-date.js';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { JPEG } from '../helpers/files.js';
import { readPdf } from '../helpers/pdf.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The registrant's CPD as Sanne uses it, on a phone-sized screen: progress that explains every point, logging an
 * activity with a photo from the camera input, the competence map and the portfolio PDF.
 */
describe('browser: CPD progress, logging with a photo, competence map, portfolio', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 8, app.config.evidenceDir);
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    errors = trackPageErrors(page);
    await loginThroughProvider(page, app.url, 'registrant', 'demo-registrant');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, `cpd-${this.currentTest.title}`);
    expect(errors, 'no script errors or CSP violations').to.deep.equal([]);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  const noSideways = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(360);

  it('shows progress per norm and category with the reason for every point that does not count', async () => {
    await page.getByRole('link', { name: 'Naar mijn punten' }).click();
    await page.waitForURL(`${app.url}/cpd`);
    await page.getByRole('heading', { name: /Basisnorm: Sociaal werker/ }).waitFor();
    await page.getByRole('heading', { name: /Specialisatie: Jeugd- en gezinsprofessional/ }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).to.include('Reden van het register: Het certificaat vermeldt 12 netto contacturen; pauzes en reistijd tellen niet mee.');
    expect(text).to.include('6 punten tellen niet mee: afgewezen door het register.');
    expect(text).to.match(/5 punten tellen niet mee: boven het maximum voor Informeel leren\./);
    expect(text).to.include('6 punten tellen niet mee: voltooid buiten de registratieperiode.');
    expect(text).to.include('0,75 punten tellen niet mee: de sessie duurde korter dan 60 minuten.');
    expect(text).to.include('Een sessie telt alleen mee als hij minstens 60 minuten duurt.');
    expect(text).to.match(/nog [\d.,]+ punten reflectie \(intervisie, supervisie\) vóór \d{1,2} \w+ \d{4}/);
    expect(text).to.match(/Uiterste datum voor uw herregistratie: \d{1,2} \w+ \d{4}/);
    await noSideways();
  });

  it('logs an activity without a code with a photo taken from the camera input, and shows it pending', async () => {
    await page.getByRole('link', { name: 'Activiteit toevoegen' }).click();
    await page.waitForURL(`${app.url}/cpd/activities/new`);
    await page.getByLabel('Nee, geen accreditatiecode').check();
    await page.getByLabel('Soort activiteit').selectOption('formal_learning');
    await page.getByLabel('Titel').fill('Training oplossingsgericht werken');
    await page.getByLabel('Aanbieder').fill('Trainingsbureau De Brug');
    await page.getByLabel('Datum voltooid').fill(todayIn('Europe/Amsterdam'));
    await page.getByLabel('Punten').fill('6,5');
    await page.getByLabel('Werkt samen met burgers en organisaties').check();
    const camera = page.locator('input[type="file"][capture="environment"]');
    expect(await camera.getAttribute('accept')).to.equal('image/*,application/pdf');
    await camera.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByText('Gekozen: foto.jpg').waitFor();
    await noSideways();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/cpd\/activities\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Training oplossingsgericht werken' }).waitFor();
    await page.getByRole('link', { name: 'foto.jpg' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).to.include('In behandeling');
    expect(text).to.include('6,5 punten');
    expect(text).to.include('Werkt samen met burgers en organisaties');
    await noSideways();
  });

  it('says on the saved activity when its photo did not arrive, and takes the file again there', async () => {
    await page.goto(`${app.url}/cpd/activities/new`);
    await page.getByLabel('Nee, geen accreditatiecode').check();
    await page.getByLabel('Soort activiteit').selectOption('formal_learning');
    await page.getByLabel('Titel').fill('Training motiverende gespreksvoering');
    await page.getByLabel('Datum voltooid').fill(todayIn('Europe/Amsterdam'));
    await page.getByLabel('Punten').fill('4');
    await page.locator('input[type="file"][capture="environment"]').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    // The upload fails as a too-large photo would; the activity itself is saved.
    const evidence = /\/api\/my\/cpd\/activities\/[0-9a-f-]{36}\/evidence$/;
    await page.route(evidence, (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify({ error: { code: 'file_too_large', message: 'too large', requestId: 'r1' } }) }),
    );
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/cpd\/activities\/[0-9a-f-]{36}$/);
    const alert = page.getByRole('alert').filter({ hasText: 'De activiteit is opgeslagen, maar het bewijs kon niet worden geüpload.' });
    await alert.waitFor();
    expect(await alert.innerText()).to.include('Dit bestand is te groot.');
    const refused = errors.findIndex((e) => /status of 413/.test(e));
    expect(refused).to.be.at.least(0);
    errors.splice(refused, 1);
    await page.unroute(evidence);
    await page.locator('input[type="file"]:not([capture])').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('button', { name: 'Bewijs toevoegen' }).click();
    await page.getByRole('link', { name: 'foto.jpg' }).waitFor();
    await alert.waitFor({ state: 'detached' });
    await noSideways();
  });

  it('refuses a date in the future with a clear message', async () => {
    await page.goto(`${app.url}/cpd/activities/new`);
    await page.getByLabel('Nee, geen accreditatiecode').check();
    await page.getByLabel('Soort activiteit').selectOption('informal_learning');
    await page.getByLabel('Titel').fill('Boek');
    await page.getByLabel('Datum voltooid').fill('2099-01-01');
    await page.getByLabel('Punten').fill('2');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'De datum mag niet in de toekomst liggen.' }).waitFor();
    // The browser notes the refused request (422) in the console: that is the answer this test asks for.
    const refused = errors.findIndex((e) => /status of 422/.test(e));
    expect(refused).to.be.at.least(0);
    errors.splice(refused, 1);
  });

  it('draws the competence map', async () => {
    await page.goto(`${app.url}/cpd/competences`);
    await page.getByText(/\d+ van 10 competenties gedekt/).waitFor();
    expect(await page.locator('.cpd-cell--covered').count()).to.be.greaterThan(0);
    expect(await page.locator('.cpd-cell--open').count()).to.be.greaterThan(0);
    await noSideways();
  });

  it('makes the portfolio PDF in the worker and downloads it', async () => {
    await page.goto(`${app.url}/cpd`);
    await page.getByRole('button', { name: 'Portfolio als PDF' }).click();
    const link = page.getByRole('link', { name: 'PDF downloaden' });
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = await readPdf(await readFile((await download.path())!));
    expect(pdf.text.replace(/\s+/g, ' ')).to.include('Training oplossingsgericht werken');
  });
});
