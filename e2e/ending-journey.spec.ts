import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, screenshotDir } from './support/browser';
import { findUnreadable } from './support/readable';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 11's journey, as one story on the demo practice: Maya at a desk (1280 px), Sam on a phone
 * (390 px). Both give their view of readiness; Maya proposes an ending plan with a taper, a plan
 * for staying well and check-ins; Sam signs the check-in consent and accepts; the future sessions
 * are spaced out. The server's clock then moves to the last session: Maya marks the sessions
 * attended, records the planned ending, edits and shares the ending summary; Sam finds it and the
 * continuity kit in the portal and downloads the PDF. A month later the check-in arrives, Sam's
 * wellbeing is worse, Maya's aftercare queue shows why, and she offers a booster session. Sam
 * comes back: Maya closes the aftercare episode, opens a new one, and its brief starts from the
 * ending summary. Every screen is read as a person reads it and checked with axe; screenshots are
 * saved as e2e/screenshots/i11-journey-NN-<what>.png, with the PDF's first page rendered by
 * pdftoppm.
 *
 * Time moves with the server's test clock (THROUGHLINE_TEST_CLOCK_FILE, apps/server/src/test-clock.ts)
 * and each browser context is set to the server's time, so nothing waits for time to pass.
 */
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const LONDON = 'Europe/London';
const EPISODE = 'Music therapy — anxiety and sleep';
/** Each step is a few screens for two people; on a loaded 2-core machine that takes a while. */
const JOURNEY_STEP_MS = 240_000;
const HELPED = 'Writing and recording “Night Shift” together';

let server: RunningServer;
let browser: Browser;
let episodeUrl = '';
let shot = 0;

