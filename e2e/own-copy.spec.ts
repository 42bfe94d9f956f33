import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, screenshotDir } from './support/browser';
import { findUnreadable } from './support/readable';
import { type RunningServer, startServer } from './support/server';
import { expectAccessible, openPage, SAM, shown, signIn } from './support/session';

/**
 * Issue 12, the client's own copy (HIPAA 164.524): Sam, on a 390-px phone, opens "Your record"
 * from the menu, reads what the copy holds and what not (psychotherapy notes, in plain words),
 * downloads the PDF, and finds the download in "Who has seen my record". The PDF's first page is
 * rendered with pdftoppm into e2e/screenshots and its text read back with pdftotext. The demo
 * practice does not review copies first, so the download is immediate. The FHIR file's link is
 * checked by its address only (its route is built beside this one).
 */
const PHONE = { width: 390, height: 844 };

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

describe('the client downloads their copy on a phone', () => {
  it('Sam reads what the copy holds, downloads the PDF and sees the download listed', async () => {
    const page = await openPage(browser, server.url, PHONE);
    await signIn(page, SAM.email);
    await shown(page.getByRole('heading', { level: 1, name: `Welcome, ${SAM.name}` }));
    await page.getByRole('link', { name: 'Your record' }).first().click();
    await shown(page.getByRole('heading', { level: 1, name: 'Your record' }));
    await shown(page.getByText(/psychotherapy notes/));
    const fhir = page.getByRole('link', { name: 'Download as a FHIR file' });
    expect(await fhir.getAttribute('href')).toBe('/api/v1/portal/export.fhir.json');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(findUnreadable(text)).toEqual([]);
    // Nothing wider than the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(overflow).toBe(false);
    await expectAccessible(page);
    await screenshot(page, '95-own-record-phone');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as PDF' }).click(),
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'own-copy-'));
    const pdf = path.join(dir, 'my-record.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Your record');
    expect(pdfText).toContain(SAM.name);
    expect(pdfText).toContain('Riverside Music Therapy (demo)');
    expect(pdfText).toContain('psychotherapy notes');
    expect(pdfText).toMatch(/Sessions/);
    // The first page as a picture beside the other screenshots.
    mkdirSync(screenshotDir, { recursive: true });
    const prefix = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
    const rendered = execFileSync('ls', [dir], { encoding: 'utf8' })
      .split('\n')
      .find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(rendered).toBeDefined();
    const target = path.join(screenshotDir, '96-own-record-pdf-page-1.png');
    copyFileSync(path.join(dir, rendered ?? ''), target);
    expect(readFileSync(target).subarray(1, 4).toString()).toBe('PNG');

    await page.goto('/access-report');
    await shown(page.getByRole('heading', { level: 1, name: 'Who has seen my record' }));
    await shown(page.getByText('You downloaded a copy of your record').first());
    await screenshot(page, '97-own-copy-in-access-report-phone');
  });
});
