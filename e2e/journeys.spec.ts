import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../apps/server/src/mail/smtp-sink';
import { launchBrowser, screenshot } from './support/browser';
import { linkIn } from './support/inbox';
import { day, inviteAndStartEpisode, schedule } from './support/practice';
import { type RunningServer, startServer } from './support/server';
import {
  expectAccessible,
  fillCredentials,
  MAYA,
  openPage,
  shown,
  signIn,
} from './support/session';

/**
 * Issue 9's three journeys, one after the other as they happen in a practice: a therapist takes
 * on a new client, plans their questionnaires and writes the first note from the session itself;
 * the client, on a phone, joins, completes the questionnaire and does the homework; the therapist
 * opens the brief for the next session and finds all of it there.
 */
const KIT = { name: 'Kit Moreno', email: 'kit.moreno@journey.example' };
const PHQ9 = 'Patient Health Questionnaire (PHQ-9)';
const PLAN = 'Try the slow strumming pattern before the chorus.';
const HOMEWORK = 'Hum the calming phrase at bedtime';
const COMMENT = 'Hummed it three nights; slept a little sooner.';
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let mail: SmtpSink;
let therapist: Page;
let episodeUrl = '';

beforeAll(async () => {
  mail = await startSmtpSink();
  server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}` } });
  browser = await launchBrowser();
  therapist = await openPage(browser, server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
}, 60_000);

const noOverflow = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a new client, from the first session to the next brief', () => {
  it('the therapist takes on a new client, plans questionnaires and writes the first note from the session', async () => {
    await signIn(therapist, MAYA.email, MAYA.totp);
    await shown(therapist.getByRole('heading', { level: 1, name: 'Caseload' }));
    await inviteAndStartEpisode(therapist, KIT, {
      title: 'Music therapy, 2026',
      reason: 'Low mood since the winter; sleeps badly.',
    });
    episodeUrl = therapist.url();

    // The measurement plan: the practice's PHQ-9 is sent now, and WHO-5 added every two weeks.
    const plan = await shown(
      therapist.getByRole('region', { name: 'Questionnaires for the client' }),
    );
    await plan.getByRole('button', { name: 'Add a questionnaire' }).click();
    await plan.getByLabel('Questionnaire', { exact: true }).click();
    await therapist.getByRole('option', { name: 'WHO-5 Well-Being Index' }).click();
    await plan.getByLabel('How often', { exact: true }).click();
    await therapist.getByRole('option', { name: 'Every few weeks' }).click();
    await plan.getByLabel('Every how many weeks').fill('2');
    await plan.getByLabel('Start on').fill(day(14));
    await plan.getByRole('button', { name: 'Add to the plan' }).click();
    await shown(plan.getByRole('listitem', { name: 'WHO-5 Well-Being Index' }));
    await plan
      .getByRole('listitem', { name: PHQ9 })
      .getByRole('button', { name: 'Send now' })
      .click();
    await shown(plan.getByText('Waiting in the portal').first());
    await expectAccessible(therapist);
    await screenshot(therapist, 'journey-01-new-episode-with-plan');

    // The first session (yesterday, not yet marked) and the next one. The plan asks for its
    // questionnaires before that one, but not the PHQ-9 again while the one sent now waits.
    await schedule(therapist, day(-1), '13:00');
    await schedule(therapist, day(2), '16:30');

    // The first session's own page, opened from the episode's list of sessions.
    const episodeId = new URL(episodeUrl).pathname.split('/').at(-1) ?? '';
    const answer = await therapist.request.get(`/api/v1/episodes/${episodeId}/appointments`);
    const sessions: { id: string; startsAt: string }[] = (await answer.json()).items;
    const first = sessions.find((s) => new Date(s.startsAt).getTime() < Date.now());
    expect(first, 'yesterday’s session is listed').toBeDefined();
    await therapist.locator(`a[href="/sessions/${first?.id}"]`).first().click();
    await shown(therapist.getByRole('heading', { level: 1, name: `Session with ${KIT.name}` }));
    await therapist.getByRole('button', { name: 'Write the note' }).click();
    await therapist.waitForURL(/\/notes\//);
    await shown(therapist.getByText(/^Session of .+/));

    await therapist.getByLabel('Receptive').check();
    await therapist
      .locator('input:not([type=hidden])')
      .and(therapist.getByLabel('Instruments'))
      .fill('guitar');
    await therapist.keyboard.press('Enter');
    await therapist.getByLabel('Client responses').fill('Quiet at first; hummed along by the end.');
    await therapist.getByLabel('Goals addressed').fill('Settling before sleep.');
    await therapist.getByLabel('Plan for next session').fill(PLAN);
    await therapist.getByRole('button', { name: 'Add homework' }).click();
    await therapist.getByLabel('Homework title').fill(HOMEWORK);
    await therapist
      .getByLabel('Instructions for the client')
      .fill('Once in bed, hum the phrase three times, slowly.');
    await shown(therapist.getByRole('status').filter({ hasText: 'Saved' }));
    await therapist.getByRole('button', { name: 'Sign note' }).click();
    await therapist.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await shown(therapist.getByRole('button', { name: 'Add addendum' }));

    // Back on the session: attended, with its signed note.
    await therapist.getByRole('link', { name: '← Back to the session' }).click();
    const attendance = therapist.getByRole('region', { name: 'Attendance' });
    await shown(attendance.getByText('Attended', { exact: true }));
    await shown(therapist.getByRole('region', { name: 'Session note' }).getByText('Signed'));
    await expectAccessible(therapist);
    await screenshot(therapist, 'journey-02-first-session-noted');
  });

  it('the client joins on a phone, completes the PHQ-9 and does the homework', async () => {
    const href = await linkIn(mail, KIT.email, 'invitations');
    const client = await openPage(browser, server.url, PHONE);
    await client.goto(href);
    const password = 'a slow strum at dusk';
    await client.getByLabel('Password', { exact: true }).fill(password);
    await client.getByLabel('Confirm password', { exact: true }).fill(password);
    await client.getByRole('button', { name: 'Set password' }).click();
    await client.getByRole('link', { name: 'Go to sign in' }).click();
    await fillCredentials(client, KIT.email, password);
    await shown(client.getByRole('heading', { level: 1, name: `Welcome, ${KIT.name}` }));

    const card = await shown(client.getByRole('region', { name: 'Questionnaires to complete' }));
    await card.getByRole('link', { name: PHQ9 }).click();
    await shown(client.getByRole('heading', { level: 1, name: PHQ9 }));
    const items = client.getByRole('group');
    await shown(items);
    const count = await items.count();
    expect(count).toBe(9);
    // "More than half the days" on the first four items, "Not at all" on the rest: 8 points.
    for (let i = 0; i < count; i++) {
      const answer = i < 4 ? 'More than half the days' : 'Not at all';
      await items.nth(i).getByRole('radio', { name: answer }).check({ force: true });
    }
    await shown(client.getByText('9 of 9 answered'));
    expect(await noOverflow(client)).toBe(true);
    await client.getByRole('button', { name: 'Submit' }).click();
    await shown(client.getByText('Thank you — your answers are sent'));
    await screenshot(client, 'journey-03-phq9-sent-phone');

    await client.getByRole('link', { name: 'Home' }).first().click();
    const homework = await shown(client.getByRole('article', { name: HOMEWORK }));
    await homework.getByLabel('How did it go?').fill(COMMENT);
    await homework.getByRole('button', { name: 'Mark as done' }).click();
    await shown(homework.getByText(`You wrote: “${COMMENT}”`));
    expect(await noOverflow(client)).toBe(true);
    await expectAccessible(client);
    await screenshot(client, 'journey-04-homework-done-phone');
  });

  it("the therapist opens the next session's brief: the plan, the homework and the new score", async () => {
    await therapist.goto(episodeUrl);
    await therapist.getByRole('link', { name: 'Open brief' }).first().click();
    await shown(therapist.getByText(PLAN));
    await shown(therapist.getByText(HOMEWORK));
    await shown(therapist.getByText(COMMENT, { exact: false }));
    const scores = await shown(therapist.getByRole('region', { name: 'Scores table' }));
    await shown(scores.getByRole('row').filter({ hasText: 'PHQ-9' }).filter({ hasText: /\b8\b/ }));
    await expectAccessible(therapist);
    await screenshot(therapist, 'journey-05-next-brief');
  });
});
