import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../apps/server/src/mail/smtp-sink';
import { launchBrowser, screenshot } from './support/browser';
import { linkIn } from './support/inbox';
import { type RunningServer, startServer } from './support/server';
import {
  ADMIN,
  enterTotp,
  expectAccessible,
  fillCredentials,
  MAYA,
  openPage,
  PRIYA,
  SAM,
  shown,
  signIn,
  WAIT,
} from './support/session';

let server: RunningServer;
let browser: Browser;
/** The mail server the app sends to: the recipients' inboxes, where one-time links live. */
let mail: SmtpSink;

beforeAll(async () => {
  mail = await startSmtpSink();
  server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}` } });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
}, 60_000);

const newPage = (viewport?: { width: number; height: number }): Promise<Page> =>
  openPage(browser, server.url, viewport);

describe('signing in to Throughline in a browser', () => {
  it('a therapist signs in with password and TOTP and sees the caseload', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await shown(page.getByRole('heading', { name: 'Sign in' }));
    await expectAccessible(page);
    await screenshot(page, '01-sign-in');

    await fillCredentials(page, MAYA.email);
    await shown(page.getByLabel('Authentication code'));
    await expectAccessible(page);
    await screenshot(page, '02-two-factor');
    await enterTotp(page, MAYA.email, MAYA.totp);

    await shown(page.getByRole('heading', { level: 1, name: 'Caseload' }));
    await page.waitForURL(`${server.url}/`);
    const table = await shown(page.getByRole('table', { name: 'Clients in your caseload' }));
    expect(await table.getByRole('link', { name: 'Sam Rivera' }).isVisible()).toBe(true);
    expect(await table.getByRole('link', { name: 'Jordan Lee' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Invite client' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '03-caseload');
  });

  it('a client signs in without two-factor and sees the portal, also on a phone', async () => {
    const page = await newPage();
    await signIn(page, SAM.email);

    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await shown(page.getByText(MAYA.name));
    await expectAccessible(page);
    await screenshot(page, '04-portal-home');

    // A spinner says what is loading without breaking ARIA (Mantine's Loader is a role-less
    // <span>, where aria-label is prohibited). Hold the portal's data so the spinner stays on
    // screen while axe looks at it, then let it through.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/portal', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    const spinner = await shown(page.getByRole('status', { name: 'Loading your portal' }));
    await expectAccessible(page);
    release();
    await shown(page.getByText(MAYA.name));
    await spinner.waitFor({ state: 'detached' });
    await page.unrouteAll();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await shown(page.getByText(MAYA.name));
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(fits, 'the portal scrolls sideways at 390 px').toBe(true);
    await expectAccessible(page);
    await screenshot(page, '05-portal-phone');

    // The navigation collapses into a menu button on a phone; it must open and work.
    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = await shown(page.getByRole('navigation', { name: 'Main menu' }));
    expect(await menu.getByRole('link', { name: 'Security' }).isVisible()).toBe(true);
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await screenshot(page, '06-portal-phone-menu');
  });

  it('an invited client accepts the e-mailed invitation and signs in; the outbox never shows the link', async () => {
    const href = await linkIn(mail, PRIYA.email, 'invitations');
    expect(href.startsWith(`${server.url}/invitations/`)).toBe(true);

    const admin = await newPage();
    await signIn(admin, ADMIN.email, ADMIN.totp);
    await shown(admin.getByRole('heading', { level: 1, name: 'Practice administration' }));
    await admin.getByRole('link', { name: 'Outbox' }).first().click();
    await shown(admin.getByRole('heading', { level: 1, name: 'Outbox' }));
    const item = admin.getByRole('article').filter({ hasText: `To ${PRIYA.email}` });
    await shown(item);
    expect(await item.count()).toBe(1);
    await shown(item.getByText('Invitation'));
    expect(await admin.getByRole('link', { name: /\/invitations\// }).count()).toBe(0);
    expect(await admin.content()).not.toContain(href.split('/invitations/')[1]);
    await expectAccessible(admin);
    await screenshot(admin, '07-outbox');

    // Priya opens the link from her e-mail in her own browser.
    const priya = await newPage();
    await priya.goto(href);
    await shown(priya.getByRole('heading', { name: 'Accept your invitation' }));
    await shown(priya.getByText(PRIYA.email));
    await expectAccessible(priya);
    await screenshot(priya, '08-invitation');
    const password = 'a quiet river at dawn';
    await priya.getByLabel('Password', { exact: true }).fill(password);
    await priya.getByLabel('Confirm password', { exact: true }).fill(password);
    await priya.getByRole('button', { name: 'Set password' }).click();
    await shown(priya.getByText('Your password is set'));
    await screenshot(priya, '09-invitation-accepted');

    await priya.getByRole('link', { name: 'Go to sign in' }).click();
    await fillCredentials(priya, PRIYA.email, password);
    await shown(priya.getByRole('heading', { level: 1, name: `Welcome, ${PRIYA.name}` }));
    await shown(priya.getByText('Daniel Reyes, LPC'));
    await expectAccessible(priya);
    await screenshot(priya, '10-priya-portal');

    // The link works once: the used invitation now refuses.
    const again = await newPage();
    await again.goto(href);
    await shown(again.getByText('This invitation cannot be used'));
  });

  it('a therapist invites a new client, who appears in the caseload as invited', async () => {
    const page = await newPage();
    await signIn(page, MAYA.email, MAYA.totp);
    await shown(page.getByRole('heading', { level: 1, name: 'Caseload' }));

    await page.getByRole('button', { name: 'Invite client' }).click();
    const dialog = await shown(page.getByRole('dialog', { name: 'Invite a client' }));
    await dialog.getByLabel('Name').fill('Robin Ellis');
    await dialog.getByLabel('Email').fill('robin.ellis@example.test');
    await expectAccessible(page);
    await screenshot(page, '11-invite-client');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await shown(page.getByText('Invitation sent'));
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });

    const row = page.getByRole('row').filter({ hasText: 'Robin Ellis' });
    await shown(row);
    await shown(row.getByText(/^invited$/i));
    expect(await row.getByText('robin.ellis@example.test').isVisible()).toBe(true);
    // The existing clients stay, and stay active.
    const sam = page.getByRole('row').filter({ hasText: 'Sam Rivera' });
    expect(await sam.getByText(/^active$/i).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '12-caseload-invited');
  });

  it('a client who forgot their password resets it from the e-mailed link, on a phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await shown(page.getByRole('heading', { name: 'Forgot your password?' }));
    await page.getByLabel('Email').fill(SAM.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await shown(page.getByText('Check your e-mail'));
    await expectAccessible(page);
    await screenshot(page, '13-forgot-password');

    const link = await linkIn(mail, SAM.email, 'reset-password');
    expect(link.startsWith(`${server.url}/reset-password/`)).toBe(true);
    await page.goto(link);
    await shown(page.getByRole('heading', { name: 'Choose a new password' }));
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(fits, 'the reset page scrolls sideways at 390 px').toBe(true);
    await expectAccessible(page);
    await screenshot(page, '14-reset-password');
    const password = 'a new lantern by the door';
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm new password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await shown(page.getByText('Your new password is set'));

    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await fillCredentials(page, SAM.email, password);
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));

    // The link worked once.
    const again = await newPage();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('yet another long phrase');
    await again.getByLabel('Confirm new password', { exact: true }).fill('yet another long phrase');
    await again.getByRole('button', { name: 'Set new password' }).click();
    await shown(again.getByText('Could not set your password'));
  });

  it('a client changes their password and signs out everywhere from the security page, on a phone', async () => {
    const current = 'a new lantern by the door'; // set by the reset journey above
    const page = await newPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await fillCredentials(page, SAM.email, current);
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await page.goto('/settings/security');
    await shown(page.getByRole('heading', { level: 1, name: 'Security' }));
    const changed = 'the garden gate is green';
    await page.getByLabel('Current password', { exact: true }).fill(current);
    await page.getByLabel('New password', { exact: true }).fill(changed);
    await page.getByLabel('Confirm new password', { exact: true }).fill(changed);
    await page.getByRole('button', { name: 'Change password' }).click();
    await shown(page.getByText('Password changed'));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the security page scrolls sideways at 390 px',
    ).toBe(true);
    await expectAccessible(page);
    await screenshot(page, '15-security-phone');

    await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await shown(page.getByRole('heading', { name: 'Sign in' }));
    await fillCredentials(page, SAM.email, changed);
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
  });

  it('an administrator deactivates and reactivates an account from the users list', async () => {
    const admin = await newPage({ width: 390, height: 844 });
    await signIn(admin, ADMIN.email, ADMIN.totp);
    await shown(admin.getByRole('heading', { level: 1, name: 'Practice administration' }));
    await admin.getByRole('button', { name: `Deactivate ${PRIYA.name}` }).click();
    const dialog = await shown(admin.getByRole('dialog', { name: `Deactivate ${PRIYA.name}?` }));
    await expectAccessible(admin);
    await screenshot(admin, '16-deactivate');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await shown(admin.getByText('Account deactivated'));
    const row = admin.getByRole('row').filter({ hasText: PRIYA.name });
    await shown(row.getByText('Deactivated'));
    expect(
      await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the administration page scrolls sideways at 390 px',
    ).toBe(true);

    await admin.getByRole('button', { name: `Reactivate ${PRIYA.name}` }).click();
    const back = await shown(admin.getByRole('dialog', { name: `Reactivate ${PRIYA.name}?` }));
    await back.getByRole('button', { name: 'Reactivate' }).click();
    await shown(admin.getByText('Account reactivated'));
    await shown(row.getByText('Active'));
  });
});
