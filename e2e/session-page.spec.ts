import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, shown, signIn } from './support/session';

/**
 * Issue 9, item 4: a session has its own page. Jo's first session back (the demo's, earlier
 * today, still marked scheduled) is opened from her episode; "Write the note" marks it attended
 * and starts the note in one step; the note is written and signed, its page names Jo and the
 * session, and the episode lists it under the session's date.
 */
let server: RunningServer;
let browser: Browser;
let maya: Page;
let phone: Page;
let episodeUrl = '';
let sessionUrl = '';
let noteUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  maya = await openPage(browser, server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

async function noOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

type Session = { id: string; startsAt: string; status: string };

describe('the session page', () => {
  it("the therapist opens today's session from Jo's episode", async () => {
    await signIn(maya, MAYA.email, MAYA.totp);
    await shown(maya.getByRole('heading', { level: 1, name: 'Caseload' }));
    await maya
      .getByRole('row')
      .filter({ hasText: 'Jordan Lee' })
      .getByRole('link', { name: 'Jordan Lee' })
      .click();
    await shown(maya.getByRole('heading', { level: 1, name: /Jordan Lee/ }));
    await maya
      .getByRole('region', { name: 'Episodes of care' })
      .getByRole('link', { name: 'Music therapy — return' })
      .click();
    await shown(maya.getByRole('heading', { name: 'Sessions' }));
    episodeUrl = maya.url();

    // Which of the episode's sessions is today's (begun, still scheduled): asked of the API with
    // the therapist's own sign-in, then opened through its link on the page, as a person would.
    const episodeId = episodeUrl.split('/').at(-1) ?? '';
    const answer = await maya.request.get(`/api/v1/episodes/${episodeId}/appointments`);
    const items: Session[] = (await answer.json()).items;
    const today = items.find(
      (a) => a.status === 'scheduled' && new Date(a.startsAt).getTime() <= Date.now(),
    );
    expect(today, JSON.stringify(items)).toBeDefined();
    await maya.locator(`a[href="/sessions/${today?.id}"]`).click();
    await shown(maya.getByRole('heading', { level: 1, name: 'Session with Jo' }));
    sessionUrl = maya.url();
    await shown(maya.getByText('Jo (Jordan Lee), she/her'));
    const attendance = maya.getByRole('region', { name: 'Attendance' });
    expect(await attendance.getByText('Scheduled', { exact: true }).isVisible()).toBe(true);
    expect(
      await maya.getByText('Writing the note also marks this session as attended.').isVisible(),
    ).toBe(true);
    // Jo's intake PHQ-9 named no session and was completed two days ago: not this session's.
    await shown(maya.getByText('No questionnaires were completed for this session or on its day.'));
    await expectAccessible(maya);
    await screenshot(maya, '90-session-page-1280');
  });

  it('"Write the note" marks the session attended and opens its note, whose header names Jo and the session', async () => {
    await maya.getByRole('button', { name: 'Write the note' }).click();
    await maya.waitForURL(/\/notes\//);
    noteUrl = maya.url();
    await shown(maya.getByRole('heading', { level: 1, name: 'Music therapy note — Jo' }));
    expect(await maya.getByText('Jo (Jordan Lee), she/her').isVisible()).toBe(true);
    expect(await maya.getByText(/^Session of .+/).textContent()).toMatch(/\d{1,2}:\d{2}.*\(.+\)$/);
    expect(await maya.getByRole('link', { name: '← Back to the session' }).isVisible()).toBe(true);
    expect(await maya.getByRole('link', { name: 'The episode' }).isVisible()).toBe(true);

    await maya.getByLabel('Receptive').check();
    await maya
      .locator('input:not([type=hidden])')
      .and(maya.getByLabel('Instruments'))
      .fill('guitar');
    await maya.keyboard.press('Enter');
    await maya
      .getByLabel('Client responses')
      .fill('Jo was tired after the move; her breathing slowed during the listening.');
    await maya.getByLabel('Goals addressed').fill('Re-establish an evening routine.');
    await maya.getByLabel('Plan for next session').fill('Choose three songs for a wind-down list.');
    await shown(maya.getByRole('status').filter({ hasText: 'Saved' }));
    await maya.getByRole('button', { name: 'Sign note' }).click();
    await maya.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await shown(maya.getByRole('button', { name: 'Add addendum' }));
    await expectAccessible(maya);
    await screenshot(maya, '91-session-note-1280');
  });

  it('the session shows it attended with its signed note, and the episode lists the note under the session date', async () => {
    await maya.getByRole('link', { name: '← Back to the session' }).click();
    await shown(maya.getByRole('heading', { level: 1, name: 'Session with Jo' }));
    const attendance = maya.getByRole('region', { name: 'Attendance' });
    await shown(attendance.getByText('Attended', { exact: true }));
    const note = maya.getByRole('region', { name: 'Session note' });
    await shown(note.getByRole('link', { name: 'Open the Music therapy note' }));
    // The page shows what it had, then the fresh answer: wait for the signed state.
    await shown(note.getByText('Signed', { exact: true }));
    const when = (await maya.locator('h1 ~ p').nth(1).textContent()) ?? '';
    expect(when).toMatch(/\(.+\)$/);

    await maya.goto(episodeUrl);
    const notes = maya.getByRole('region', { name: 'Session notes' });
    const item = notes.getByRole('listitem').filter({ hasText: `session of ${when}` });
    await shown(item);
    expect(await item.getByRole('link').textContent()).toBe(
      `Music therapy note — session of ${when}`,
    );
    expect(await item.getByText('Signed', { exact: true }).isVisible()).toBe(true);
    await screenshot(maya, '92-episode-notes-by-session-1280');
  });

  it('the session and its note read on a 390-px phone', async () => {
    const context = maya.context();
    phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(sessionUrl);
    await shown(phone.getByRole('heading', { level: 1, name: 'Session with Jo' }));
    expect(await noOverflow(phone)).toBe(true);
    await expectAccessible(phone);
    await screenshot(phone, '93-session-page-390');
    await phone.goto(noteUrl);
    await shown(phone.getByRole('heading', { level: 1, name: 'Music therapy note — Jo' }));
    expect(await noOverflow(phone)).toBe(true);
    await screenshot(phone, '94-session-note-390');
  });
});
