import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with a fresh profile and no background traffic on the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Collects script errors and CSP violations. The browser also notes every 4xx response in the console; those
 * are expected answers (400 refused input, 401 anonymous, 404 unknown number, 409 certificate still pending).
 */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 40[0149]/.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

export async function screenshotOnFailure(page: Page, title: string): Promise<void> {
  await page.screenshot({ path: path.resolve('.test-data', `${title.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
}

export async function loginThroughProvider(page: Page, appUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${appUrl}/auth/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form[autocomplete="off"] button[type="submit"]').click();
  await page.waitForURL(`${appUrl}/account`);
}

/** Logs in and waits for the account page the login lands on to settle (it asks a registrant's registrations only). */
export async function loginAndSettle(page: Page, appUrl: string, username: string, password: string): Promise<void> {
  await loginThroughProvider(page, appUrl, username, password);
  await page.waitForLoadState('networkidle');
}

/**
 * The pages of one browser test file, each in a context of its own (its own cookies and session), with their script
 * errors collected: `open` one, `check` after every test (a screenshot of every page when it failed, then no script
 * errors on any), `close` them all.
 */
export class BrowserPages {
  private readonly contexts: BrowserContext[] = [];
  private readonly pages: Array<{ page: Page; errors: string[] }> = [];

  constructor(private readonly browser: () => Browser) {}

  /** `timeoutMs`: every wait is on a condition; one that does not come within this fails the test instead of stalling it. */
  async open(width: number, { height = 900, timeoutMs }: { height?: number; timeoutMs?: number } = {}): Promise<Page> {
    const context = await this.browser().newContext({ acceptDownloads: true, viewport: { width, height } });
    this.contexts.push(context);
    const page = await context.newPage();
    if (timeoutMs) page.setDefaultTimeout(timeoutMs);
    this.pages.push({ page, errors: trackPageErrors(page) });
    return page;
  }

  /** The browser logs a refusal the test provoked (e.g. "status of 422"): take that one entry off the page's errors. */
  expected(page: Page, pattern: RegExp): void {
    const errors = this.pages.find((p) => p.page === page)?.errors ?? [];
    const i = errors.findIndex((e) => pattern.test(e));
    expect(i, `the page logged ${String(pattern)}`).to.be.at.least(0);
    errors.splice(i, 1);
  }

  async check(test: { state?: string | undefined; title: string } | undefined): Promise<void> {
    if (test?.state === 'failed') for (const [i, { page }] of this.pages.entries()) await screenshotOnFailure(page, `${test.title}-${i}`);
    for (const { errors } of this.pages) expect(errors, 'no script errors or CSP violations').to.deep.equal([]);
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close();
  }
}
