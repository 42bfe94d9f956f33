import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 10, the access report (HIPAA 45 CFR 164.528): Maya opens Sam's session note; Sam, on a
 * phone, opens "Who has seen my record" and finds that read, newest first, in plain words; the
 * staff see the same report. The journey (boundaries-journey.spec.ts) shows a client reaching
 * the report from the menu, at 1280 and 390 px, read as plain words and axe clean.
 */
const PHONE = { width: 390, height: 844 };
const LIST = 'Who opened or changed the record, newest first';

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

describe('who has seen my record', () => {
  let noteTitle = '';

  it("Maya opens one of Sam's session notes", async () => {
    const therapist = await openPage(browser, server.url);
    await signIn(therapist, MAYA.email, MAYA.totp);
    await therapist
      .getByRole('table', { name: 'Clients in your caseload' })
      .getByRole('link', { name: SAM.name })
      .click();
    await shown(therapist.getByRole('heading', { level: 1, name: SAM.name }));
    const timeline = await shown(therapist.getByRole('region', { name: 'Relationship timeline' }));
    await timeline.locator('a[href^="/notes/"]').first().click();
    await therapist.waitForURL(/\/notes\//);
    const heading = await shown(therapist.getByRole('heading', { level: 1 }));
    noteTitle = (await heading.first().textContent()) ?? '';
    expect(noteTitle).not.toBe('');
    await therapist.close();
  });

  it('Sam, on a 390-px phone, sees that read in plain words, and no API tokens', async () => {
    const client = await openPage(browser, server.url, PHONE);
    await signIn(client, SAM.email);
    await shown(client.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    // Reaching it from the phone's menu, plain words, axe: the journey (boundaries-journey.spec.ts).
    await client.goto('/access-report');
    await shown(client.getByRole('heading', { level: 1, name: 'Who has seen my record' }));
    const entries = client.getByRole('list', { name: LIST }).getByRole('listitem');
    await shown(entries.first());
    // Newest first: Maya's opening of the note is among the top entries (the note page also
    // reads the session it belongs to, listed as "a session booking").
    const noteRead = entries.filter({ hasText: `${MAYA.name}, therapist, read a session note` });
    await shown(noteRead.first());
    const newest = await entries.evaluateAll((items) =>
      items.slice(0, 3).map((i) => i.textContent),
    );
    expect(newest.join('\n')).toContain(`${MAYA.name}, therapist, read a session note`);
    const top = (await noteRead.first().textContent()) ?? '';
    // A time a person reads (a weekday and a month in words).
    expect(top).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/);
    // The demo's earlier reads are there too: the details and the pre-session summary.
    await shown(client.getByText(`${MAYA.name}, therapist, read a pre-session summary`));
    await screenshot(client, '50-access-report-phone');

    await client.goto('/settings/security');
    await shown(client.getByRole('heading', { level: 1, name: 'Security' }));
    // Tokens are for staff: neither the section nor a mention of them.
    expect(await client.getByText(/API tokens?/i).count()).toBe(0);
    await expectAccessible(client);
    await screenshot(client, '51-client-security-phone');
  });

  it("Maya sees the same report on Sam's page, and opening it is listed for Sam", async () => {
    const therapist = await openPage(browser, server.url);
    await signIn(therapist, MAYA.email, MAYA.totp);
    await therapist
      .getByRole('table', { name: 'Clients in your caseload' })
      .getByRole('link', { name: SAM.name })
      .click();
    const section = await shown(
      therapist.getByRole('region', { name: 'Who has seen this record' }),
    );
    await section.getByRole('button', { name: 'Show who has seen this record' }).click();
    await shown(section.getByText(`${MAYA.name}, therapist, read a session note`));
    await expectAccessible(therapist);
    await screenshot(therapist, '52-client-page-access-report');

    const client = await openPage(browser, server.url, PHONE);
    await signIn(client, SAM.email);
    await shown(client.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await client.goto('/access-report');
    await shown(client.getByRole('heading', { level: 1, name: 'Who has seen my record' }));
    const top = await shown(client.getByRole('list', { name: LIST }).getByRole('listitem').first());
    expect(await top.textContent()).toContain(
      `${MAYA.name}, therapist, read the list of who has seen the record`,
    );
  });
});
