import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no bundled browser download). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's explanation for the first failing element (e.g. the measured contrast ratio). */
  summary: string;
};

/**
 * Runs axe-core on the page and returns the serious and critical violations.
 * The app's CSP (`script-src 'self'`) blocks an injected <script>, so the source is evaluated
 * through the DevTools protocol instead, which CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  // Inside the page the global is window.axe; never reference the Node import in this callback.
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
        summary: v.nodes[0]?.failureSummary ?? '',
      }));
  });
}

/** One line per violation, for a readable assertion failure. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help}\n  ${v.targets.slice(0, 5).join('\n  ')}\n  ${v.summary}`,
    )
    .join('\n');
}

export const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../screenshots',
);

/** Full-page PNG at e2e/screenshots/<name>.png (git-ignored; CI lists the folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
