import { currentTotp } from '@throughline/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeViolations } from './browser';

// The demo practice seeded on first start (apps/server/src/demo/seed.ts).
export const PASSWORD = 'throughline-demo';
export const MAYA = {
  email: 'maya@demo.throughline.test',
  name: 'Maya Okafor, MT-BC',
  totp: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
};
export const ADMIN = {
  email: 'admin@demo.throughline.test',
  totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};
export const SAM = { email: 'sam@demo.throughline.test', name: 'Sam Rivera' };
export const PRIYA = { email: 'priya@demo.throughline.test', name: 'Priya Shah' };

export const WAIT = 20_000;

/** Waits for the locator to be visible (vitest's expect does not retry like Playwright's). */
export async function shown(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout: WAIT });
  return locator;
}

export async function expectAccessible(page: Page): Promise<void> {
  // Check the page at rest: a pointer left over a button would measure its hover colours.
  await page.mouse.move(0, 0);
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/**
 * The server accepts a code for the current 30 s step or one step either side, and only for a
 * step later than the last one that person used (docs/security.md "Two-factor";
 * packages/domain/src/identity/totp.ts). Instead of waiting for a fresh step, use the code for the
 * next unused step among "now" and "now + 1": each stays valid for at least 30 s after it is
 * computed, so typing it cannot race a step boundary. The previous step is never used, as it may
 * expire a moment later. That gives every person two sign-ins per step without waiting; a third
 * fails at once with a clear message rather than sleeping.
 */
export function nextTotpStep(lastUsed: number | undefined, now: Date): number {
  const current = Math.floor(now.getTime() / 30_000);
  const step = lastUsed === undefined ? current : Math.max(current, lastUsed + 1);
  if (step > current + 1) {
    throw new Error(
      `Step ${lastUsed} is already used and the server accepts at most one step ahead: ` +
        'this test uses more two-factor codes for one person than the clock allows without waiting.',
    );
  }
  return step;
}

// The last step each person (by e-mail) used against this file's server; a server keeps one per
// person, whichever secret they have now, so replacing a secret does not reset it.
const usedSteps = new Map<string, number>();

/** A code the server will accept for `person` now, never one of a step they already used. */
export async function freshTotp(person: string, secret: string, now = new Date()): Promise<string> {
  const step = nextTotpStep(usedSteps.get(person), now);
  usedSteps.set(person, step);
  return currentTotp(secret, new Date(step * 30_000));
}

export async function fillCredentials(
  page: Page,
  email: string,
  password = PASSWORD,
): Promise<void> {
  await shown(page.getByRole('heading', { name: 'Sign in' }));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function enterTotp(
  page: Page,
  email: string,
  secret: string,
  now = new Date(),
): Promise<void> {
  const code = await shown(page.getByLabel('Authentication code'));
  await code.fill(await freshTotp(email, secret, now));
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** Signs in; `now` is the server's time when its clock was moved (e2e/support/server.ts). */
export async function signIn(
  page: Page,
  email: string,
  totpSecret?: string,
  now = new Date(),
): Promise<void> {
  await page.goto('/sign-in');
  await fillCredentials(page, email);
  if (totpSecret) await enterTotp(page, email, totpSecret, now);
}

/** A new browser context (its own cookies) on the server, at a desktop or phone size. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  return page;
}
