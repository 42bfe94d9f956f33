import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 10: the client reads and accepts the contact agreement, writes outside the therapist's
 * hours and sees the automatic reply, writes words about harming themself and sees crisis
 * resources at once; the therapist sees the urgent alert with the matched phrase and replies.
 * Maya first proposes a change without working hours, so "outside hours" does not depend on
 * when the test runs.
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
  await page.goto('/');
  await page
    .getByRole('table', { name: 'Clients in your caseload' })
    .getByRole('link', { name: /Sam Rivera/ })
    .click();
  await page
    .getByRole('link', { name: /Music therapy — anxiety and sleep/ })
    .first()
    .click();
  await shown(page.getByRole('region', { name: 'Contact agreement and messages' }));
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('contact agreement and messages in a browser', () => {
  it('the therapist proposes a change, the client accepts it and writes', async () => {
    const maya = await openPage(browser, server.url);
    await signIn(maya, MAYA.email, MAYA.totp);
    await openSamsEpisode(maya);
    const contact = maya.getByRole('region', { name: 'Contact agreement and messages' });
    await shown(contact.getByText(/Version 1, accepted by the client/));
    await contact.getByRole('button', { name: 'Propose a change' }).click();
    const remove = contact.getByRole('button', { name: /^Remove .* window$/ });
    while ((await remove.count()) > 0) await remove.first().click();
    await contact.getByRole('button', { name: 'Propose to the client' }).click();
    await shown(
      contact.getByText(/Version 2 waits for the client to accept it; version 1 applies/),
    );
    await expectAccessible(maya);
    await screenshot(maya, 'i10-01-therapist-proposes');

    const sam = await openPage(browser, server.url, { width: 390, height: 844 });
    await signIn(sam, SAM.email);
    await shown(sam.getByRole('region', { name: 'Messages' }));
    await sam.getByRole('link', { name: 'Read the agreement' }).click();
    await shown(sam.getByRole('heading', { name: 'Please read: how we keep in touch' }));
    await shown(sam.getByText(/safety net, not monitoring/));
    await expectAccessible(sam);
    await noSidewaysScroll(sam);
    await screenshot(sam, 'i10-02-client-reads-agreement-390');
    await sam.getByRole('button', { name: 'I have read this and agree' }).click();
    await shown(sam.getByText(/^You agreed on/));

    await sam.getByLabel('Your message').fill('Could we talk about the playlist on Tuesday?');
    await sam.getByRole('button', { name: 'Send' }).click();
    const reply = await shown(sam.getByRole('status').filter({ hasText: 'Automatic reply' }));
    expect(await reply.textContent()).toMatch(/usually replies within 2 days/);
    await shown(sam.getByText('Samaritans'));
    await expectAccessible(sam);
    await noSidewaysScroll(sam);
    await screenshot(sam, 'i10-03-auto-reply-390');

    // A file with a message: the encrypted attachment store, opened by the two parties.
    await sam.getByLabel('Your message').fill('Here is the second verse.');
    await sam.locator('input[type="file"]').setInputFiles({
      name: 'second verse.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Night shift, second verse'),
    });
    await sam.getByRole('button', { name: 'Send' }).click();
    await shown(sam.getByRole('link', { name: /second verse\.txt/ }));

    await sam.getByLabel('Your message').fill('Some nights I just want to die.');
    await sam.getByRole('button', { name: 'Send' }).click();
    const crisis = await shown(sam.getByRole('alert').filter({ hasText: 'harming yourself' }));
    await shown(crisis.getByRole('link', { name: 'Call 116 123' }));
    await expectAccessible(sam);
    await screenshot(sam, 'i10-04-crisis-resources-390');

    // The therapist: the urgent alert names the phrase; the reply goes from the episode page.
    await maya.reload();
    const alerts = await shown(maya.getByText(/contained "want to die"/));
    expect(await alerts.count()).toBeGreaterThan(0);
    const conversation = maya.getByRole('region', { name: 'Contact agreement and messages' });
    await shown(conversation.getByText('Some nights I just want to die.'));
    await shown(conversation.getByRole('link', { name: /second verse\.txt/ }));
    await conversation
      .getByLabel('Your message')
      .fill("Thank you for telling me, Sam. I'll call you today at 3pm.");
    await conversation.getByRole('button', { name: 'Send' }).click();
    await shown(conversation.getByText(/I'll call you today at 3pm/));
    await expectAccessible(maya);
    await screenshot(maya, 'i10-05-therapist-replies');

    // The brief: messages since the last session, with a reply box.
    await maya.goto(`${new URL(maya.url()).pathname}/brief`);
    const brief = await shown(
      maya.getByRole('region', { name: 'Messages since the last session' }),
    );
    await shown(brief.getByText('Some nights I just want to die.'));
    await shown(brief.getByLabel('Reply'));
    await expectAccessible(maya);
    await screenshot(maya, 'i10-07-brief-messages');

    await sam.reload();
    await shown(sam.getByText(/I'll call you today at 3pm/));
    await screenshot(sam, 'i10-06-client-sees-reply-390');
  });
});
