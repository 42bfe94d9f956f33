import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../apps/server/src/mail/smtp-sink';
import { launchBrowser, screenshot } from './support/browser';
import { linkIn } from './support/inbox';
import { inviteAndStartEpisode, joinFromInvitation } from './support/practice';
import { findUnreadable } from './support/readable';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, shown, signIn } from './support/session';

/**
 * Issue 10's journey, as one story, at a desk (1280 px) and on a phone (390 px): Maya takes on a
 * new client and proposes how they keep in touch; the client reads and accepts it, writes outside
 * Maya's hours and sees the automatic reply, then writes words about wanting to die and sees
 * crisis resources at once; Maya sees the urgent alert naming the phrase and replies; the client
 * signs the supervision consent and Ruth, Maya's supervisor, sees the episode; the client
 * withdraws and Ruth no longer does; the client opens "Who has seen my record" and finds Ruth's
 * reading there. Every screen is read as a person reads it, axe clean, and saved as
 * e2e/screenshots/i10-journey-NN-<what>-<width>.png.
 *
 * "Outside hours" does not depend on when the test runs: Maya's only working hours are on the
 * weekday three days after today (UTC), which is never today in any time zone.
 */
const RUTH = {
  email: 'ruth@demo.throughline.test',
  name: 'Dr Ruth Adler (supervisor)',
  totp: 'ONSWG4TFOQQGC3DMEBZWK3DSMV2HGIDB',
};
const WIDTHS = [
  { width: 1280, height: 800, client: { name: 'Noor Haddad', email: 'noor@journey.example' } },
  { width: 390, height: 844, client: { name: 'Ines Calder', email: 'ines@journey.example' } },
] as const;
const CONTACT = 'Contact agreement and messages';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

let server: RunningServer;
let browser: Browser;
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

/** The weekday (Monday first) three days from today: not today, yesterday or tomorrow anywhere. */
function weekdayAwayFromToday(): string {
  const utcDay = new Date(Date.now() + 3 * 86_400_000).getUTCDay(); // 0 is Sunday
  return WEEKDAYS[(utcDay + 6) % 7] as string;
}

/** The screen as a person reads it: plain words, no sideways scroll, axe clean; then saved. */
async function readable(page: Page, name: string, width: number): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible, as a person reads it.
  const text = await page.locator('body').innerText();
  const found = findUnreadable(text);
  expect(found, found.map((f) => `${f.rule}: “${f.text}”`).join('\n')).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await screenshot(page, `i10-journey-${name}-${width}`);
}

/** Follows a link of the main menu, behind the menu button on a phone. */
async function openFromMenu(page: Page, label: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Open menu' });
  if (await button.isVisible()) {
    await button.click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: label })
      .click();
  } else {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  }
}

