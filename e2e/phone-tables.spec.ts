import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { ADMIN, expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 9, item 8: on a 390-px phone a table scrolls inside its own region, never the page; the
 * region takes keyboard focus (axe: scrollable-region-focusable) and says it scrolls sideways
 * only when it does.
 */
const PHONE = { width: 390, height: 844 };
const HINT = 'Swipe or scroll sideways to see more';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

async function pageFits(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/** The region takes focus from the keyboard's point of view: in the tab order, and focusable. */
async function expectKeyboardFocusable(region: Locator): Promise<void> {
  expect(await region.getAttribute('tabindex')).toBe('0');
  await region.focus();
  expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
}

const overflows = (region: Locator): Promise<boolean> =>
  region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

describe('tables on a phone', () => {
  it("the brief's scores scroll in their own region, and the page does not", async () => {
    const therapist = await openPage(browser, server.url, PHONE);
    await signIn(therapist, MAYA.email, MAYA.totp);
    const card = await shown(therapist.getByRole('listitem').filter({ hasText: 'Sam' }));
    await card.getByRole('link', { name: 'Open brief' }).click();
    const scores = await shown(therapist.getByRole('region', { name: 'Scores table' }));
    await expectKeyboardFocusable(scores);
    // The hint is there exactly when the table is wider than the phone.
    const hint = therapist.getByText(HINT);
    if (await overflows(scores)) await shown(hint);
    else expect(await hint.count()).toBe(0);
    expect(await pageFits(therapist), 'the brief scrolls sideways at 390 px').toBe(true);
    await therapist.mouse.move(0, 0);
    await expectAccessible(therapist);
    await screenshot(therapist, '40-brief-phone-tables');
    // The therapist names the client as they asked; the page never shows their login.
    expect(await therapist.getByText(SAM.email).count()).toBe(0);
  });

  it('the users table says it scrolls, scrolls by keyboard, and keeps the page still', async () => {
    const admin = await openPage(browser, server.url, PHONE);
    await signIn(admin, ADMIN.email, ADMIN.totp);
    await shown(admin.getByRole('heading', { level: 1, name: 'Practice administration' }));
    const users = await shown(admin.getByRole('region', { name: 'Users table' }));
    expect(await overflows(users), 'seven columns are wider than a phone').toBe(true);
    await shown(admin.getByText(HINT));
    await expectKeyboardFocusable(users);
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    await admin.waitForFunction(
      () => (document.activeElement as HTMLElement | null)?.scrollLeft !== 0,
    );
    expect(await pageFits(admin), 'the administration page scrolls sideways at 390 px').toBe(true);
    // The practice's time zone is a place in words, not an IANA id (item 5).
    expect(await admin.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe(
      'London (Europe)',
    );
    await expectAccessible(admin);
    await screenshot(admin, '41-admin-users-phone');
  });

  it('at desktop width a table that fits shows no hint', async () => {
    const admin = await openPage(browser, server.url, { width: 1280, height: 800 });
    await signIn(admin, ADMIN.email, ADMIN.totp);
    const users = await shown(admin.getByRole('region', { name: 'Users table' }));
    expect(await overflows(users)).toBe(false);
    expect(await admin.getByText(HINT).count()).toBe(0);
  });
});
