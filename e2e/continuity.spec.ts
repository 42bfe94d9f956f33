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
 * Issue 3's journey: one session carried into the next. The therapist creates a client and a
 * weekly series, writes and signs a music-therapy note with a thread, a plan and homework; the
 * client sees the next session and the homework and marks it done; the therapist opens the brief
 * for the next session and finds the plan, the thread and the client's comment.
 */
const ROBIN = { name: 'Robin Ellis', email: 'robin.ellis@journey.example' };
const PLAN = 'Write a verse together about the evening routine.';
const THREAD = 'Sleep and evening routine';
const HOMEWORK = 'Listen to the drum loop';
const COMMENT = 'Calmer at night, fell asleep before midnight twice.';

let server: RunningServer;
let browser: Browser;
/** The mail server the app sends to: Robin's inbox, where the invitation link arrives. */
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

describe('continuity from one session to the next', () => {
  it('the therapist creates a client, an episode and a weekly series', async () => {
    await signIn(therapist, MAYA.email, MAYA.totp);
    await shown(therapist.getByRole('heading', { level: 1, name: 'Caseload' }));
    await inviteAndStartEpisode(therapist, ROBIN, {
      title: 'Music therapy, 2026',
      reason: 'Anxiety at night; wants to use music to wind down.',
    });
    episodeUrl = therapist.url();

    // Today's session, recorded after the fact, then a weekly series from tomorrow.
    await schedule(therapist, day(-1), '13:00');
    await schedule(therapist, day(1), '16:30', 4);
    await therapist
      .getByRole('button', { name: /Actions for the session/ })
      .last()
      .click();
    await therapist.getByRole('menuitem', { name: 'Attended' }).click();
    await shown(therapist.getByText('Attended', { exact: true }));
    // Let the actions menu finish closing: mid-transition it is an empty role="menu".
    await therapist.getByRole('menu').waitFor({ state: 'detached' });
    await expectAccessible(therapist);
    await screenshot(therapist, '20-episode');
  });

  it('the therapist writes and signs a music-therapy note that carries a thread, a plan and homework forward', async () => {
    await therapist.getByRole('button', { name: 'Write note' }).click();
    await therapist.getByRole('button', { name: 'Start writing' }).click();
    await therapist.waitForURL(/\/notes\//);
    await therapist.getByLabel('Improvisational').check();
    await therapist
      .locator('input:not([type=hidden])')
      .and(therapist.getByLabel('Instruments'))
      .fill('djembe');
    await therapist.keyboard.press('Enter');
    await therapist.getByRole('button', { name: 'Add music' }).click();
    await therapist.getByLabel('Song title 1').fill('Here Comes the Sun');
    await therapist
      .getByLabel('Client responses')
      .fill('Engaged; rhythm steadied over ten minutes.');
    await therapist.getByLabel('Goals addressed').fill('Emotional regulation before sleep.');
    await therapist.getByLabel('Plan for next session').fill(PLAN);
    await therapist.getByLabel('New thread').fill(THREAD);
    await therapist.getByRole('button', { name: 'Add thread' }).click();
    await therapist.getByRole('button', { name: 'Add homework' }).click();
    await therapist.getByLabel('Homework title').fill(HOMEWORK);
    await therapist
      .getByLabel('Instructions for the client')
      .fill('Twice a day, play the loop and notice your breathing.');
    await shown(therapist.getByRole('status').filter({ hasText: 'Saved' }));
    await expectAccessible(therapist);
    await screenshot(therapist, '21-note-draft');

    await therapist.getByRole('button', { name: 'Sign note' }).click();
    await therapist.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).click();
    await shown(therapist.getByRole('button', { name: 'Add addendum' }));
    await screenshot(therapist, '22-note-signed');
  });

  it('the client accepts the invitation, sees the next session and the homework, and marks it done', async () => {
    const href = await linkIn(mail, ROBIN.email, 'invitations');

    const client = await openPage(browser, server.url, { width: 390, height: 844 });
    await client.goto(href);
    const password = 'drums at dusk, slowly';
    await client.getByLabel('Password', { exact: true }).fill(password);
    await client.getByLabel('Confirm password', { exact: true }).fill(password);
    await client.getByRole('button', { name: 'Set password' }).click();
    await client.getByRole('link', { name: 'Go to sign in' }).click();
    await fillCredentials(client, ROBIN.email, password);
    await shown(client.getByRole('heading', { level: 1, name: `Welcome, ${ROBIN.name}` }));

    const sessions = await shown(client.getByRole('region', { name: 'Your next sessions' }));
    await shown(sessions.getByRole('listitem').filter({ hasText: /4:30/ }));
    const homework = await shown(client.getByRole('article', { name: HOMEWORK }));
    await expectAccessible(client);
    await screenshot(client, '23-portal-homework');
    await homework.getByLabel('How did it go?').fill(COMMENT);
    await homework.getByRole('button', { name: 'Mark as done' }).click();
    await shown(homework.getByText(`You wrote: “${COMMENT}”`));
    expect(
      await client.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });

  it("the therapist opens the brief for the next session: the plan, the thread and the client's comment", async () => {
    await therapist.goto(episodeUrl);
    await therapist.getByRole('link', { name: 'Open brief' }).first().click();
    await shown(therapist.getByText(PLAN));
    await shown(therapist.getByText(THREAD));
    await shown(therapist.getByText(HOMEWORK));
    await shown(therapist.getByText(COMMENT, { exact: false }));
    await expectAccessible(therapist);
    await screenshot(therapist, '24-brief');
  });

  it('a draft whose episode is closed meanwhile says why it can no longer be saved', async () => {
    await therapist.goto(episodeUrl);
    await therapist.getByRole('button', { name: 'Write note' }).click();
    await therapist.getByRole('button', { name: 'Start writing' }).click();
    await therapist.waitForURL(/\/notes\//);
    const responses = therapist.getByLabel('Client responses');
    await responses.fill('Quiet start; ');
    await shown(therapist.getByRole('status').filter({ hasText: 'Saved' }));

    // Meanwhile, in another tab, the episode is closed (the API call that tab's button makes).
    const episodeId = new URL(episodeUrl).pathname.split('/').at(-1) ?? '';
    const status = await therapist.evaluate(async (id) => {
      const csrf = document.cookie
        .split('; ')
        .find((c) => c.startsWith('tl_csrf='))
        ?.slice('tl_csrf='.length);
      const answer = await fetch(`/api/v1/episodes/${id}/ending`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': decodeURIComponent(csrf ?? ''),
        },
        body: JSON.stringify({
          kind: 'transfer',
          reason: 'Robin moved away.',
          transferTo: 'A music therapist near their new home',
          handoverSummary: 'Six sessions; drumming helped with low mood.',
        }),
      });
      return answer.status;
    }, episodeId);
    expect(status).toBe(201);

    await responses.fill('Quiet start; then the drum loop.');
    const refusal = await shown(
      therapist.getByRole('alert').filter({ hasText: 'This note can no longer be changed' }),
    );
    // The server's words name the phase; nothing suggests an edit in another tab.
    await shown(refusal.getByText(/closed/));
    expect(await refusal.textContent()).not.toContain('another tab');
    await expectAccessible(therapist);
  });
});
