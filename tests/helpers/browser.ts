import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
