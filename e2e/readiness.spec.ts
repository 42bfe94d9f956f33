import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { findUnreadable } from './support/readable';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 11: the readiness review from both sides on the demo (Sam's review in progress), and the
 * continuity kit page, on a 390-px phone.
 */
const PHONE = { width: 390, height: 844 };

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

const pageFits = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function readable(page: Page): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(findUnreadable(text)).toEqual([]);
}

describe('the readiness review and the continuity kit', () => {
  it('Sam sees both views and the difference, and answers again, on a phone', async () => {
    const page = await openPage(browser, server.url, PHONE);
    await signIn(page, SAM.email);
    await page.getByRole('link', { name: 'Thinking about finishing' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Thinking about finishing' }));
    await shown(page.getByText('You and Maya see this a little differently'));
    await shown(page.getByText('Not sure (3 of 5)'));
    expect(await pageFits(page), 'the page scrolls sideways at 390 px').toBe(true);
    await readable(page);
    await expectAccessible(page);
    await screenshot(page, '60-readiness-portal-phone');
    await page.getByRole('radio', { name: 'Nearly ready' }).check();
    await page.getByRole('textbox', { name: 'In your own words' }).fill('A taper sounds right.');
    await page.getByRole('button', { name: 'Update my view' }).click();
    await shown(page.getByText('You and Maya see this the same way.'));
  });

  it('Sam’s continuity kit page reads well on a phone with no ended episode yet', async () => {
    const page = await openPage(browser, server.url, PHONE);
    await signIn(page, SAM.email);
    await page.getByRole('link', { name: 'Your continuity kit' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Your continuity kit' }));
    await shown(page.getByText('Your kit appears here once a course of therapy comes to its end.'));
    expect(await pageFits(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '61-continuity-kit-phone');
  });

  it('Maya opens the review on the episode page and sees Sam’s answer', async () => {
    const page = await openPage(browser, server.url, PHONE);
    await signIn(page, MAYA.email, MAYA.totp);
    const card = await shown(page.getByRole('listitem').filter({ hasText: 'Sam' }));
    await card.getByRole('link', { name: 'Open brief' }).click();
    await shown(page.getByText('Consider a readiness review'));
    await page.getByRole('link', { name: 'Open the readiness review' }).click();
    const section = await shown(page.getByRole('region', { name: 'Readiness review' }));
    await section.locator('summary').first().click();
    await shown(section.getByText('PHQ-9: 16 → 8'));
    await shown(section.getByText('A taper sounds right.'));
    expect(await pageFits(page)).toBe(true);
    await readable(page);
    await screenshot(page, '62-readiness-episode-phone');
  });
});
