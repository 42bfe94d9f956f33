import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn, WAIT } from './support/session';

/**
 * Issue 9, item 10: closing the tab a moment after typing kept nothing, because the autosave
 * waits for the typing to pause (1.5 s for a note, 0.8 s for a questionnaire). The page now sends
 * what is unsaved as it is hidden or closed. Each test closes the page well inside that pause,
 * without the browser's "leave site?" prompt, and finds the text there when it comes back.
 */
const PHQ9 = 'Patient Health Questionnaire (PHQ-9)';
const PLAN = 'Bring the loop recording; try the slower tempo first.';
const OFFLINE_PLAN = 'Written while the connection was down.';

let server: RunningServer;
let browser: Browser;
let noteUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** Closes the tab as a person would, and says how long after `since` it was closed. */
async function closeTab(page: Page, since: number): Promise<number> {
  const elapsed = Date.now() - since;
  await page.close({ runBeforeUnload: false });
  return elapsed;
}

async function reopen(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(url);
  return page;
}

describe('autosave when the tab is closed', () => {
  it("keeps a note's plan typed just before the tab was closed", async () => {
    const therapist = await openPage(browser, server.url);
    await signIn(therapist, MAYA.email, MAYA.totp);
    await therapist
      .getByRole('table', { name: 'Clients in your caseload' })
      .getByRole('link', { name: SAM.name })
      .click();
    await therapist
      .getByRole('link', { name: /Music therapy — anxiety and sleep/ })
      .first()
      .click();
    await therapist.getByRole('button', { name: 'Write note' }).click();
    await therapist.getByRole('button', { name: 'Start writing' }).click();
    await therapist.waitForURL(/\/notes\//);
    noteUrl = therapist.url();

    const plan = await shown(therapist.getByLabel('Plan for next session'));
    await plan.fill(PLAN);
    const typed = Date.now();
    // Still unsaved: the autosave's pause has not passed.
    await shown(therapist.getByRole('status').filter({ hasText: 'Unsaved changes' }));
    expect(await closeTab(therapist, typed)).toBeLessThan(1000);

    const again = await reopen(therapist.context(), noteUrl);
    await expect
      .poll(() => again.getByLabel('Plan for next session').inputValue(), { timeout: WAIT })
      .toBe(PLAN);
  });

  it('asks before a link inside the app leaves changes that could not be saved', async () => {
    const therapist = await openPage(browser, server.url);
    await signIn(therapist, MAYA.email, MAYA.totp);
    await therapist.goto(noteUrl);
    const plan = await shown(therapist.getByLabel('Plan for next session'));
    await expect.poll(() => plan.inputValue(), { timeout: WAIT }).toBe(PLAN);

    await therapist.context().setOffline(true);
    await plan.fill(OFFLINE_PLAN);
    await therapist.getByRole('link', { name: 'Caseload' }).click();
    const dialog = await shown(
      therapist.getByRole('dialog', { name: 'Your last changes are not saved' }),
    );
    await expectAccessible(therapist);
    await screenshot(therapist, '90-autosave-leave-warning');
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    expect(therapist.url()).toBe(noteUrl);

    // Back online, the same link saves the text first, then leaves.
    await therapist.context().setOffline(false);
    await therapist.getByRole('link', { name: 'Caseload' }).click();
    await therapist.waitForURL((url) => url.pathname === '/');
    const again = await reopen(therapist.context(), noteUrl);
    await expect
      .poll(() => again.getByLabel('Plan for next session').inputValue(), { timeout: WAIT })
      .toBe(OFFLINE_PLAN);
  });

  it('keeps a questionnaire answer given just before the tab was closed', async () => {
    const client = await openPage(browser, server.url, { width: 390, height: 844 });
    await signIn(client, SAM.email);
    const card = await shown(client.getByRole('region', { name: 'Questionnaires to complete' }));
    await card.getByRole('link', { name: PHQ9 }).click();
    await shown(client.getByRole('heading', { level: 1, name: PHQ9 }));
    const taskUrl = client.url();

    const first = client.getByRole('group').first();
    await first.getByRole('radio', { name: 'More than half the days' }).check({ force: true });
    const answered = Date.now();
    await shown(client.getByText('1 of 9 answered'));
    expect(await closeTab(client, answered)).toBeLessThan(600);

    const again = await reopen(client.context(), taskUrl);
    await shown(again.getByText('1 of 9 answered'));
    const chosen = again
      .getByRole('group')
      .first()
      .getByRole('radio', { name: 'More than half the days' });
    expect(await chosen.isChecked()).toBe(true);
  });
});
