import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { ADMIN, expectAccessible, MAYA, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 4's journey: the client completes a PHQ-9 with item 9 above 0 on a phone and at once sees
 * crisis resources; the therapist's caseload shows the urgent alert with the rule that fired; the
 * episode's chart shows the score with its severity bands.
 */
const PHQ9 = 'Patient Health Questionnaire (PHQ-9)';

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

describe('measurement-based care in a browser', () => {
  it('the client answers a PHQ-9 on a phone and sees crisis resources straight away', async () => {
    const client = await openPage(browser, server.url, { width: 390, height: 844 });
    await signIn(client, SAM.email);
    const card = await shown(client.getByRole('region', { name: 'Questionnaires to complete' }));
    await card.getByRole('link', { name: PHQ9 }).click();
    await shown(client.getByRole('heading', { level: 1, name: PHQ9 }));

    const items = client.getByRole('group');
    await shown(items);
    const count = await items.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      // "Several days" everywhere: 9 points, and item 9 (thoughts of self-harm) above 0.
      await items.nth(i).getByRole('radio', { name: 'Several days' }).check({ force: true });
    }
    await shown(client.getByText('9 of 9 answered'));
    expect(
      await client.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expectAccessible(client);
    await client.getByRole('button', { name: 'Submit' }).click();

    const crisis = await shown(client.getByRole('alert').filter({ hasText: '116 123' }));
    expect(await crisis.getByRole('link', { name: /116 123/ }).count()).toBeGreaterThan(0);
    await shown(client.getByText('Thank you — your answers are sent'));
    await expectAccessible(client);
    await screenshot(client, '30-crisis-resources-phone');
  });

  it('the therapist sees the urgent alert with its rule, and the chart with severity bands', async () => {
    const therapist = await openPage(browser, server.url);
    await signIn(therapist, MAYA.email, MAYA.totp);
    const alerts = await shown(therapist.getByRole('region', { name: /Alerts: .* urgent/ }));
    const samAlert = alerts.getByRole('listitem').filter({ hasText: SAM.name }).first();
    await shown(samAlert);
    await samAlert.getByText('Why am I seeing this alert?').click();
    await shown(samAlert.getByText(/Rule:.*item 9|Rule:.*risk/i));
    await expectAccessible(therapist);
    await screenshot(therapist, '31-caseload-urgent-alert');

    await therapist
      .getByRole('table', { name: 'Clients in your caseload' })
      .getByRole('link', { name: SAM.name })
      .click();
    await therapist
      .getByRole('link', { name: /Music therapy — anxiety and sleep/ })
      .first()
      .click();
    const progress = await shown(therapist.getByRole('region', { name: 'Progress' }));
    const chart = await shown(progress.getByRole('img', { name: /PHQ-9/ }));
    // Severity bands are drawn as shaded areas behind the line.
    await shown(chart.locator('.recharts-reference-area').first());
    expect(await chart.locator('.recharts-reference-area').count()).toBeGreaterThanOrEqual(5);
    await chart.scrollIntoViewIfNeeded();
    await expectAccessible(therapist);
    await screenshot(therapist, '32-progress-chart');
    await chart.screenshot({ path: 'e2e/screenshots/33-phq9-chart.png' });
  });

  it('the practice administrator switches a questionnaire off and sets the PCL-5 reliable change, on a phone', async () => {
    const admin = await openPage(browser, server.url, { width: 390, height: 844 });
    await signIn(admin, ADMIN.email, ADMIN.totp);
    const section = await shown(admin.getByRole('region', { name: 'Questionnaires' }));
    // Each questionnaire shows its licence, so the administrator knows what a switch means.
    await shown(section.getByText(/CORE System Trust/).first());
    const core = section.getByRole('switch', { name: /CORE-10/ });
    expect(await core.isChecked()).toBe(true);
    await core.uncheck({ force: true });
    await section.getByRole('combobox', { name: /PCL-5 reliable change/ }).selectOption('7');
    await section.getByRole('button', { name: 'Save questionnaire settings' }).click();
    await shown(admin.getByText('Questionnaire settings saved.'));
    expect(
      await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expectAccessible(admin);
    await admin.reload();
    const reloaded = await shown(admin.getByRole('region', { name: 'Questionnaires' }));
    await shown(reloaded.getByRole('switch', { name: /CORE-10/ }));
    expect(await reloaded.getByRole('switch', { name: /CORE-10/ }).isChecked()).toBe(false);
    expect(
      await reloaded.getByRole('combobox', { name: /PCL-5 reliable change/ }).inputValue(),
    ).toBe('7');
  });
});
