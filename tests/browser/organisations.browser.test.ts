import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** A provider asks for an account on a phone-sized screen, staff authorise it, its admin makes an API token and revokes it. */
describe('browser: organisation request, staff authorisation and API tokens', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Array<{ page: Page; errors: string[] }> = [];

  before(async () => {
    app = await startTestApp({ workers: false });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 5);
    browser = await launchChromium();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') for (const p of pages) await screenshotOnFailure(p.page, `${this.currentTest.title}-${pages.indexOf(p)}`);
    for (const c of contexts.splice(0)) await c.close();
    const errors = pages.splice(0).flatMap((p) => p.errors);
    expect(errors, 'no script errors or CSP violations in the page').to.deep.equal([]);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    pages.push({ page, errors: trackPageErrors(page) });
    return page;
  }
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(360);

  it('requests, is authorised, and shows a new token once with a copy button; a revoked token stops working', async () => {
    const name = `Opleidingshuis ${Date.now()}`;
    const provider = await open({ width: 360, height: 800 });
    await loginThroughProvider(provider, app.url, `nieuw-opleider-${Date.now()}`, 'demo-nieuw');
    await provider.getByRole('link', { name: /Meld uw organisatie aan/ }).click();
    await provider.getByRole('heading', { name: 'Organisatie aanmelden' }).waitFor();
    // An empty form says what is missing, field by field.
    await provider.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await provider.getByText('Een KvK-nummer heeft precies 8 cijfers.').waitFor();
    await provider.getByLabel('Naam van de organisatie').fill(name);
    await provider.getByLabel('KvK-nummer').fill('01234567');
    await provider.getByLabel('Contactpersoon').fill('Petra Jansen');
    await provider.getByLabel('E-mailadres').fill('petra@example.nl');
    await provider.getByLabel('Telefoonnummer').fill('050 123 4567');
    await provider.getByLabel('Website').fill('https://opleidingshuis.example');
    await provider.getByLabel('Vestigingsplaats').fill('Groningen');
    await provider.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await provider.getByRole('heading', { name: new RegExp(name) }).waitFor();
    await provider.getByText('Wacht op goedkeuring').first().waitFor();
    await provider.getByText('Registerbeheer beoordeelt uw aanmelding').waitFor();
    await provider.getByText('Zodra registerbeheer de organisatie heeft goedgekeurd, kunt u API-sleutels maken.').waitFor();
    await noSideways(provider);

    const staff = await open();
    await loginThroughProvider(staff, app.url, 'staff', 'demo-staff');
    await staff.goto(`${app.url}/staff/organisations`);
    await staff.getByRole('link', { name }).click();
    await staff.getByLabel('Goedkeuren').check();
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await staff.getByText('De organisatie is goedgekeurd.').waitFor();
    expect(await staff.evaluate(() => document.activeElement?.textContent?.trim()), 'the outcome has the focus').to.match(/^De organisatie is goedgekeurd\./);

    await provider.reload();
    await provider.getByText('Goedgekeurd').first().waitFor();
    await provider.getByLabel('Naam van de sleutel').fill('Leerplatform');
    await provider.getByRole('button', { name: 'Sleutel maken' }).click();
    const dialog = provider.getByRole('dialog', { name: /Leerplatform/ });
    await dialog.waitFor();
    await dialog.getByText('U ziet deze sleutel maar één keer.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Kopiëren' }).waitFor();
    const token = await dialog.getByLabel('API-sleutel').inputValue();
    expect(token).to.match(/^vrk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
    await noSideways(provider);
    await dialog.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
    await provider.locator('dialog').waitFor({ state: 'detached' });
    await provider.getByRole('row', { name: /Leerplatform/ }).waitFor();
    expect(await provider.content()).not.to.contain(token.slice(13));
    expect((await fetch(`${app.url}/api/token`, { headers: { authorization: `Bearer ${token}` } })).status).to.equal(200);

    // The inline question keeps the keyboard user's place: focus to its cancel button, back to the trigger when
    // cancelled, to the section's heading once the token (and so its trigger) is gone.
    const focused = () => provider.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await provider.getByRole('button', { name: 'Sleutel Leerplatform intrekken' }).click();
    expect(await focused()).to.equal('Annuleren');
    await provider.getByRole('button', { name: 'Annuleren' }).click();
    expect(await focused()).to.equal('Sleutel Leerplatform intrekken');
    await provider.getByRole('button', { name: 'Sleutel Leerplatform intrekken' }).click();
    await provider.getByRole('button', { name: 'Ja, intrekken' }).click();
    await provider.getByText(/Ingetrokken op/).waitFor();
    expect(await focused()).to.equal('API-sleutels');
    expect((await fetch(`${app.url}/api/token`, { headers: { authorization: `Bearer ${token}` } })).status).to.equal(401);
  });
});
