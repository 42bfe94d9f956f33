import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { day } from './support/practice';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * The forms that edit lists of rows, after they moved onto one list editor: the ending plan's
 * taper steps and referrals add and remove rows by the same names as before, and "End therapy"
 * records referrals one row each, a person or service with an optional reason, which the ending
 * then names in plain words.
 */
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

async function openSamsEpisode(page: Page): Promise<void> {
  await signIn(page, MAYA.email, MAYA.totp);
  await page
    .getByRole('table', { name: 'Clients in your caseload' })
    .getByRole('link', { name: SAM.name })
    .click();
  await page
    .getByRole('link', { name: /Music therapy — anxiety and sleep/ })
    .first()
    .click();
  await page.waitForURL(/\/episodes\//);
}

describe('list rows on the ending screens', () => {
  it('adds and removes taper steps and referrals in the ending plan form', async () => {
    const maya = await openPage(browser, server.url);
    await openSamsEpisode(maya);
    // The caseload is a table at desktop width; the form itself is used on a phone.
    await maya.setViewportSize({ width: 390, height: 844 });
    const section = await shown(maya.getByRole('region', { name: 'Ending plan' }));
    await section.getByRole('button', { name: /Propose an ending plan|Propose a change/ }).click();

    const steps = section.getByLabel('From', { exact: true });
    const before = await steps.count();
    await section.getByRole('button', { name: 'Add a step' }).click();
    await section.getByRole('button', { name: 'Add a step' }).click();
    expect(await steps.count()).toBe(before + 2);
    await section.getByRole('button', { name: `Remove step ${before + 1}` }).click();
    expect(await steps.count()).toBe(before + 1);

    const referrals = section.getByLabel('To', { exact: true });
    const had = await referrals.count();
    await section.getByRole('button', { name: 'Add a referral' }).click();
    expect(await referrals.count()).toBe(had + 1);
    await referrals.last().fill('Community choir');
    await section.getByLabel('Why', { exact: true }).last().fill('Singing with others');
    await expectAccessible(maya);
    await section.getByRole('button', { name: `Remove referral ${had + 1}` }).click();
    expect(await referrals.count()).toBe(had);
    await section.getByRole('button', { name: 'Cancel' }).click();
  });

  it('records an ending with referrals, each with its reason, and names them', async () => {
    const maya = await openPage(browser, server.url);
    await openSamsEpisode(maya);
    await maya.getByRole('button', { name: 'End therapy' }).click();
    const modal = await shown(maya.getByRole('dialog', { name: 'End therapy' }));
    await modal.getByLabel('How therapy ended', { exact: true }).click();
    await maya.getByRole('option', { name: 'Ended by the therapist' }).click();
    await modal.getByLabel('Reason', { exact: true }).fill('Sam needs a longer-term service.');
    await modal.getByLabel('Why therapy ends', { exact: true }).click();
    await maya
      .getByRole('option', { name: 'The client no longer needs or benefits from therapy' })
      .click();
    await modal.getByLabel('Date of the conversation about ending').fill(day(-1));

    const group = modal.getByRole('group', { name: 'Referrals' });
    await group.getByLabel('Person or service').first().fill('Community psychology team');
    await group.getByLabel('Why (optional)').first().fill('Longer-term CBT');
    await group.getByRole('button', { name: 'Add a referral' }).click();
    await group.getByLabel('Person or service').nth(1).fill('Sleep clinic');
    await group.getByRole('button', { name: 'Add a referral' }).click();
    // A third row left empty is not sent; a reason without a name would be asked about.
    expect(await group.getByLabel('Person or service').count()).toBe(3);
    await expectAccessible(maya);
    await screenshot(maya, '91-end-therapy-referrals');
    await modal.getByRole('button', { name: 'Record the ending' }).click();

    const ended = await shown(maya.getByRole('region', { name: 'How therapy ended' }));
    await shown(
      ended.getByText(/referred to Community psychology team \(Longer-term CBT\), Sleep clinic\./),
    );
  });
});
