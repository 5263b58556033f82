import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Drives the built client in Debian's Chromium against the real server, database and OIDC provider. */
describe('browser: public register and login', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    (page as Page & { jsErrors?: string[] }).jsErrors = trackPageErrors(page);
  });
  afterEach(async function () {
    const errors = (page as Page & { jsErrors?: string[] }).jsErrors ?? [];
    if (this.currentTest?.state === 'failed') {
      await screenshotOnFailure(page, this.currentTest.title);
    }
    await page.close();
    expect(errors, 'no script errors or CSP violations in the page').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('searches the public register in Dutch and opens a detail page', async () => {
    await page.goto(`${app.url}/`);
    await page.getByLabel('Naam of registratienummer').fill('vries');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const row = page.getByRole('row', { name: /Sanne de Vries/ });
    await row.waitFor();
    const link = row.getByRole('link', { name: /^\d{9}$/ });
    expect(await page.getByText(/gevonden voor „vries”/).first().textContent()).to.match(/^\d+ resulta(at|ten) gevonden/);
    expect(page.url()).to.contain('q=vries');
    await link.click();
    await page.getByRole('heading', { name: 'Sanne de Vries' }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).to.contain('Geregistreerd');
    expect(main).to.contain('Jeugd- en gezinsprofessional');
    expect(main).to.match(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
  });

  it('finds Özdemir by typing "ozdemir" and switches to English', async () => {
    await page.goto(`${app.url}/register?q=ozdemir`);
    await page.getByRole('row', { name: /Emre Özdemir/ }).waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByLabel('Name or registration number').waitFor();
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    expect((await page.locator('main').textContent()) ?? '').to.contain('Registered');
  });

  it('logs in as the demo registrant through the OpenID provider, shows the account, and logs out', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await page.waitForURL((url) => url.href.startsWith(`${app.config.oidc.issuer}/interaction/`));
    await page.locator('#username').fill('registrant');
    await page.locator('#password').fill('demo-registrant');
    await page.locator('form[autocomplete="off"] button[type="submit"]').click();
    await page.waitForURL(`${app.url}/account`);
    await page.getByRole('heading', { name: 'Mijn account' }).waitFor();
    await page.getByText('sanne.devries@example.nl').waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).to.contain('Sanne de Vries');
    expect(main).to.contain('Geregistreerde professional');
    expect(main).to.match(/\d{9}/);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('link', { name: 'Inloggen' }).first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).to.deep.equal({ account: null, roles: [], person: null });
  });

  it('shows a server refusal as a Dutch message, not the raw error', async () => {
    // Only punctuation passes the client's length check but not the server's: a 400 invalid_input.
    await page.goto(`${app.url}/register?q=${encodeURIComponent('%%%')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.contain('De invoer is niet geldig');
  });

  it('shows a friendly message for an unknown registration number', async () => {
    await page.goto(`${app.url}/register/999999999`);
    await page.getByText('Registratie niet gevonden').first().waitFor();
  });
});
