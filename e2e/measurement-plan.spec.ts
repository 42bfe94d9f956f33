import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, shown, signIn } from './support/session';

/**
 * Issue 9, items 2 and 11 in a browser: the therapist builds a client's measurement plan on the
 * episode page and sends a PHQ-9 now, which the client completes from the portal on a 390-px
 * phone; and a client who may not be e-mailed joins with a sign-up code handed over in person.
 */
const PHQ9 = 'Patient Health Questionnaire (PHQ-9)';
const JORDAN = { email: 'jordan@demo.throughline.test', name: 'Jordan Lee' };
const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = 'a quiet song for the evening';

let server: RunningServer;
let browser: Browser;
/** Maya, signed in once: two-factor codes cannot be spent faster than the clock allows. */
let maya: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const noOverflow = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openJordansEpisode(page: Page): Promise<void> {
  await page
    .getByRole('table', { name: 'Clients in your caseload' })
    .getByRole('link', { name: new RegExp(JORDAN.name) })
    .click();
  await page.getByRole('link', { name: 'Music therapy — return' }).first().click();
}

describe('a measurement plan made on the episode page', () => {
  it('the therapist plans questionnaires by name, pauses one and sends a PHQ-9 now', async () => {
    maya = await openPage(browser, server.url);
    await signIn(maya, MAYA.email, MAYA.totp);
    await openJordansEpisode(maya);
    const section = await shown(
      maya.getByRole('region', { name: 'Questionnaires for the client' }),
    );
    // The practice defaults, by their human names and in words, not codes.
    await shown(section.getByRole('listitem', { name: PHQ9 }));
    await shown(section.getByText('Before every session').first());

    await section.getByRole('button', { name: 'Add a questionnaire' }).click();
    await section.getByLabel('Questionnaire', { exact: true }).click();
    await maya.getByRole('option', { name: 'WHO-5 Well-Being Index' }).click();
    await section.getByLabel('How often', { exact: true }).click();
    await maya.getByRole('option', { name: 'Every few weeks' }).click();
    await section.getByLabel('Every how many weeks').fill('2');
    await section.getByLabel('Start on').fill('2027-01-04');
    await section.getByRole('button', { name: 'Add to the plan' }).click();
    const who5 = await shown(section.getByRole('listitem', { name: 'WHO-5 Well-Being Index' }));
    await shown(who5.getByText(/Every 2 weeks, from/));

    const gad7 = section.getByRole('listitem', { name: /GAD-7/ });
    await gad7.getByRole('button', { name: 'Pause' }).click();
    await shown(gad7.getByText('Paused'));

    await section
      .getByRole('listitem', { name: PHQ9 })
      .getByRole('button', { name: 'Send now' })
      .click();
    await shown(section.getByText(/is waiting in the client’s portal/));
    await shown(section.getByText('Waiting in the portal').first());
    await expectAccessible(maya);
    await section.scrollIntoViewIfNeeded();
    await screenshot(maya, '60-measurement-plan');
  });

  it('the client completes the PHQ-9 from the portal on a phone; the therapist sees it completed', async () => {
    const jordan = await openPage(browser, server.url, PHONE);
    await signIn(jordan, JORDAN.email);
    const card = await shown(jordan.getByRole('region', { name: 'Questionnaires to complete' }));
    await card.getByRole('link', { name: PHQ9 }).click();
    await shown(jordan.getByRole('heading', { level: 1, name: PHQ9 }));
    const items = jordan.getByRole('group');
    await shown(items);
    const count = await items.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      await items.nth(i).getByRole('radio', { name: 'Not at all' }).check({ force: true });
    }
    await shown(jordan.getByText('9 of 9 answered'));
    expect(await noOverflow(jordan)).toBe(true);
    await expectAccessible(jordan);
    await screenshot(jordan, '61-plan-phq9-phone');
    await jordan.getByRole('button', { name: 'Submit' }).click();
    await shown(jordan.getByText('Thank you — your answers are sent'));

    await maya.goto('/');
    await openJordansEpisode(maya);
    const section = await shown(
      maya.getByRole('region', { name: 'Questionnaires for the client' }),
    );
    const sent = section.getByRole('listitem').filter({ hasText: 'Completed' });
    await shown(sent.filter({ hasText: PHQ9 }).first());
    await section.scrollIntoViewIfNeeded();
    await screenshot(maya, '62-measurement-plan-completed');

    // On a phone the plan is cards: nothing in the section runs off the right edge.
    await maya.setViewportSize(PHONE);
    await section.scrollIntoViewIfNeeded();
    expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await section.screenshot({ path: 'e2e/screenshots/66-measurement-plan-phone.png' });
    await maya.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('a client without e-mail joins with a sign-up code', () => {
  let code = '';

  it('the therapist adds a client with e-mail off and reads the one-time code', async () => {
    await maya.goto('/');
    await maya.getByRole('button', { name: 'Invite client' }).click();
    const dialog = await shown(maya.getByRole('dialog', { name: 'Invite a client' }));
    await dialog.getByLabel('Name').fill('Robin Quiet');
    await dialog.getByRole('switch', { name: 'We may send e-mails' }).uncheck({ force: true });
    await shown(dialog.getByText(/Optional: leave empty to give a sign-up code/));
    await dialog.getByRole('button', { name: 'Add client and make a code' }).click();
    const shownCode = await shown(dialog.getByTestId('sign-up-code'));
    code = (await shownCode.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shown(dialog.getByText('This is the only time the code is shown', { exact: false }));
    await expectAccessible(maya);
    await screenshot(maya, '63-sign-up-code-shown');
    await dialog.getByRole('button', { name: 'I have noted the code' }).click();
  });

  it('the client redeems it in a fresh browser on a phone and is signed in; a second use is refused', async () => {
    const robin = await openPage(browser, server.url, PHONE);
    await robin.goto('/sign-in');
    await robin.getByRole('link', { name: 'I have a sign-up code' }).click();
    await shown(robin.getByRole('heading', { name: 'Sign up with a code' }));
    await robin.getByLabel('Sign-up code').fill(code.toLowerCase());
    await robin.getByLabel('User name', { exact: true }).fill('robin.quiet');
    await robin.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await robin.getByLabel('Confirm password').fill(NEW_PASSWORD);
    expect(await noOverflow(robin)).toBe(true);
    await expectAccessible(robin);
    await screenshot(robin, '64-sign-up-code-page-phone');
    await robin.getByRole('button', { name: 'Sign up' }).click();
    await shown(robin.getByRole('heading', { level: 1, name: /Welcome, Robin/ }));
    expect(await noOverflow(robin)).toBe(true);
    await screenshot(robin, '65-signed-up-with-code-phone');

    const again = await openPage(browser, server.url, PHONE);
    await again.goto('/sign-up-code');
    await again.getByLabel('Sign-up code').fill(code);
    await again.getByLabel('User name', { exact: true }).fill('someone.else');
    await again.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await again.getByLabel('Confirm password').fill(NEW_PASSWORD);
    await again.getByRole('button', { name: 'Sign up' }).click();
    await shown(again.getByRole('alert').filter({ hasText: 'already been used' }));

    // The user name signs in from now on.
    const later = await openPage(browser, server.url, PHONE);
    await later.goto('/sign-in');
    await later.getByLabel('Email').fill('robin.quiet');
    await later.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await later.getByRole('button', { name: 'Sign in' }).click();
    await shown(later.getByRole('heading', { level: 1, name: /Welcome, Robin/ }));
  });
});
