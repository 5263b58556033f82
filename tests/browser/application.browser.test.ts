import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonths, todayIn } from '../../server/domain/plain-date.js';
import { launchChromium, loginThroughProvider, screenshotOnFailure, trackPageErrors } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { JPEG, PDF } from '../helpers/files.js';
import { readPdf } from '../helpers/pdf.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';


/**
 * The whole way from nothing to a verifiable registration, as people do it: a registrant applies with uploads,
 * staff approve, the registrant downloads the certificate, and the public register and verification page agree.
 */
describe('browser: apply, approve, certify, verify', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Array<{ page: Page; errors: string[] }> = [];
  const family = `Zonneveldtest${Date.now().toString(36).replace(/\d/g, '')}`;
  let registrationNumber = '';
  let verificationCode = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    pages.push({ page, errors: trackPageErrors(page) });
    return page;
  }

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 10);
    browser = await launchChromium();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') for (const { page } of pages) await screenshotOnFailure(page, `${this.currentTest.title}-${pages.indexOf(pages.find((p) => p.page === page)!)}`);
    for (const { errors } of pages) expect(errors, 'no script errors or CSP violations').to.deep.equal([]);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  let registrant: Page;

  it('a new registrant applies for the generalist variant with uploads and submits', async () => {
    registrant = await newPage();
    await loginThroughProvider(registrant, app.url, `nieuw-e2e-${Date.now()}`, 'demo-nieuw');
    await registrant.getByRole('link', { name: 'Registratie aanvragen' }).first().click();
    await registrant.getByLabel(/Sociaal werker/).first().check();
    await registrant.getByRole('button', { name: 'Aanvraag starten' }).click();
    await registrant.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

    await registrant.locator('#f-person-givenNames').fill('Noor');
    await registrant.locator('#f-person-prefix').fill('van');
    await registrant.locator('#f-person-familyName').fill(family);
    await registrant.locator('#f-person-email').fill('noor.e2e@example.nl');
    await registrant.locator('#f-diplomaCode').selectOption('hbo-social-work');
    await registrant.locator('#f-diplomaYear').fill('2021');
    await registrant.locator('#f-vogIssuedOn').fill(addMonths(todayIn('Europe/Amsterdam'), -2));
    for (const d of ['beroepscode', 'tuchtrecht', 'publication']) await registrant.locator(`#f-declarations-${d}`).check();
    await registrant.getByRole('button', { name: 'Opslaan als concept' }).click();
    await registrant.getByText('Uw concept is opgeslagen.').waitFor();

    // The limit shown is the register's setting (settings.evidence.maxBytes), as the server reported it.
    expect(await registrant.getByText('Pdf, jpg of png, maximaal 10 MB.').count()).to.be.greaterThan(0);
    for (const [inputId, name, mimeType, buffer] of [
      ['#f-evidence-diploma-proof', 'diploma.pdf', 'application/pdf', PDF],
      ['#f-evidence-vog', 'vog.jpg', 'image/jpeg', JPEG],
    ] as const) {
      const input = registrant.locator(inputId);
      await input.setInputFiles({ name, mimeType, buffer });
      await input.locator('xpath=..').getByRole('button', { name: 'Uploaden' }).click();
      await registrant.getByText(`${name} is geüpload.`).waitFor();
    }
    await registrant.getByRole('button', { name: 'Indienen' }).click();
    await registrant.getByText('Uw aanvraag is ingediend').first().waitFor();
    expect((await registrant.locator('main').textContent()) ?? '').to.contain('Ingediend');
  });

  it('staff find it in the queue, open the dossier with its evidence, and approve it', async () => {
    const staff = await newPage();
    await loginThroughProvider(staff, app.url, 'staff', 'demo-staff');
    await staff.goto(`${app.url}/staff`);
    const row = staff.getByRole('row', { name: new RegExp(family) });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await staff.getByRole('heading', { name: new RegExp(family) }).first().waitFor();
    expect((await staff.locator('main').textContent()) ?? '').to.contain('diploma.pdf');
    await staff.getByLabel('Goedkeuren').check();
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await staff.getByRole('button', { name: 'Ja, goedkeuren' }).click();
    await staff.getByText('De aanvraag is goedgekeurd.').waitFor();
    const text = await staff.getByRole('status').or(staff.locator('main')).first().innerText();
    registrationNumber = /Registratienummer:?\s*(\d{9})/.exec(text)?.[1] ?? '';
    expect(registrationNumber).to.match(/^\d{9}$/);
  });

  it('the registrant downloads the certificate: a real PDF with the registration number', async () => {
    expect(registrationNumber, 'the approval step found the number').to.match(/^\d{9}$/);
    await registrant.goto(`${app.url}/account`);
    const link = registrant.getByRole('link', { name: 'Registratiebewijs downloaden (pdf)' });
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([registrant.waitForEvent('download'), link.click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(pdf.length).to.be.lessThan(200 * 1024);
    const { text } = await readPdf(pdf);
    expect(text).to.contain(registrationNumber);
    expect(text).to.contain(`Noor van ${family}`);
    verificationCode = /\b([A-Z2-9]{10})\b/.exec(text.replace(registrationNumber, ''))?.[1] ?? '';
    expect(verificationCode).to.match(/^[A-Z2-9]{10}$/);
  });

  it('the public register and the verification page show "registered", and the code is current', async () => {
    expect(verificationCode, 'the certificate step found the code').to.match(/^[A-Z2-9]{10}$/);
    const visitor = await newPage();
    await visitor.goto(`${app.url}/register?q=${family}`);
    const row = visitor.getByRole('row', { name: new RegExp(family) });
    await row.waitFor();
    expect(await row.textContent()).to.contain('Geregistreerd');
    expect(await row.textContent()).to.contain(registrationNumber);
    await visitor.goto(`${app.url}/verify/${registrationNumber}?code=${verificationCode}`);
    await visitor.getByText('Dit registratiebewijs is geldig en actueel.').waitFor();
    expect((await visitor.locator('main').textContent()) ?? '').to.contain('Geregistreerd');
  });
});
