import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 10, what the one journey (boundaries-journey.spec.ts) does not show: on the demo's Sam,
 * whose version 1 is accepted, Maya proposes a change (no working hours); version 1 applies until
 * Sam, on a phone, accepts version 2. Sam sends a file with a message; Maya sees it on the
 * episode page and in the brief, which lists messages since the last session with a reply box.
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
    await screenshot(maya, 'i10-01-therapist-proposes');

    const sam = await openPage(browser, server.url, { width: 390, height: 844 });
    await signIn(sam, SAM.email);
    await shown(sam.getByRole('region', { name: 'Messages' }));
    await sam.getByRole('link', { name: 'Read the agreement' }).click();
    await shown(sam.getByRole('heading', { name: 'Please read: how we keep in touch' }));
    await shown(sam.getByText(/the version you accepted before still applies/));
    await screenshot(sam, 'i10-02-client-reads-agreement-390');
    await sam.getByRole('button', { name: 'I have read this and agree' }).click();
    await shown(sam.getByText(/^You agreed on/));

    // A file with a message: the encrypted attachment store, opened by the two parties.
    await sam.getByLabel('Your message').fill('Here is the second verse.');
    await sam.locator('input[type="file"]').setInputFiles({
      name: 'second verse.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Night shift, second verse'),
    });
    await sam.getByRole('button', { name: 'Send' }).click();
    await shown(sam.getByRole('link', { name: /second verse\.txt/ }));

    // The therapist sees the file on the episode page.
    await maya.reload();
    const conversation = maya.getByRole('region', { name: 'Contact agreement and messages' });
    await shown(conversation.getByText('Here is the second verse.'));
    await shown(conversation.getByRole('link', { name: /second verse\.txt/ }));

    // The brief: messages since the last session, with a reply box.
    await maya.goto(`${new URL(maya.url()).pathname}/brief`);
    const brief = await shown(
      maya.getByRole('region', { name: 'Messages since the last session' }),
    );
    await shown(brief.getByText('Here is the second verse.'));
    await shown(brief.getByLabel('Reply'));
    await expectAccessible(maya);
    await screenshot(maya, 'i10-07-brief-messages');
  });
});