beforeAll(async () => {
  server = await startServer({ testClock: true });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** The screen as a person reads it: plain words, no sideways scroll, axe clean; then saved. */
async function readable(page: Page, name: string): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible, as a person reads it.
  const text = await page.locator('body').innerText();
  const found = findUnreadable(text);
  expect(found, found.map((f) => `${f.rule}: “${f.text}”`).join('\n')).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  shot += 1;
  await screenshot(page, `i11-journey-${String(shot).padStart(2, '0')}-${name}`);
}

/** A signed-in page whose clock reads the server's (moved) time. */
async function as(who: 'maya' | 'sam'): Promise<Page> {
  const page = await openPage(browser, server.url, who === 'maya' ? DESK : PHONE);
  await page.context().clock.setFixedTime(server.now());
  if (who === 'maya') await signIn(page, MAYA.email, MAYA.totp, server.now());
  else await signIn(page, SAM.email, undefined, server.now());
  return page;
}

/** Moves the server's clock to `at` (later than now). */
function moveClockTo(at: DateTime): void {
  const ms = at.toMillis() - server.now().getTime();
  expect(ms, `the journey moves time forward, not back (to ${at.toISO()})`).toBeGreaterThan(0);
  server.moveClock(ms);
}

/** "Tue, Dec 15, 2026", as the screens write a day in the browser's locale. */
const dayWords = (day: DateTime): string =>
  day.setLocale('en-US').toLocaleString({
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });

// Sam's sessions are on Tuesdays at 10:00, London time. The taper starts on the first Tuesday at
// least two weeks ahead, every two weeks; the last session is two steps after it.
const today = DateTime.now().setZone(LONDON).startOf('day');
const taperFrom = today.plus({ days: 14 + ((2 - today.plus({ days: 14 }).weekday + 7) % 7) });
const skipped = taperFrom.plus({ weeks: 1 });
const lastSession = taperFrom.plus({ weeks: 4 });

describe('ending together, and continuity after (issue 11)', () => {
  it(
    'both give their view of readiness, and the difference is shown',
    async () => {
      const sam = await as('sam');
      await sam.getByRole('link', { name: 'Thinking about finishing' }).click();
      await sam.getByRole('radio', { name: 'Nearly ready' }).check();
      await sam
        .getByRole('textbox', { name: 'In your own words' })
        .fill('A taper sounds right. I want to try a bad week with the playlist first.');
      await sam.getByRole('button', { name: 'Update my view' }).click();
      await shown(sam.getByText('You and Maya see this the same way.'));
      await readable(sam, 'readiness-client');

      const maya = await as('maya');
      await maya.getByRole('link', { name: SAM.name }).first().click();
      await maya.getByRole('link', { name: EPISODE, exact: true }).first().click();
      await shown(maya.getByRole('heading', { level: 1, name: `${SAM.name}: ${EPISODE}` }));
      episodeUrl = maya.url();
      const review = maya.getByRole('region', { name: 'Readiness review' });
      await (await shown(review.locator('summary'))).click();
      await review.getByRole('radio', { name: 'Ready to end', exact: true }).check();
      await review
        .getByRole('textbox', { name: 'Your view in your words' })
        .fill('Both goals met and the scores have held for weeks; I would plan the ending now.');
      await review.getByRole('button', { name: 'Update my view' }).click();
      await shown(review.getByText(/You and Sam see this a little differently/));
      await readable(maya, 'readiness-therapist');
    },
    JOURNEY_STEP_MS,
  );

  it(
    'Maya proposes a plan with a taper; Sam signs up for check-ins and accepts it',
    async () => {
      const maya = await as('maya');
      await maya.goto(episodeUrl);
      const plan = maya.getByRole('region', { name: 'Ending plan' });
      await plan.getByRole('button', { name: 'Propose an ending plan' }).click();
      await plan.getByLabel('Last session').fill(lastSession.toISODate() ?? '');
      await plan.getByRole('button', { name: 'Add a step' }).click();
      await plan.getByLabel('From').fill(taperFrom.toISODate() ?? '');
      await plan
        .getByLabel('Early warning signs')
        .fill('Lying awake past 1 am two nights running\nSkipping the evening playlist');
      await plan.getByLabel('Triggers').fill('Night shifts back to back');
      await plan
        .getByLabel('What helps')
        .fill('The wind-down playlist\nTen minutes of guitar before bed');
      await plan.getByLabel('Who to contact').fill('Lucia (mum)\nMy GP');
      await plan
        .getByLabel('The closing session')
        .fill('Record the song we wrote together, so Sam keeps a copy.');
      await plan.getByRole('button', { name: `Propose to ${SAM.name}` }).click();
      await shown(plan.getByText('Waiting for the other side to read and accept it.'));
      await readable(maya, 'plan-proposed');

      const sam = await as('sam');
      const consent = sam.getByRole('listitem', { name: 'Check-ins after therapy ends' });
      await consent.getByLabel('Type your full name to sign').fill(SAM.name);
      await consent.getByRole('button', { name: 'Sign version 1' }).click();
      await shown(consent.getByText(/You signed version 1/));
      await shown(sam.getByText('An ending plan was proposed to you and waits for your answer:'));
      await sam.getByRole('link', { name: 'Your ending plan' }).click();
      await shown(sam.getByText(`The last session is planned for ${dayWords(lastSession)}.`));
      await shown(sam.getByText(`From ${dayWords(taperFrom)}: sessions every two weeks.`));
      await readable(sam, 'plan-client');
      await sam.getByRole('button', { name: 'I have read this and agree' }).click();
      await shown(sam.getByText('You have both agreed this plan.'));

      // Both accepted the same version: the episode is ending, and only future sessions changed.
      await maya.reload();
      await shown(maya.getByText('Ending', { exact: true }).first());
      const session = (day: DateTime) =>
        maya
          .getByRole('listitem')
          .filter({ hasText: `${dayWords(day)}, 10:00 AM (London time)` })
          .first();
      await shown(session(skipped).getByText('Cancelled by the agreed ending plan'));
      await shown(session(lastSession).getByText('Scheduled'));
      await shown(session(taperFrom).getByText('Scheduled'));
      await readable(maya, 'plan-agreed-sessions');
    },
    JOURNEY_STEP_MS,
  );

  it(
    'after the last session Maya records the planned ending and shares the summary',
    async () => {
      moveClockTo(lastSession.set({ hour: 11 }));
      const maya = await as('maya');
      await maya.goto(episodeUrl);
      // The sessions up to the last one happened: mark each attended.
      const actions = maya.getByRole('button', { name: /^Actions for the session/ });
      await shown(actions);
      while ((await actions.count()) > 0) {
        const before = await actions.count();
        await actions.first().click();
        await maya.getByRole('menuitem', { name: 'Attended' }).click();
        await expect.poll(() => actions.count(), { timeout: 20_000 }).toBe(before - 1);
      }
      await maya.getByRole('button', { name: 'End therapy' }).click();
      const dialog = maya.getByRole('dialog', { name: 'End therapy' });
      await dialog
        .getByRole('textbox', { name: 'How therapy ended' })
        .or(dialog.getByRole('combobox', { name: 'How therapy ended' }))
        .first()
        .click();
      await maya.getByRole('option', { name: 'Planned ending, agreed by both' }).click();
      await shown(
        dialog.getByText('The episode moves to aftercare, with the check-ins you agreed.'),
      );
      await dialog
        .getByLabel('Reason')
        .fill('Both goals met and scores out of the clinical range; we ended as planned.');
      await dialog.getByRole('button', { name: 'Record the ending' }).click();
      await dialog.waitFor({ state: 'detached' });
      const checkIns = await shown(maya.getByRole('table').filter({ hasText: '1-month check-in' }));
      await shown(checkIns.getByText('Not due yet').first());
      await readable(maya, 'ended-aftercare');

      await maya.getByRole('link', { name: 'Write the ending summary' }).click();
      const helped = await shown(maya.getByLabel('What helped'));
      await helped.fill(`${await helped.inputValue()}\n${HELPED}`);
      await maya.getByRole('button', { name: 'Save draft' }).click();
      await shown(maya.getByText(/^Version 1, saved/));
      await maya.getByRole('button', { name: 'Share with the client' }).click();
      await shown(maya.getByText(/Shared with the client/));
      await readable(maya, 'summary-shared');
    },
    JOURNEY_STEP_MS,
  );

  it(
    'Sam keeps the summary and the continuity kit, and the PDF names them and the outcome',
    async () => {
      const sam = await as('sam');
      await shown(sam.getByRole('heading', { name: 'Your ending summary' }));
      await sam.getByRole('link', { name: /^Read the summary shared on/ }).click();
      await shown(sam.getByText(HELPED));
      await readable(sam, 'summary-client');

      await sam.goto('/');
      await sam.getByRole('link', { name: 'Your continuity kit' }).click();
      await shown(sam.getByRole('heading', { level: 1, name: 'Your continuity kit' }));
      await shown(sam.getByText('Lying awake past 1 am two nights running'));
      await shown(sam.getByText(/Night Shift \(made by you\)/));
      await readable(sam, 'continuity-kit-phone');

      const [download] = await Promise.all([
        sam.waitForEvent('download'),
        sam.getByRole('link', { name: 'Download the ending summary (PDF)' }).click(),
      ]);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'throughline-pdf-'));
      const pdf = path.join(dir, 'summary.pdf');
      await download.saveAs(pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(SAM.name);
      expect(text).toContain('Recovered');
      expect(text).toContain('Riverside Music Therapy');
      // Written for Sam: bands in words, never the scale's own labels.
      expect(text).not.toMatch(/poor-wellbeing|moderately-severe|likely-depression/);
      expect(findUnreadable(text)).toEqual([]);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        path.join(dir, 'p'),
      ]);
      shot += 1;
      const page1 = readdirPng(dir);
      renameSync(
        page1,
        path.join(screenshotDir, `i11-journey-${String(shot).padStart(2, '0')}-summary-pdf.png`),
      );
    },
    JOURNEY_STEP_MS,
  );

  it(
    'a month on, the check-in shows worse wellbeing and reaches the aftercare queue',
    async () => {
      moveClockTo(lastSession.plus({ months: 1 }).set({ hour: 10 }));
      const sam = await as('sam');
      // The invitation is a job due this morning: the queue runs it within seconds of the move.
      await expect
        .poll(
          () =>
            sam.evaluate(async () => {
              const r = await fetch('/api/v1/portal/check-ins');
              const body = (await r.json()) as { items: { status: string }[] };
              return body.items.map((i) => i.status);
            }),
          { timeout: 30_000, interval: 500 },
        )
        .toContain('invited');
      await sam.reload();
      await sam.getByRole('link', { name: /^Check-in of/ }).click();
      for (const item of [
        'Feeling nervous',
        'Not being able to stop',
        'Little interest',
        'Feeling down',
      ])
        await sam
          .getByRole('group', { name: new RegExp(item) })
          .getByRole('radio', { name: 'More than half the days' })
          .check();
      for (const item of [
        'cheerful',
        'calm and relaxed',
        'active and vigorous',
        'fresh and rested',
        'filled with things',
      ])
        await sam
          .getByRole('group', { name: new RegExp(item) })
          .getByRole('radio', { name: 'Some of the time' })
          .check();
      await sam
        .getByLabel('How are things?')
        .fill('The new rota has me on nights again and I am back to lying awake most of the week.');
      await sam.getByRole('radio', { name: 'No, not now' }).check();
      await readable(sam, 'check-in-client');
      await sam.getByRole('button', { name: 'Send my check-in' }).click();
      await shown(sam.getByText('Thank you — your check-in is sent'));

      const maya = await as('maya');
      await maya
        .getByRole('link', { name: /^Aftercare/ })
        .first()
        .click();
      const item = (await shown(maya.getByRole('listitem').filter({ hasText: SAM.name }))).first();
      await shown(item.getByText(/WHO-5/).first());
      await readable(maya, 'aftercare-queue');
      await item.getByRole('button', { name: 'Offer a booster session' }).click();
      const starts = server.now().getTime() + 7 * 86_400_000;
      const local = DateTime.fromMillis(starts).setZone(LONDON).set({ hour: 10, minute: 0 });
      await maya.getByLabel(/^Starts at/).fill(local.toFormat("yyyy-MM-dd'T'HH:mm"));
      await maya.getByRole('button', { name: 'Book the booster session' }).click();
      await shown(item.getByText(/with a booster session booked/));
      await readable(maya, 'booster-offered');
    },
    JOURNEY_STEP_MS,
  );

  it(
    'Sam comes back, and the new brief starts from the ending summary',
    async () => {
      const maya = await as('maya');
      await maya.goto(episodeUrl);
      await maya.getByRole('button', { name: 'Change phase' }).click();
      const dialog = maya.getByRole('dialog', { name: 'Change phase' });
      await dialog
        .getByRole('textbox', { name: 'New phase' })
        .or(dialog.getByRole('combobox', { name: 'New phase' }))
        .first()
        .click();
      await maya.getByRole('option', { name: 'Closed' }).click();
      await dialog
        .getByLabel('Reason')
        .fill('Sam is coming back for a new course after the booster.');
      await dialog.getByRole('button', { name: 'Change phase' }).click();
      await dialog.waitFor({ state: 'detached' });
      await maya.getByRole('link', { name: /^← Back to/ }).click();
      await maya.getByRole('button', { name: 'Start episode' }).click();
      await maya.getByLabel('Title').fill('Music therapy — return');
      await maya.getByLabel('Reason').fill('Back on night shifts; sleep has slipped again.');
      await maya.getByRole('dialog').getByRole('button', { name: 'Start episode' }).click();
      await shown(maya.getByRole('button', { name: 'Change phase' }));
      await maya.getByRole('link', { name: 'Open brief' }).click();
      const before = await shown(maya.getByRole('region', { name: 'Before this episode' }));
      await shown(before.getByText(HELPED));
      await readable(maya, 'return-brief');
    },
    JOURNEY_STEP_MS,
  );
});

/** The one PNG pdftoppm wrote into `dir`. */
function readdirPng(dir: string): string {
  const first = readdirSync(dir).find((f) => f.endsWith('.png'));
  if (!first) throw new Error(`pdftoppm wrote no page into ${dir}`);
  return path.join(dir, first);
}
