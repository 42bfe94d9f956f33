import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import {
  expectAccessible,
  freshTotp,
  openPage,
  PASSWORD,
  SAM,
  shown,
  signIn,
} from './support/session';

// Issue 7 item 5: turning on or replacing two-factor asks for the password first, and signs the
// person out on their other devices.

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

const newPage = (viewport?: { width: number; height: number }): Promise<Page> =>
  openPage(browser, server.url, viewport);

async function setUpKey(page: Page): Promise<string> {
  const key = await shown(page.getByLabel('Set-up key (for manual entry)'));
  return ((await key.first().textContent()) ?? '').trim();
}

async function confirmWith(page: Page, secret: string): Promise<void> {
  await page.getByLabel('Authentication code').fill(await freshTotp(SAM.email, secret));
  await page.getByRole('button', { name: 'Confirm' }).click();
}

describe('two-factor settings in a browser', () => {
  it('a client turns on, then replaces, two-factor after re-entering the password', async () => {
    // Sam is also signed in on a phone.
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, SAM.email);
    await shown(phone.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));

    const page = await newPage();
    await signIn(page, SAM.email);
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await page.goto('/settings/security');
    await shown(page.getByRole('heading', { level: 1, name: 'Security' }));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();

    await shown(page.getByText('To make sure it is you, enter your password again.'));
    await page
      .getByRole('textbox', { name: 'Password', exact: true })
      .fill('not my password at all');
    await page.getByRole('button', { name: 'Continue' }).click();
    await shown(page.getByText('That password is not right.'));
    await expectAccessible(page);
    await screenshot(page, 'tfa-01-password-asked');

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    const first = await setUpKey(page);
    await confirmWith(page, first);
    await shown(page.getByText('Two-factor authentication is now on.'));

    // The phone's session has ended.
    await phone.reload();
    await shown(phone.getByRole('heading', { name: 'Sign in' }));

    await page.getByRole('button', { name: 'Replace authenticator app' }).click();
    await shown(page.getByRole('button', { name: 'Use a code from my authenticator app instead' }));
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Continue to the new app' }).click();
    const second = await setUpKey(page);
    expect(second).not.toBe(first);
    await shown(page.getByText(/your old authenticator app stops working/));
    await expectAccessible(page);
    await screenshot(page, 'tfa-02-replace');
    await confirmWith(page, second);
    await shown(page.getByText('Your new authenticator app is set up.', { exact: false }));
  });
});
