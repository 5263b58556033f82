import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Every console error and script error, 4xx responses included (trackPageErrors forgives those). */
function trackAllConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

/** Client behaviour around the session and the forms: anonymous visits, failed logins, a first application, the cycle. */
describe('browser: session, first application and cycle dates', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  before(async () => {
    app = await startTestApp({ workers: false });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    errors = trackPageErrors(page);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshotOnFailure(page, this.currentTest.title);
    await context.close();
    expect(errors, 'no script errors or CSP violations in the page').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('an anonymous visit to / and /register logs no console error at all (defect 10)', async () => {
    const all = trackAllConsoleErrors(page);
    for (const path of ['/', '/register']) {
      await page.goto(`${app.url}${path}`);
      await page.getByLabel('Naam of registratienummer').waitFor();
      await page.getByRole('link', { name: 'Inloggen' }).first().waitFor();
    }
    expect(all).to.deep.equal([]);
  });

  it('explains a failed login and offers to log in again (defect 6)', async () => {
    await page.goto(`${app.url}/login/failed?reason=login_required`);
    await page.getByRole('heading', { name: 'Inloggen is niet gelukt' }).waitFor();
    expect((await page.locator('main').textContent()) ?? '').to.contain('U bent niet ingelogd bij de inlogdienst.');
    expect(await page.locator('main').getByRole('link', { name: 'Opnieuw inloggen' }).getAttribute('href')).to.equal('/auth/login');
    expect(await page.locator('main').getByRole('link', { name: 'Naar de startpagina' }).getAttribute('href')).to.equal('/');
    expect(await page.title()).to.contain('Inloggen is niet gelukt');
    // A reason the page does not know reads as "unknown", never as raw text.
    await page.goto(`${app.url}/login/failed?reason=%3Cscript%3E`);
    await page.getByText('Inloggen is om een onbekende reden niet gelukt.').waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Logging in did not work' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Log in again' }).waitFor();
  });

  it('a first-time user: the diploma upload stays to do, the form checks input, and the header greets by name once saved (defects 7, 9)', async () => {
    const family = `Kopnaam${Date.now().toString(36).replace(/\d/g, '')}`;
    await loginThroughProvider(page, app.url, `nieuw-kop-${Date.now()}`, 'demo-nieuw');
    const header = page.locator('header');
    await header.getByText('Ingelogd als Nieuwe Gebruiker').waitFor();
    await page.getByRole('link', { name: 'Registratie aanvragen' }).first().click();
    await page.getByLabel(/Sociaal werker/).first().check();
    await page.getByRole('button', { name: 'Aanvraag starten' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

    const proof = page.locator('.checklist__item', { hasText: 'Bewijs van diploma of EVC-certificaat' });
    await proof.waitFor();
    expect(await proof.getAttribute('class')).to.contain('checklist__item--todo');

    // The schema refuses what the server would refuse, each error tied to its field.
    await page.locator('#f-person-givenNames').fill('Noor');
    await page.locator('#f-person-familyName').fill('');
    await page.locator('#f-person-email').fill('geen-adres');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer uw invoer' });
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).to.contain('Controleer uw invoer');
    const email = page.locator('#f-person-email');
    expect(await email.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).to.contain('f-person-email-error');
    expect(await page.locator('#f-person-email-error').textContent()).to.contain('geldig e-mailadres');
    expect(await page.locator('#f-person-familyName-error').textContent()).to.contain('nog niet ingevuld');
    await summary.getByRole('link', { name: /E-mailadres/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('f-person-email');

    await page.locator('#f-person-familyName').fill(family);
    await email.fill('noor.kop@example.nl');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page.getByText('Uw concept is opgeslagen.').waitFor();
    await header.getByText(`Ingelogd als Noor ${family}`).waitFor();
    expect(await proof.getAttribute('class')).to.contain('checklist__item--todo');
  });

  it('a registrant reads the herregistratiedatum and the last day to request it as Dutch dates (defect 12)', async () => {
    await loginThroughProvider(page, app.url, 'registrant', 'demo-registrant');
    const card = page.locator('.card').filter({ hasText: 'Herregistratiedatum' }).first();
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    const date = String.raw`\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}`;
    expect(text).to.match(new RegExp(`Herregistratie aanvragen uiterlijk ${date}`));
    expect(text).to.match(new RegExp(`Herregistratiedatum ${date}`));
  });

  it('the search and verification-code forms check their input with the server schemas before asking', async () => {
    await page.goto(`${app.url}/register`);
    const search = page.getByLabel('Naam of registratienummer');
    await search.fill(' v ');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Vul minimaal 2 tekens in.').waitFor();
    expect(await search.getAttribute('aria-invalid')).to.equal('true');
    expect(page.url()).not.to.contain('q=');
    await search.fill('vries');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const row = page.getByRole('row', { name: /Sanne de Vries/ });
    await row.waitFor();
    expect(await search.getAttribute('aria-invalid')).to.equal(null);
    const number = (await row.getByRole('link', { name: /^\d{9}$/ }).textContent()) ?? '';

    await page.goto(`${app.url}/verify/${number}`);
    const code = page.getByLabel('Verificatiecode');
    await code.fill('abcd');
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await page.getByText('Vul een code in van 10 letters en cijfers (zonder I, O, 0 en 1).').waitFor();
    expect(await code.getAttribute('aria-invalid')).to.equal('true');
    await code.fill('abcde-fghjk');
    await page.getByRole('button', { name: 'Code controleren' }).click();
    await page.getByText('Deze verificatiecode is onbekend.').waitFor();
    expect(page.url()).to.contain('code=ABCDEFGHJK');
  });
});