async function send(page: Page, body: string): Promise<void> {
  await page.getByLabel('Your message').fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe('boundaries the software holds, one journey', () => {
  for (const { width, height, client } of WIDTHS) {
    it(`at ${width} px: agreement, messages, risk alert, supervision consent, access report`, {
      timeout: 300_000,
    }, async () => {
      const viewport = { width, height };

      // Maya takes on the client and proposes the contact agreement, hours on one far weekday.
      const maya = await openPage(browser, server.url, viewport);
      await signIn(maya, MAYA.email, MAYA.totp);
      await shown(maya.getByRole('heading', { level: 1, name: 'Caseload' }));
      await inviteAndStartEpisode(maya, client, {
        title: 'Music therapy, spring',
        reason: 'Panic on the night bus home; wants to sing again.',
      });
      const contact = await shown(maya.getByRole('region', { name: CONTACT }));
      await contact.getByRole('button', { name: 'Propose a contact agreement' }).click();
      const remove = contact.getByRole('button', { name: /^Remove .* window$/ });
      while ((await remove.count()) > 0) await remove.first().click();
      await contact.getByRole('button', { name: 'Add hours' }).click();
      await contact
        .getByRole('textbox', { name: 'Day' })
        .or(contact.getByRole('combobox', { name: 'Day' }))
        .first()
        .click();
      await maya.getByRole('option', { name: weekdayAwayFromToday() }).click();
      await contact.getByRole('button', { name: 'Propose to the client' }).click();
      await shown(contact.getByText(/Version 1 waits for the client to accept it/));
      await readable(maya, '01-therapist-proposes', width);

      // The client joins, reads the agreement (a safety net, not monitoring) and accepts it.
      const person = await openPage(browser, server.url, viewport);
      const href = await linkIn(mail, client.email, 'invitations');
      await joinFromInvitation(person, href, client, 'a quiet chorus at night');
      await shown(person.getByRole('region', { name: 'Messages' }));
      await person.getByRole('link', { name: 'Read the agreement' }).click();
      await shown(person.getByRole('heading', { name: 'Please read: how we keep in touch' }));
      await shown(person.getByText(/safety net, not monitoring/));
      await readable(person, '02-client-reads-agreement', width);
      await person.getByRole('button', { name: 'I have read this and agree' }).click();
      await shown(person.getByText(/^You agreed on/));

      // Outside Maya's hours: accepted, and the automatic reply shows at once.
      await send(person, 'Could we move Thursday to the afternoon?');
      const reply = await shown(person.getByRole('status').filter({ hasText: 'Automatic reply' }));
      expect(await reply.textContent()).toMatch(/usually replies within/);
      await readable(person, '03-automatic-reply', width);

      // Words about wanting to die: crisis resources at once, before anyone reads the message.
      await send(person, 'Some nights I just want to die.');
      const crisis = await shown(person.getByRole('alert').filter({ hasText: 'harming yourself' }));
      await shown(crisis.getByRole('link', { name: /^Call / }));
      await readable(person, '04-crisis-resources', width);

      // Maya: the urgent alert names the phrase; she replies from the episode page.
      await maya.reload();
      const alert = await shown(
        maya.getByRole('listitem').filter({ hasText: 'contained "want to die"' }),
      );
      await shown(alert.getByText('Urgent', { exact: true }));
      const conversation = maya.getByRole('region', { name: CONTACT });
      await shown(conversation.getByText('Some nights I just want to die.'));
      await conversation
        .getByLabel('Your message')
        .fill("Thank you for telling me. I'll call you today at 3pm.");
      await conversation.getByRole('button', { name: 'Send' }).click();
      await shown(conversation.getByText(/I'll call you today at 3pm/));
      await readable(maya, '05-therapist-sees-alert-and-replies', width);
      await person.reload();
      await shown(person.getByText(/I'll call you today at 3pm/));

      // The client signs the supervision consent; Ruth, Maya's supervisor, sees the episode.
      await person.goto('/');
      const supervision = (await shown(person.getByRole('region', { name: 'Your consents' })))
        .getByRole('listitem')
        .filter({ hasText: 'Supervision and case consultation' });
      await supervision.getByLabel('Type your full name to sign').fill(client.name);
      await supervision.getByRole('button', { name: 'Sign version 1' }).click();
      await shown(supervision.getByText(`You signed version 1 as “${client.name}”`));
      await supervision.scrollIntoViewIfNeeded();
      await readable(person, '06-client-signs-supervision-consent', width);

      const ruth = await openPage(browser, server.url, viewport);
      await signIn(ruth, RUTH.email, RUTH.totp);
      await shown(ruth.getByRole('heading', { level: 1, name: 'Supervision' }));
      await ruth.getByRole('link', { name: client.name }).click();
      await shown(ruth.getByRole('heading', { level: 1, name: client.name }));
      await shown(ruth.getByText(/Therapist: Maya Okafor/));
      await readable(ruth, '07-supervisor-sees-episode', width);

      // The client withdraws: on Ruth's next request the episode is gone.
      await supervision.getByRole('button', { name: 'Withdraw my consent' }).click();
      await shown(supervision.getByText('Withdrawn. It took effect straight away.'));
      await readable(person, '08-client-withdraws', width);
      await ruth.reload();
      await shown(ruth.getByText(/not shared with you \(or no longer are\)/));
      await ruth.goto('/');
      // Sam (the demo) still consents: the list has loaded when his name is there.
      await shown(ruth.getByRole('link', { name: /Sam Rivera/ }));
      expect(await ruth.getByRole('link', { name: client.name }).count()).toBe(0);
      await readable(ruth, '09-supervisor-no-longer-sees', width);

      // The client opens "Who has seen my record": Ruth's and Maya's reading, in plain words.
      await openFromMenu(person, 'Who has seen my record');
      await shown(person.getByRole('heading', { level: 1, name: 'Who has seen my record' }));
      const entries = person
        .getByRole('list', { name: 'Who opened or changed the record, newest first' })
        .getByRole('listitem');
      await shown(entries.filter({ hasText: `${RUTH.name}, supervisor, read` }));
      await shown(entries.filter({ hasText: `${MAYA.name}, therapist, read` }));
      await readable(person, '10-client-access-report', width);

      for (const page of [maya, person, ruth]) await page.context().close();
    });
  }
});
