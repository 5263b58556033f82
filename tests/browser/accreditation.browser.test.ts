import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayIn } from '../../server/domain/plain-date.js';
import { BrowserPages, launchChromium, loginAndSettle } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Accreditation as people do it: the demo provider requests accreditation through the form, staff approve it on the
 * staff page, the provider adds a repeat run and uploads an attendance list, and the public agenda shows the activity.
 */
describe('browser: request accreditation, approve, upload attendance, agenda', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(() => browser);
  const today = todayIn('Europe/Amsterdam');
  const title = `Browsertraining ${Date.now().toString(36)}`;
  let detailUrl = '';
  let numbers: string[] = [];

  const newPage = (width = 1280) => pages.open(width);
  const login = (page: Page, username: string, password: string) => loginAndSettle(page, app.url, username, password);
  const noHorizontalScroll = async (page: Page) => {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('[data-scroll]'))
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`),
    );
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    return fits ? true : `too wide: ${wide.join(', ')}`;
  };

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer, 20);
    browser = await launchChromium();
    const found = (await app.runtime.dataSource.query(
      `SELECT p.registration_number AS n FROM persons p JOIN registrations r ON r.person_id = p.id JOIN variants v ON v.id = r.variant_id
        WHERE v.code = 'sociaal-werker' AND r.status = 'registered' AND r.registered_on <= $1 ORDER BY 1 LIMIT 2`,
      [addDays(today, -30)],
    )) as Array<{ n: string }>;
    numbers = found.map((r) => r.n);
    expect(numbers).to.have.length(2);
  });
  afterEach(async function () {
    await pages.check(this.currentTest);
  });
  after(async () => {
    await pages.close();
    await browser?.close();
    await app?.close();
  });

  let provider: Page;

  it('the provider requests accreditation on a 360 px screen; the final-test rule shows as the hours change', async () => {
    provider = await newPage(360);
    await login(provider, 'provider', 'demo-provider');
    await provider.getByRole('link', { name: 'Accreditaties' }).first().click();
    await provider.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
    await provider.getByLabel('Titel').fill(title);
    await provider.getByLabel('Beschrijving').fill('Een training om de browsertest te doorlopen.');
    await provider.getByLabel('Vorm').selectOption('training');
    await provider.getByLabel('Netto contacturen').fill('20');
    await provider.getByText(/moet een afsluitende toets hebben/).waitFor();
    await provider.getByLabel('Netto contacturen').fill('7.8');
    await provider.getByText(/is verplicht voor e-learning/).waitFor();
    await provider.getByLabel('Sociaal werker', { exact: true }).check();
    await provider.getByLabel('Verheldert vragen en behoeften').check();
    await provider.getByLabel('Eerste dag').fill(addDays(today, -20));
    await provider.getByLabel('Laatste dag').fill(addDays(today, -20));
    await provider.getByLabel('Plaats').fill('Groningen');
    expect(await noHorizontalScroll(provider), 'no horizontal scrolling at 360 px').to.equal(true);
    // 20 hours without a final test: the server's refusal shows where the provider pressed the button, not above the fold.
    await provider.getByLabel('Netto contacturen').fill('20');
    await provider.getByRole('button', { name: 'Aanvraag indienen' }).click();
    const refusal = provider.getByRole('alert').filter({ hasText: 'Deze activiteit moet een afsluitende toets hebben' });
    await refusal.waitFor();
    const inView = await refusal.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView, 'the refusal is in view').to.equal(true);
    pages.expected(provider, /status of 422/);
    await provider.getByLabel('Netto contacturen').fill('7.8');
    await provider.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await provider.waitForURL(/\/provider\/accreditations\/[0-9a-f-]{36}$/);
    await provider.getByText('Ingediend', { exact: true }).first().waitFor();
    await provider.getByText(/volgens de rekenregel 7,5 punten/).waitFor();
    detailUrl = provider.url();
  });

  it('staff see the computed points and approve', async () => {
    const staff = await newPage();
    await login(staff, 'staff', 'demo-staff');
    await staff.goto(detailUrl.replace('/provider/accreditations/', '/staff/accreditations/'));
    await staff.getByText(/7,8 netto contacturen|Punten volgens de rekenregel/).first().waitFor();
    await staff.getByLabel('Accrediteren').check();
    await staff.getByText(/geven volgens de rekenregel van het register 7,5 punten/).waitFor();
    await staff.getByLabel('Geldigheid').selectOption('1');
    await staff.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await staff.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
    const code = await staff.locator('dd.mono').first().textContent();
    expect(code?.trim()).to.match(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('the provider adds a repeat run and uploads attendance, and sees every row and who got points', async () => {
    await provider.goto(detailUrl);
    await provider.getByText('Geaccrediteerd', { exact: true }).first().waitFor();
    const add = provider.locator('form', { has: provider.getByRole('heading', { name: 'Herhaling toevoegen' }) });
    await add.getByLabel('Eerste dag').fill(addDays(today, 30));
    await add.getByLabel('Laatste dag').fill(addDays(today, 30));
    await add.getByLabel('Plaats').fill('Assen');
    await add.getByRole('button', { name: 'Uitvoering toevoegen' }).click();
    await provider.getByRole('heading', { name: /Assen/ }).waitFor();

    const pastRun = provider.locator('li.card', { has: provider.getByRole('heading', { name: /Groningen/ }) });
    await pastRun.getByLabel('CSV-bestand').setInputFiles({ name: 'aanwezig.csv', mimeType: 'text/csv', buffer: Buffer.from(`registratienummer;naam\n${numbers[0]};A\n${numbers[1]};B\nonzin;C\n`) });
    await pastRun.getByRole('button', { name: 'Bestand uploaden' }).click();
    await pastRun.getByText('2 van 3 regels kregen punten').waitFor();
    await pastRun.getByText('Geen registratienummer', { exact: true }).waitFor();
    await pastRun.getByText('2 deelnemers met punten').waitFor();
    await pastRun.getByRole('cell', { name: numbers[0]! }).waitFor();
    const [download] = await Promise.all([provider.waitForEvent('download'), pastRun.getByRole('link', { name: /Uitkomst per regel downloaden/ }).first().click()]);
    expect(download.suggestedFilename()).to.match(/^aanwezigheid-.*\.csv$/);

    // The same numbers pasted again book nothing twice.
    await pastRun.getByLabel(/Of plak registratienummers/).fill(numbers.join('\n'));
    await pastRun.getByRole('button', { name: 'Nummers verwerken' }).click();
    await pastRun.getByText('0 van 2 regels kregen punten').waitFor();

    // A long list of garbage: the screen shows the first rows and says the download has them all, in Dutch numbers.
    await pastRun.getByLabel('CSV-bestand').setInputFiles({ name: 'lang.csv', mimeType: 'text/csv', buffer: Buffer.from(Array.from({ length: 1200 }, (_, i) => `onzin${i}\n`).join('')) });
    await pastRun.getByRole('button', { name: 'Bestand uploaden' }).click();
    await pastRun.getByText('0 van 1.200 regels kregen punten').waitFor();
    await pastRun.getByText('Hierboven staan de eerste 500 van 1.200 regels zonder punten; de download bevat ze allemaal.').waitFor();
    expect(await noHorizontalScroll(provider), 'no horizontal scrolling at 360 px').to.equal(true);
  });

  it('the public agenda shows the activity with its upcoming run, and not once the provider opts out', async () => {
    const visitor = await newPage(360);
    await visitor.goto(`${app.url}/agenda`);
    await visitor.getByLabel('Zoeken', { exact: true }).fill(title);
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    // The unfiltered agenda shows first (the demo data has a run in Assen on the same day): wait for the search's answer.
    await visitor.getByText('1 activiteit gevonden').waitFor();
    await visitor.getByRole('heading', { name: title }).waitFor();
    await visitor.getByText(/Assen/).waitFor();
    expect(await visitor.getByText(/Groningen/).count()).to.equal(0);
    expect(await noHorizontalScroll(visitor)).to.equal(true);

    await provider.goto(detailUrl);
    await provider.getByLabel('Tonen in de openbare cursusagenda').uncheck();
    await provider.getByText('Deze activiteit staat niet in de cursusagenda.').waitFor();
    await visitor.reload();
    await visitor.getByLabel('Zoeken', { exact: true }).fill(title);
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await visitor.getByText('0 activiteiten gevonden').waitFor();
  });
});
