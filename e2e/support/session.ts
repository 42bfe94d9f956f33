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

// A TOTP code is accepted once per 30 s step per user: never reuse a step for the same secret.
const usedSteps = new Map<string, number>();
export async function freshTotp(secret: string): Promise<string> {
  const step = (): number => Math.floor(Date.now() / 30_000);
  const last = usedSteps.get(secret);
  if (last !== undefined && step() <= last) {
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * 30_000 - Date.now() + 250));
  }
  usedSteps.set(secret, step());
  return currentTotp(secret);
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

export async function enterTotp(page: Page, secret: string): Promise<void> {
  const code = await shown(page.getByLabel('Authentication code'));
  await code.fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
}

export async function signIn(page: Page, email: string, totpSecret?: string): Promise<void> {
  await page.goto('/sign-in');
  await fillCredentials(page, email);
  if (totpSecret) await enterTotp(page, totpSecret);
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
